"""The measure list as a Qt table model, fed whole by ``set_rows``.

Rows are ``BoardRow`` values from ``challenge_app.board``: the model only
turns them into cells (through the core's formatting) and never computes a
rule itself, so the list, the form and the exports always agree. It holds no
widgets, which keeps it testable with ``qtmodeltester`` and no window.
"""

from __future__ import annotations

from enum import IntEnum
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from challenge_app.board import BoardRow, appendix_rows
from challenge_app.codes import natural_key
from challenge_app.formatting import format_value, performance_line, target_line
from challenge_app.models import Placement
from challenge_app.periods import Quarter
from challenge_app.publication import APPENDICES
from challenge_app.rag import SCREEN_ORDER
from challenge_app.travel import Direction
from ui.text import tooltip

Index = QModelIndex | QPersistentModelIndex

#: The whole BoardRow behind any cell of a row.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's rag.Status as its text value (Qt hands a StrEnum back as a plain str).
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

WRITTEN_MARK = "✎"


class Column(IntEnum):
    """Left to right: what identifies a measure and how it stands come first,
    so the badge is in view even when the list pane is narrow."""

    CODE = 0
    TITLE = 1
    STATUS = 2
    TRAVEL = 3
    VALUE = 4
    LATEST = 5
    TARGET = 6
    TOLERANCE = 7
    WRITTEN = 8
    PLACEMENT = 9
    AREA = 10


HEADERS = {
    Column.CODE: "Code",
    Column.TITLE: "Measure",
    Column.AREA: "Area",
    Column.VALUE: "Quarter",
    Column.LATEST: "Latest month",
    Column.TARGET: "Target",
    Column.TOLERANCE: "Tolerance",
    Column.STATUS: "RAG",
    Column.TRAVEL: "Travel",
    Column.WRITTEN: "Challenge",
    Column.PLACEMENT: "Placement",
}

_NUMERIC = {Column.VALUE, Column.LATEST, Column.TARGET, Column.TOLERANCE}
_CENTRED = {Column.STATUS, Column.TRAVEL, Column.WRITTEN}
_TRAVEL_ORDER = (
    Direction.DECLINING,
    Direction.STABLE,
    Direction.IMPROVING,
    Direction.UNKNOWN,
    Direction.NO_FIGURE,
)
_PLACEMENT_ORDER = (Placement.APPENDIX1, Placement.APPENDIX2, Placement.NONE)


def _missing_last(value: float | None) -> tuple:
    """Sort key that puts rows with no figure after every row with one."""
    return (1, 0.0) if value is None else (0, value)


def latest_text(row: BoardRow) -> str:
    """``July = 24%``, the half of the report's performance line after the quarter."""
    if row.latest_month is None or row.latest_value is None:
        return ""
    value = format_value(row.latest_value, row.measure.unit, compact=True)
    return f"{row.latest_month.name} = {value}"


def _alignment(column: Column) -> int:
    if column in _NUMERIC:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if column in _CENTRED:
        return int(Qt.AlignmentFlag.AlignCenter)
    return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


# Views and the filter proxy ask for these thousands of times a repaint: constants.
_COLUMN_COUNT = len(Column)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ALIGNMENTS = tuple(_alignment(column) for column in Column)
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.FontRole,
        ROW_ROLE,
        STATUS_ROLE,
    }
)


@lru_cache(maxsize=1)
def _italic() -> QFont:
    """The suggested placement's font, made once (a cell is asked for it at every paint)."""
    font = QFont()
    font.setItalic(True)
    return font


def placement_is_default(row: BoardRow) -> bool:
    return row.challenge is None or row.challenge.placement is None


def appendix_places(rows: list[BoardRow]) -> dict[str, tuple[int, int]]:
    """Each published measure's (place, how many) in its appendix, in the appendix order."""
    places: dict[str, tuple[int, int]] = {}
    for placement in APPENDICES:
        published = appendix_rows(rows, placement)
        for place, row in enumerate(published, start=1):
            places[row.code] = (place, len(published))
    return places


class MeasureTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[BoardRow] = []
        # Each row's cell texts, made on first paint: a view asks for them on every
        # repaint and scroll, and formatting them again each time costs a frame.
        self._texts: list[tuple[str, ...] | None] = []
        self._quarter: Quarter | None = None
        # Where each published measure stands in its appendix (the Placement column).
        self._places: dict[str, tuple[int, int]] = {}

    # -- feeding ----------------------------------------------------------
    def set_rows(self, rows: list[BoardRow]) -> None:
        """Replace every row (a new meeting, or new data imported)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [None] * len(self._rows)
        self._quarter = rows[0].quarter if rows else None
        self._places = appendix_places(self._rows)
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, Column.VALUE, Column.VALUE)

    def update_row(self, row: BoardRow) -> bool:
        """Replace the row with the same code (after the form saved it); False if absent."""
        position = self.position_of(row.code)
        if position is None:
            return False
        self._rows[position] = row
        self._texts[position] = None
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(Column) - 1))
        places = appendix_places(self._rows)
        if places != self._places:  # publishing one measure renumbers its appendix
            self._places = places
            self._texts = [None] * len(self._rows)
            last = len(self._rows) - 1
            self.dataChanged.emit(
                self.index(0, Column.PLACEMENT), self.index(last, Column.PLACEMENT)
            )
        return True

    def appendix_place(self, code: str) -> tuple[int, int] | None:
        """(place, how many) of a published measure in its appendix; None if unpublished."""
        return self._places.get(code)

    def rows(self) -> list[BoardRow]:
        return list(self._rows)

    def row_at(self, position: int) -> BoardRow:
        return self._rows[position]

    def position_of(self, code: str) -> int | None:
        for position, row in enumerate(self._rows):
            if row.code == code:
                return position
        return None

    # -- Qt model API -----------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """As Qt's own, in one call: the list's filter asks for every cell it
        paints, and Qt's version calls back for the row and column counts."""
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < _COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.VALUE and self._quarter is not None:
                return f"Q{self._quarter.number} {self._quarter.financial_year}"
            return HEADERS[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.VALUE and self._quarter:
            return tooltip(self._quarter.long())
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell_texts(index.row())[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGNMENTS[index.column()]
        if role == Qt.ItemDataRole.FontRole and index.column() != Column.PLACEMENT:
            return None  # asked for every cell painted: answer without more work
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken_text(row, column)
        if role == Qt.ItemDataRole.FontRole and column == Column.PLACEMENT:
            return _italic() if placement_is_default(row) else None
        if role == ROW_ROLE:
            return row
        if role == STATUS_ROLE:
            return row.status.value
        return None

    # -- what each cell says ----------------------------------------------
    def _cell_texts(self, position: int) -> tuple[str, ...]:
        texts = self._texts[position]
        if texts is None:
            row = self._rows[position]
            texts = tuple(self.display_text(row, column) for column in Column)
            place = self._places.get(row.code)
            if place is not None and row.published is row.placement:
                # ``Appendix 1 · 2``: published, second in the appendix order
                shown = f"{texts[Column.PLACEMENT]} · {place[0]}"
                texts = (*texts[: Column.PLACEMENT], shown, *texts[Column.PLACEMENT + 1 :])
            self._texts[position] = texts
        return texts

    @staticmethod
    def display_text(row: BoardRow, column: Column) -> str:
        unit = row.measure.unit
        target = row.target
        match column:
            case Column.CODE:
                return row.code
            case Column.TITLE:
                return row.measure.title
            case Column.AREA:
                return row.measure.area
            case Column.VALUE:
                return format_value(row.value, unit, compact=True)
            case Column.LATEST:
                return latest_text(row)
            case Column.TARGET:
                return format_value(target.target, unit, compact=True) if target else ""
            case Column.TOLERANCE:
                return format_value(target.tolerance, unit, compact=True) if target else ""
            case Column.STATUS:
                return row.status.short
            case Column.TRAVEL:
                return row.direction.arrow
            case Column.WRITTEN:
                return WRITTEN_MARK if row.has_challenge else ""
            case Column.PLACEMENT:
                return row.placement.label
        return ""

    @staticmethod
    def spoken_text(row: BoardRow, column: Column) -> str:
        """What a screen reader says: symbols are replaced by words."""
        match column:
            case Column.STATUS:
                return f"RAG status {row.status.short}: {row.status.report_wording}"
            case Column.TRAVEL:
                return f"Direction of travel: {row.direction.label}"
            case Column.WRITTEN:
                return "Challenge written" if row.has_challenge else "No challenge written yet"
            case Column.PLACEMENT:
                suffix = " (suggested)" if placement_is_default(row) else ""
                return f"Placement: {row.placement.label}{suffix}"
        return MeasureTableModel.display_text(row, column)

    def _tooltip(self, row: BoardRow, column: Column) -> str | None:
        match column:
            case Column.CODE | Column.TITLE:
                return tooltip(f"{row.code} {row.measure.title}", row.measure.area)
            case Column.VALUE | Column.LATEST | Column.TARGET | Column.TOLERANCE:
                # The cells may be elided ("0.02 per …"): the tip has the report's lines.
                target = row.target
                return tooltip(
                    performance_line(
                        row.quarter, row.value, row.latest_month, row.latest_value, row.measure.unit
                    ),
                    target_line(
                        target.target if target else None,
                        target.tolerance if target else None,
                        row.measure.unit,
                    ),
                )
            case Column.STATUS:
                return tooltip(f"{row.status.short}: {row.status.report_wording}")
            case Column.TRAVEL:
                previous = format_value(row.previous_value, row.measure.unit)
                detail = f"Previous quarter: {previous}" if previous else ""
                return tooltip(row.direction.label, detail)
            case Column.WRITTEN:
                return tooltip(self.spoken_text(row, column))
            case Column.PLACEMENT:
                return tooltip(*self._placement_tip(row))
        return None

    def _placement_tip(self, row: BoardRow) -> tuple[str, str]:
        """What the Placement cell means: suggested or decided, published or not, and where."""
        place = self._places.get(row.code)
        where = (
            f"Published {_ordinal(place[0])} of {place[1]} in {row.published.label}; "
            "Ctrl+Shift+Up and Ctrl+Shift+Down move it within the appendix."
            if place
            else ""
        )
        if not placement_is_default(row):
            return f"{row.placement.label}, as decided", where
        if row.published is Placement.NONE and row.placement is not Placement.NONE:
            return (
                f"{row.placement.label} is suggested from the RAG status and direction of "
                "travel. Nothing is written for it, so it is not published.",
                "Write for it, or choose the placement in the challenge form to decide it.",
            )
        return (
            f"{row.placement.label} is suggested from the RAG status and direction of "
            "travel; choose the placement in the challenge form to decide it.",
            where,
        )

    # -- sorting ----------------------------------------------------------
    def sort_key(self, position: int, column: int) -> tuple:
        """Order for a column: natural code order, numbers as numbers, worst status first."""
        row = self._rows[position]
        code = natural_key(row.code)
        target = row.target
        match Column(column):
            case Column.CODE:
                return code
            case Column.TITLE:
                return (row.measure.title.casefold(), code)
            case Column.AREA:
                return (row.measure.area.casefold(), code)
            case Column.VALUE:
                return (_missing_last(row.value), code)
            case Column.LATEST:
                return (_missing_last(row.latest_value), code)
            case Column.TARGET:
                return (_missing_last(target.target if target else None), code)
            case Column.TOLERANCE:
                return (_missing_last(target.tolerance if target else None), code)
            case Column.STATUS:
                return (SCREEN_ORDER.index(row.status), code)
            case Column.TRAVEL:
                return (_TRAVEL_ORDER.index(row.direction), code)
            case Column.WRITTEN:
                return (not row.has_challenge, code)
            case Column.PLACEMENT:
                # within an appendix, its order: what will be published, as it will be
                place = self._places.get(row.code)
                order = place[0] if place and row.published is row.placement else len(self._rows)
                return (_PLACEMENT_ORDER.index(row.placement), order, code)
        return code


def _ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``, ``11th``, ``22nd``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
