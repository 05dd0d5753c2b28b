"""The appendices workbook written from the demo database, read back with openpyxl."""

from __future__ import annotations

import pytest

from challenge_app.export import export_appendices
from challenge_app.rag import Status
from tests.core.test_export_support import (
    codes,
    column,
    italic_text,
    open_workbook,
    plain_text,
    runs,
    sheet_xml,
    text,
)

# Only what the demo meeting discussed: measures merely suggested for an appendix
# (nothing written, not placed by the officer) are never published.
APPENDIX_1 = ["A4", "B9", "F03"]
APPENDIX_2 = ["A2", "A3", "B14", "C14"]


@pytest.fixture
def q1_meeting(demo_store):
    return demo_store.meetings.latest_for_period("2016/17 Q1")


@pytest.fixture
def workbook_path(demo_store, q1_meeting, tmp_path):
    out = tmp_path / "appendices.xlsx"
    export_appendices(demo_store, q1_meeting, out)
    return out


@pytest.fixture
def wb(workbook_path):
    return open_workbook(workbook_path)


def test_sheets_in_the_report_order(wb):
    assert wb.sheetnames == [
        "Summary",
        "Appendix 1",
        "Appendix 2",
        "Headlines",
        "Overview",
        "Actions",
        "Data",
    ]


@pytest.mark.parametrize("sheet", ["Appendix 1", "Appendix 2"])
def test_appendix_header_names_the_parties(wb, sheet):
    ws = wb[sheet]
    assert [ws.cell(row=1, column=c).value for c in (1, 2, 3)] == [
        "Measure & performance",
        "DMBC Comment",
        "Trust Response",
    ]


def test_one_discussed_measure_a_row_in_natural_code_order(wb):
    assert codes(wb["Appendix 1"]) == APPENDIX_1
    assert codes(wb["Appendix 2"]) == APPENDIX_2


def test_first_column_as_the_report_prints_it(wb):
    ws = wb["Appendix 2"]
    a2 = ws.cell(row=2, column=1)
    assert text(a2) == (
        "A2 Timeliness of single assessments\n"
        "Q1 = 88%  July = 88%\n"
        "Target: 92%  Tolerance: 90%\n"
        "Outside tolerance"
    )
    bold = [t for t, _, b in runs(a2) if b]
    assert bold == ["A2 Timeliness of single assessments", "Outside tolerance"]
    assert a2.fill.fgColor.rgb.endswith(Status.RED.colour)


def test_units_are_the_measures_own(wb):
    ws = wb["Appendix 1"]
    f03 = column(ws)[APPENDIX_1.index("F03")]
    assert "Q1 = 0.02 per 100,000  July = 0.07 per 100,000" in f03
    assert "Target: 0.42 per 100,000  Tolerance: 0.75 per 100,000" in f03
    assert f03.endswith("On or better than target")


def test_status_colour_always_beside_its_words(wb):
    for sheet in ("Appendix 1", "Appendix 2"):
        ws = wb[sheet]
        for r in range(2, ws.max_row + 1):
            cell = ws.cell(row=r, column=1)
            word = text(cell).rsplit("\n", 1)[-1]
            status = next(s for s in Status if s.report_wording == word)
            assert cell.fill.fgColor.rgb.endswith(status.colour)


def test_comments_questions_responses_and_notes_verbatim(wb, demo_challenges):
    for sheet, order in (("Appendix 1", APPENDIX_1), ("Appendix 2", APPENDIX_2)):
        ws = wb[sheet]
        for row, code in enumerate(order, start=2):
            comment, response = ws.cell(row=row, column=2), ws.cell(row=row, column=3)
            c = demo_challenges[code]
            assert plain_text(comment).rstrip("\n") == c["council_comment"]
            assert italic_text(comment) == "\n".join(c["questions"])
            assert plain_text(response).rstrip("\n") == c["provider_response"]
            assert italic_text(response) == c["meeting_notes"]


