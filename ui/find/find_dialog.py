"""Find in all meetings (Ctrl+Shift+F): type words, see every place they were written.

A window of its own beside the main one (not modal): results appear as the
officer types (a short pause first, ``SEARCH_DELAY_MS``), newest meeting first,
with the matched words marked. Enter or a double-click on a result hides the
dialog and opens that meeting and measure with the cursor on the match;
Ctrl+Shift+F brings the dialog back with the same words, searched afresh.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from challenge_app.search import Hit, search
from challenge_app.store import Store
from ui.find.highlight_delegate import HighlightDelegate, row_height
from ui.find.results_model import FindColumn, FindResultsModel
from ui.text import plain_label

SEARCH_DELAY_MS = 150
HINT = (
    "Searches every meeting's comments, questions, responses, notes, headlines and actions. "
    'All the words must appear; put "a phrase" in quotes.'
)
_WIDTHS = {FindColumn.MEETING: 130, FindColumn.MEASURE: 190, FindColumn.WHERE: 110}


class _SearchBox(QLineEdit):
    """Down moves to the results, so the keyboard goes from words to a result to Enter."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class FindDialog(QDialog):
    #: The result the officer chose to open.
    chosen = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle("Find in all meetings")
        self.setObjectName("findDialog")
        self.resize(900, 520)

        self.box = _SearchBox()
        self.box.setAccessibleName("Words to find")
        self.box.setPlaceholderText("Words to find in every meeting")
        self.box.setClearButtonEnabled(True)
        label = plain_label("&Find:")
        label.setBuddy(self.box)
        self.hint = plain_label(HINT)
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)

        self.model = FindResultsModel(self)
        self.view = QTableView()
        self.view.setObjectName("findResults")
        self.view.setAccessibleName("Places the words were found")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(FindColumn.TEXT, HighlightDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(row_height(self.view.fontMetrics()))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FindColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        self.view.activated.connect(self._activated)

        self.summary = plain_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.box)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.box.textChanged.connect(self._typed)
        self.box.returnPressed.connect(self._open_current)
        self.box.down.connect(self._to_results)
        self.search_now()

    # -- what the window calls --------------------------------------------
    def open_find(self) -> None:
        """Show (or bring back) the dialog with its words selected and searched afresh."""
        self.search_now()
        self.show()
        self.raise_()
        self.activateWindow()
        self.box.setFocus()
        self.box.selectAll()

    def search_now(self) -> None:
        self._timer.stop()
        results = search(self.store, self.box.text())
        self.model.set_hits(results.hits, self.store.settings.parties())
        if results.hits:
            self.view.selectRow(0)
        if not self.box.text().strip():
            self.summary.setText("")
        elif not results.total:
            self.summary.setText("Not found in any meeting.")
        elif results.truncated:
            self.summary.setText(
                f"The {len(results.hits)} most recently written of {results.total} places "
                "are listed: add words to narrow the search."
            )
        else:
            s = "s" if results.total != 1 else ""
            self.summary.setText(f"Found in {results.total} place{s}. Enter opens the one chosen.")

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()  # nothing to search for while nobody is looking
        super().hideEvent(event)

    # -- internals --------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self.summary.setText("")  # until the search runs, the old count would mislead
        self._timer.start()

    def _to_results(self) -> None:
        if self.model.rowCount():
            self.view.setFocus()
            if not self.view.currentIndex().isValid():
                self.view.selectRow(0)

    def _open_current(self) -> None:
        if self._timer.isActive():
            self.search_now()  # Enter straight after typing: search what was typed
        index = self.view.currentIndex()
        if index.isValid():
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        hit: Hit = self.model.hit_at(index.row())
        self.hide()
        self.chosen.emit(hit)
