"""Find's results as a Qt table model: meeting, measure, where, and the matching text.

The text column's display is the plain snippet (what a screen reader and
copying get); ``HighlightDelegate`` paints it with the matched words marked.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from challenge_app.models import Parties
from challenge_app.search import Hit
from ui.rows_model import Index, RowsModel
from ui.text import tooltip

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class FindColumn(IntEnum):
    MEETING = 0
    MEASURE = 1
    WHERE = 2
    TEXT = 3


HEADERS = ("Meeting", "Measure", "Where", "Text")


def where_text(hit: Hit, parties: Parties) -> str:
    """The field in the words the form uses for it ("DMBC Comment", "Question 2")."""
    return {
        "council_comment": parties.comment_heading,
        "questions": f"Question {hit.item + 1}",
        "provider_response": parties.response_heading,
        "meeting_notes": "Notes",
        "headline": "Headline",
        "action": "Action",
    }[hit.field]


def meeting_text(hit: Hit) -> str:
    m = hit.meeting
    return f"{m.period}, {m.date.day} {m.date:%b %Y}"


def measure_text(hit: Hit) -> str:
    if hit.code is None:
        return "(whole meeting)"
    return f"{hit.code} {hit.measure_title}".strip()


class FindResultsModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(HEADERS, (), parent)
        self._parties = Parties()

    def set_hits(self, hits: list[Hit], parties: Parties) -> None:
        self._parties = parties
        self.set_items(hits)

    def hit_at(self, row: int) -> Hit:
        return self.items[row]

    # -- Qt model API -----------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.items[index.row()]
        if role == HIT_ROLE:
            return hit
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                FindColumn.MEETING: meeting_text(hit),
                FindColumn.MEASURE: measure_text(hit),
                FindColumn.WHERE: where_text(hit, self._parties),
                FindColumn.TEXT: hit.snippet.replace("\n", " "),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == FindColumn.TEXT:
                return tooltip(hit.body[:2000])
            if column == FindColumn.MEETING:
                return tooltip(hit.meeting.label)
            if column == FindColumn.MEASURE:
                return tooltip(measure_text(hit))
        return None