def test_comment_then_questions_separated_by_a_blank_line(wb, demo_challenges):
    c = demo_challenges["A2"]
    cell = wb["Appendix 2"].cell(row=2, column=2)
    assert text(cell) == c["council_comment"] + "\n\n" + "\n".join(c["questions"])


#: The demo quarter's summary (areas by status), as both the workbook and the Word report
#: show it; zero is an empty cell (None), as in the reference report.
DEMO_SUMMARY_HEADER = [
    "Service area",
    "Outside tolerance",
    "Inside tolerance",
    "On or better than target",
    "No target specified",
    "Total",
]
DEMO_SUMMARY = [
    ["Social Care Pathway", 3, 1, 4, None, 8],
    ["Children in Care", 1, 1, 3, None, 5],
    ["Workforce", 2, 1, None, None, 3],
    ["Youth Offending Services", None, None, 2, None, 2],
    ["Finance", 1, None, None, None, 1],
    ["Total", 7, 3, 9, None, 19],
]


def test_summary_counts_for_the_demo_quarter(wb):
    ws = wb["Summary"]
    header = [ws.cell(row=1, column=c).value for c in range(1, 7)]
    assert header == DEMO_SUMMARY_HEADER
    table = [[ws.cell(row=r, column=c).value for c in range(1, 7)] for r in range(2, 8)]
    assert table == DEMO_SUMMARY
    # every measure of the demo quarter has its figure: nothing is yet to report
    assert all(text(ws.cell(row=r, column=1)) != "Yet to report:" for r in range(1, 40))


def test_summary_lists_the_hard_to_shift_measures(wb):
    ws = wb["Summary"]
    first = [text(ws.cell(row=r, column=1)) for r in range(1, ws.max_row + 1)]
    start = next(i for i, t in enumerate(first) if t.startswith("Hard to shift")) + 2
    listed = [
        (first[i].split(" ", 1)[0], ws.cell(row=i + 1, column=3).value)
        for i in range(start, len(first))
    ]
    assert listed == [("A3", 3), ("A8", 3), ("C14", 3), ("G1", 3)]


def test_headlines_for_both_appendices(wb, demo_challenges):
    ws = wb["Headlines"]
    assert [ws.cell(row=1, column=c).value for c in (1, 2, 3)] == [
        "Measure",
        "Status",
        "Headline conclusion",
    ]
    lines = [
        (text(ws.cell(row=r, column=1)), text(ws.cell(row=r, column=3)))
        for r in range(2, ws.max_row + 1)
    ]
    sections = [i for i, (first, _) in enumerate(lines) if first.startswith("Appendix")]
    assert [lines[i][0][:10] for i in sections] == ["Appendix 1", "Appendix 2"]
    app1 = lines[sections[0] + 1 : sections[1]]
    app2 = lines[sections[1] + 1 :]
    assert [f.split(" ")[0] for f, _ in app1] == ["A4", "B9", "F03"]
    assert [f.split(" ")[0] for f, _ in app2] == ["A2", "A3", "B14", "C14"]
    for first, headline in app1 + app2:
        assert headline == demo_challenges[first.split(" ")[0]]["headline"]


def test_actions_open_and_carried_forward(wb):
    ws = wb["Actions"]
    assert [ws.cell(row=1, column=c).value for c in range(1, 7)] == [
        "Measure", "Action", "Owner", "Due", "Status", "Raised",
    ]  # fmt: skip
    rows = [[ws.cell(row=r, column=c).value for c in range(1, 7)] for r in range(2, ws.max_row + 1)]
    assert [text(ws.cell(row=r, column=1)) for r in range(2, ws.max_row + 1)] == [
        "A2",
        "A3",
        "C14",
        "General",
    ]
    c14 = rows[2]
    assert c14[1].startswith("Trust to share the monthly recruitment")
    assert c14[4] == "Open"
    assert c14[5].date().isoformat() == "2016-05-10"  # raised at the earlier meeting
    assert rows[0][3].date().isoformat() == "2016-09-30"


