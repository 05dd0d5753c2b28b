"""The report's empty workbook: openpyxl's, with the report's font as its default.

Column widths are measured in the default font's digit width, so the default
font decides what a width means, in Excel and LibreOffice alike; it is also
the font of text that carries none of its own (plain runs of rich text, the
Data sheet's bare figures). openpyxl has no setter for a new workbook's
default font, but keeps the one of a workbook it opens. So the report starts
as the smallest workbook a spreadsheet program accepts, built here in memory
with the report's font in its "Normal" style and opened with ``load_workbook``
(a few milliseconds): public API only.
"""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook, load_workbook

from challenge_app.export.layout import FONT_NAME, FONT_SIZE

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"

#: Each part of the package; what openpyxl writes for a new workbook, but
#: for the font.
_BASE_PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        f'<Relationships xmlns="{_RELATIONSHIPS}">'
        f'<Relationship Id="rId1" Type="{_DOCUMENT}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOCUMENT}">'
        "<bookViews><workbookView/></bookViews>"
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>'
        '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        f'<Relationships xmlns="{_RELATIONSHIPS}">'
        f'<Relationship Id="rId1" Type="{_DOCUMENT}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_DOCUMENT}/styles" Target="styles.xml"/>'
        "</Relationships>"
    ),
    "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_MAIN}"><sheetData/></worksheet>',
    "xl/styles.xml": (
        f'<styleSheet xmlns="{_MAIN}">'
        f'<fonts count="1"><font><sz val="{FONT_SIZE}"/><name val="{FONT_NAME}"/>'
        "</font></fonts>"
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        "</cellStyleXfs>"
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        "</cellXfs>"
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0"/>'
        "</cellStyles>"
        '<tableStyles count="0" defaultTableStyle="TableStyleMedium9"'
        ' defaultPivotStyle="PivotStyleLight16"/>'
        "</styleSheet>"
    ),
}


def report_workbook() -> Workbook:
    """A workbook with no sheets whose default font is the report's (Arial 11)."""
    base = io.BytesIO()
    with zipfile.ZipFile(base, "w") as package:
        for name, xml in _BASE_PARTS.items():
            package.writestr(name, xml)
    wb = load_workbook(base)
    wb.remove(wb.active)
    return wb
