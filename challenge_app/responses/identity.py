"""Which database and meeting a response workbook belongs to, recorded inside it.

The workbook travels by email to the provider and back, is opened and saved
in Excel or LibreOffice, and may sit in a folder beside last quarter's. So
the meeting it was sent for is written into the file as custom document
properties (File > Properties > Custom in both programs): they survive a save
in Excel, LibreOffice and openpyxl (tested), they do not show on the sheet
the provider types in, and they cannot be changed by typing in a cell.

The properties hold the database's identity (``SettingsRepo.ensure_database_id``)
and the meeting's id, period, date and title: the id finds the meeting, the
rest names it in a message when the workbook belongs elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty

from challenge_app.models import Meeting

#: The property whose presence makes a workbook a response workbook, and its value.
KIND_PROPERTY = "Challenge workbook"
KIND = "response workbook 1"

_DATABASE = "Challenge database"
_MEETING_ID = "Challenge meeting id"
_PERIOD = "Challenge meeting period"
_DATE = "Challenge meeting date"
_TITLE = "Challenge meeting title"


@dataclass(frozen=True)
class WorkbookIdentity:
    """The database and meeting a response workbook was written for."""

    database_id: str
    meeting_id: int
    period: str
    meeting_date: str
    title: str

    @classmethod
    def of(cls, database_id: str, meeting: Meeting) -> WorkbookIdentity:
        if meeting.id is None:
            raise ValueError("a meeting must be saved before a workbook can name it")
        return cls(database_id, meeting.id, meeting.period, meeting.date.isoformat(), meeting.title)

    @property
    def label(self) -> str:
        """As ``Meeting.label`` words it: "2016/17 Q1 - 02 Aug 2016 - Quarterly challenge"."""
        try:
            day = f"{date.fromisoformat(self.meeting_date):%d %b %Y}"
        except ValueError:
            day = self.meeting_date
        return f"{self.period} - {day} - {self.title}"


def write_identity(wb: Workbook, identity: WorkbookIdentity) -> None:
    """Record ``identity`` in ``wb``'s custom document properties."""
    values = {
        KIND_PROPERTY: KIND,
        _DATABASE: identity.database_id,
        _MEETING_ID: str(identity.meeting_id),
        _PERIOD: identity.period,
        _DATE: identity.meeting_date,
        _TITLE: identity.title,
    }
    for name, value in values.items():
        wb.custom_doc_props.append(StringProperty(name=name, value=value))


def read_identity(wb: Workbook) -> WorkbookIdentity | None:
    """The identity recorded in ``wb``, or None if it is not a response workbook."""
    props = {p.name: p.value for p in wb.custom_doc_props}
    if props.get(KIND_PROPERTY) != KIND:
        return None
    try:
        meeting_id = int(str(props.get(_MEETING_ID, "")).strip())
    except ValueError:
        return None
    return WorkbookIdentity(
        database_id=str(props.get(_DATABASE) or ""),
        meeting_id=meeting_id,
        period=str(props.get(_PERIOD) or ""),
        meeting_date=str(props.get(_DATE) or ""),
        title=str(props.get(_TITLE) or ""),
    )