def test_overview_tiles_split_good_from_concern(wb):
    ws = wb["Overview"]
    cells = [text(c) for row in ws.iter_rows() for c in row if c.value is not None]
    good = cells.index("Good and improving performance (Appendix 1)")
    concern = cells.index("Areas of concern or potential concern (Appendix 2)")
    reported = set(APPENDIX_1 + APPENDIX_2)

    def tile_codes(part):
        return [t.split(" ")[0] for t in part if t.split(" ")[0] in reported]

    assert tile_codes(cells[good:concern]) == APPENDIX_1
    assert tile_codes(cells[concern:]) == APPENDIX_2
    assert "88%" in cells[concern:] and "Outside tolerance" in cells[concern:]
    assert "Target: 92%  Tolerance: 90%" in cells[concern:]


def test_data_sheet_holds_numbers_for_charts(wb):
    ws = wb["Data"]
    header = [ws.cell(row=1, column=c).value for c in range(1, ws.max_column + 1)]
    assert header[:6] == ["Code", "Measure", "Service area", "Kind", "Polarity", "Unit"]
    assert header[-3:] == ["Target", "Tolerance", "Status"]
    assert "2016/17 Q1" in header and "Jul 2016" in header
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    assert len(rows) == 22
    a2 = rows["A2"]
    assert ws.cell(row=a2, column=header.index("2016/17 Q1") + 1).value == 88
    assert ws.cell(row=a2, column=header.index("Jul 2016") + 1).value == 88
    assert ws.cell(row=a2, column=len(header) - 2).value == 92
    assert ws.cell(row=a2, column=len(header)).value == "Outside tolerance"


def test_print_ready(wb, workbook_path):
    for name in wb.sheetnames:
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape", name
        assert ws.page_setup.paperSize == 9, name  # A4
        assert ws.oddFooter.center.text == "Page &P of &N", name
        assert ws.oddFooter.right.text == "OFFICIAL", name
        assert "2016/17 Q1" in ws.oddFooter.left.text, name
    for name in ("Summary", "Appendix 1", "Appendix 2", "Headlines", "Overview", "Actions"):
        ws = wb[name]
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0), name
    for name in ("Appendix 1", "Appendix 2", "Headlines", "Actions", "Data"):
        assert wb[name].print_title_rows == "$1:$1", name
    ws = wb["Appendix 2"]
    assert [ws.column_dimensions[c].width for c in "ABC"] == [30, 52, 52]
    assert ws.cell(row=2, column=2).alignment.wrap_text


def test_protective_marking_in_the_footer(demo_store, q1_meeting, tmp_path):
    demo_store.settings.set_protective_marking("OFFICIAL - SENSITIVE & PERSONAL")
    out = export_appendices(demo_store, q1_meeting, tmp_path / "m.xlsx").path
    ws = open_workbook(out)["Appendix 1"]
    assert ws.oddFooter.right.text == "OFFICIAL - SENSITIVE && PERSONAL"  # "&" escaped


def test_no_formula_cells_anywhere(wb, workbook_path):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
    for name, xml in sheet_xml(workbook_path).items():
        assert "<f>" not in xml and "<f " not in xml, name


def test_empty_appendix_says_so(demo_store, tmp_path):
    meeting = demo_store.meetings.latest_for_period("2015/16 Q4")
    out = export_appendices(demo_store, meeting, tmp_path / "q4.xlsx").path
    wb = open_workbook(out)
    assert wb["Appendix 1"].max_row >= 2
    assert "C14" in codes(wb["Appendix 2"])


def test_the_reports_font_is_the_workbooks_default(wb):
    """Widths are measured in the default font, and text with no font of its
    own (plain runs, the Data sheet's figures) shows in it: Arial 11."""
    data = wb["Data"]
    figure = next(c for c in data[2] if isinstance(c.value, int | float))
    nowhere = data.cell(row=data.max_row + 5, column=data.max_column + 5)
    for cell in (figure, nowhere):
        assert (cell.font.name, cell.font.sz) == ("Arial", 11), cell.coordinate
    assert wb.named_styles[0] == "Normal"
