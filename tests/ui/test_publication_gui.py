"""Publishing from the window: the appendix order moved from the list, and a
meeting on a quarter whose figures have not arrived yet."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from challenge_app.export.report import gather
from challenge_app.models import Placement
from ui.dialogs.meeting_dialog import MeetingDialog
from ui.list.measure_model import Column

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def placement_cell(window, code: str) -> str:
    model = window.measures.model
    return model.index(model.position_of(code), Column.PLACEMENT).data()


def published(store, meeting, placement=Placement.APPENDIX1) -> list[str]:
    return [r.code for r in gather(store, meeting).placed(placement)]


def test_moving_a_measure_within_its_appendix_from_the_list(open_window, demo_store, qtbot):
    window = open_window(demo_store)
    q1 = window.meeting
    assert published(demo_store, q1) == ["A4", "B9", "F03"]
    assert window.measures.select_code("F03")
    window.measures.view.setFocus()

    qtbot.keyClick(window.measures.view, Qt.Key.Key_Up, CTRL_SHIFT)
    assert published(demo_store, q1) == ["A4", "F03", "B9"]  # stored for this meeting
    assert placement_cell(window, "F03") == "Appendix 1 · 2"
    assert placement_cell(window, "B9") == "Appendix 1 · 3"
    assert window.measures.current_code() == "F03"  # still the measure being moved
    assert window.statusBar().currentMessage() == "F03 is now number 2 of 3 in Appendix 1."

    qtbot.keyClick(window.measures.view, Qt.Key.Key_Up, CTRL_SHIFT)
    qtbot.keyClick(window.measures.view, Qt.Key.Key_Up, CTRL_SHIFT)  # already first
    assert window.statusBar().currentMessage() == "F03 is already first in Appendix 1."
    assert published(demo_store, q1) == ["F03", "A4", "B9"]

    qtbot.keyClick(window.measures.view, Qt.Key.Key_Down, CTRL_SHIFT)
    assert published(demo_store, q1) == ["A4", "F03", "B9"]


def test_the_commands_are_in_the_menu_and_the_lists_context_menu(open_window, demo_store):
    window = open_window(demo_store)
    texts = [a.text() for a in window.measures.view.actions()]
    assert texts == ["Move &up in appendix", "Move &down in appendix"]
    assert window.measures.view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    menu_texts = [a.text() for a in window.menuBar().actions()[1].menu().actions()]
    assert "Move &up in appendix" in menu_texts
    # the menu command moves the selected measure as the shortcut does
    window.measures.select_code("C14")
    window.moves.up.trigger()
    assert published(demo_store, window.meeting, Placement.APPENDIX2) == [
        "A2",
        "A3",
        "C14",
        "B14",
    ]


def test_a_measure_not_published_is_not_moved_and_the_officer_is_told_why(
    open_window, demo_store, qtbot
):
    window = open_window(demo_store)
    window.measures.select_code("A1")  # suggested for Appendix 1, nothing written
    window.measures.view.setFocus()
    qtbot.keyClick(window.measures.view, Qt.Key.Key_Down, CTRL_SHIFT)
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("A1 is not published in an appendix: write for it")
    )
    assert demo_store.meetings.appendix_positions(window.meeting.id) == {}


def test_a_meeting_on_a_quarter_with_no_figures_yet(open_window, demo_store, qtbot, when_modal):
    window = open_window(demo_store)

    def fill(dialog: MeetingDialog) -> None:
        offered = [dialog.period.itemText(i) for i in range(dialog.period.count())]
        # the quarters with figures, newest first, after the next one (not from today's date)
        assert offered[:3] == ["2016/17 Q2", "2016/17 Q1", "2015/16 Q4"]
        assert dialog.period.currentText() == "2016/17 Q1"
        assert dialog.date.date().toPython() == date(2016, 8, 1)  # follows the period
        dialog.period.setCurrentIndex(0)
        assert dialog.date.date().toPython() == date(2016, 11, 1)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(
        fill, lambda: qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    )
    assert window.meeting.period == "2016/17 Q2"
    assert window.meeting.date == date(2016, 11, 1)
    model = window.measures.model
    statuses = {
        row.code: model.index(p, Column.STATUS).data() for p, row in enumerate(model.rows())
    }
    assert statuses["A2"] == "Awaiting"  # a target, no figure: never "No target"
    assert statuses["E1"] == "No target"  # volumetric
    waiting = sum(1 for s in statuses.values() if s == "Awaiting")
    assert waiting > 10
    assert f"Awaiting {waiting}" in window.status_line.counts.text()
    assert "Appendix 1: 0, Appendix 2: 0" in window.status_line.counts.text()

    window.measures.select_code("A2")
    panel = window.form.performance
    assert panel.badge.text() == "Y  Yet to report"
    assert panel.targets.text() == "Target: 92%  Tolerance: 90%"
    assert panel.direction.text() == (
        "No figure for 2016/17 Q2 yet: no direction of travel until it arrives"
    )


def test_the_date_the_officer_types_is_kept_when_the_period_changes(demo_store, qtbot):
    dialog = MeetingDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.date.setDate(date(2016, 8, 9))
    dialog.period.setCurrentText("2016/17 Q2")
    assert dialog.date.date().toPython() == date(2016, 8, 9)
