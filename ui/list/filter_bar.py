"""The row of filters above the measure list.

Each control drives one setter of ``MeasureFilterProxy``; the bar knows
nothing else. Escape in the text box clears it, so an officer who filtered
to find one measure gets the whole list back with one key.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from challenge_app.models import Placement
from challenge_app.rag import SCREEN_ORDER, Status
from ui.keys import bind
from ui.list.measure_filter import MeasureFilterProxy

ANY_AREA = "All areas"


class FilterBar(QWidget):
    changed = Signal()
    #: Down arrow in the text box: the officer has found the measure and wants the list.
    to_list = Signal()

    def __init__(self, proxy: MeasureFilterProxy, parent: QWidget | None = None):
        super().__init__(parent)
        self.proxy = proxy

        self.text = QLineEdit()
        self.text.setPlaceholderText("Filter by code or words (Ctrl+F)")
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName("Filter measures")
        self.text.setMinimumWidth(120)
        self.text.textChanged.connect(self._text_changed)
        bind(Qt.Key.Key_Escape, self.text, self.text.clear)
        bind(Qt.Key.Key_Down, self.text, self.to_list.emit)

        self.area = QComboBox()
        self.area.setAccessibleName("Service area")
        self.area.addItem(ANY_AREA, None)
        self.area.currentIndexChanged.connect(self._area_changed)

        self.status = QComboBox()
        self.status.setAccessibleName("RAG status")
        self.status.addItem("Any status", None)
        for status in SCREEN_ORDER:
            self.status.addItem(status.short, status.value)
            self.status.setItemData(
                self.status.count() - 1, status.report_wording, Qt.ItemDataRole.ToolTipRole
            )
        self.status.currentIndexChanged.connect(self._status_changed)

        self.placement = QComboBox()
        self.placement.setAccessibleName("Placement")
        self.placement.addItem("Any placement", None)
        # Items hold the enum's text: Qt would turn a StrEnum into a plain string anyway.
        for placement in Placement:
            self.placement.addItem(placement.label, placement.value)
        self.placement.currentIndexChanged.connect(self._placement_changed)

        self.written = QComboBox()
        self.written.setAccessibleName("Challenge written")
        self.written.addItem("Written or not", None)
        self.written.addItem("Challenge written", True)
        self.written.addItem("Not written yet", False)
        self.written.currentIndexChanged.connect(self._written_changed)

        self.clear_button = QToolButton()
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("Show every measure again")
        self.clear_button.clicked.connect(self.clear)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)  # the text box takes the spare width
        # Wide enough for the first choice, shrinkable so the list pane can be narrow.
        for combo, letters in ((self.area, 10), (self.status, 10), (self.placement, 13),
                               (self.written, 14)):  # fmt: skip
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(letters)
            layout.addWidget(combo)
        layout.addWidget(self.clear_button)

    def set_areas(self, areas: list[str]) -> None:
        """Offer these areas, keeping the chosen one if it still exists."""
        chosen = self.area.currentData()
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem(ANY_AREA, None)
        for area in areas:
            self.area.addItem(area, area)
        position = self.area.findData(chosen) if chosen else 0
        self.area.setCurrentIndex(max(position, 0))
        self.area.blockSignals(False)
        self.proxy.set_area(self.area.currentData())

    def focus_text(self) -> None:
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def clear(self) -> None:
        for combo in (self.area, self.status, self.placement, self.written):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self.proxy.clear_filters()
        self.changed.emit()

    # -- slots ------------------------------------------------------------
    def _text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self.changed.emit()

    def _area_changed(self) -> None:
        self.proxy.set_area(self.area.currentData())
        self.changed.emit()

    def _status_changed(self) -> None:
        value = self.status.currentData()
        self.proxy.set_status(Status(value) if value else None)
        self.changed.emit()

    def _placement_changed(self) -> None:
        value = self.placement.currentData()
        self.proxy.set_placement(Placement(value) if value else None)
        self.changed.emit()

    def _written_changed(self) -> None:
        self.proxy.set_written(self.written.currentData())
        self.changed.emit()
