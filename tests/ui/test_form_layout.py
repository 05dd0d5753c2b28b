"""The form at 1366x768: what fits, the chart folded away (and remembered), the
save note readable and whole, the window no taller than the screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from challenge_app.models import Challenge
from tests.ui.test_keyboard import visible_in_form
from ui.form.wrapped_label import WrappedLabel
from ui.list.rag_delegate import contrast_ratio

#: A 1366x768 screen less the title bar and borders (ui.window.window_state).
LAPTOP = QSize(1350, 720)


def at_laptop_size(window, code: str = "A2"):
    window.resize(LAPTOP)
    window.measures.select_code(code)
    for _ in range(3):
        QApplication.processEvents()
    return window


def test_folding_the_chart_shows_comment_questions_and_response_together(
    qtbot, open_window, demo_store, ui_settings
):
    window = at_laptop_size(open_window(demo_store))
    form = window.form
    parts = (form.comment, form.questions, form.response)
    assert form.comment.toPlainText() and form.response.toPlainText()  # a typical record
    assert form.trend.isVisible()
    assert not all(visible_in_form(window, w) for w in parts)  # the chart pushes them down

    qtbot.mouseClick(form.chart_fold.button, Qt.MouseButton.LeftButton)
    for _ in range(3):
        QApplication.processEvents()
    assert form.chart_fold.folded and not form.trend.isVisible()
    assert all(visible_in_form(window, w) for w in parts)
    assert not window.chart_action.isChecked()
    window.close()

    again = at_laptop_size(open_window(demo_store, settings=ui_settings))
    assert again.form.chart_fold.folded  # remembered
    assert all(visible_in_form(again, w) for w in (again.form.comment, again.form.response))
    again.chart_action.trigger()  # View > Trend chart brings it back, drawn for this measure
    QApplication.processEvents()
    assert again.form.trend.isVisible()
    assert again.form.trend.series_points()


def test_the_saved_note_is_readable_and_never_clipped(qtbot, open_window, demo_store):
    window = at_laptop_size(open_window(demo_store))
    form = window.form
    form.comment.setFocus()
    qtbot.keyClicks(form.comment, " More.")
    form.flush()
    QApplication.processEvents()
    note = form.indicator
    assert note.text().startswith("Saved ")
    palette = note.palette()
    group = QPalette.ColorGroup.Active if note.isEnabled() else QPalette.ColorGroup.Disabled
    text = palette.color(group, note.foregroundRole())
    background = palette.color(group, note.backgroundRole())
    assert contrast_ratio(text, background) >= 4.5
    # The whole text fits inside the label, and the label inside the window.
    assert note.fontMetrics().horizontalAdvance(note.text()) <= note.contentsRect().width()
    on_window = QRect(note.mapTo(window, note.rect().topLeft()), note.size())
    assert window.rect().contains(on_window)
    assert note.isVisible()


def test_the_window_opens_no_taller_than_the_screen(open_window, demo_store, tmp_path):
    from PySide6.QtCore import QSettings

    fresh = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    window = open_window(demo_store, settings=fresh)
    available = window.screen().availableGeometry()
    assert window.frameGeometry().height() <= available.height()
    # (this test screen is 800 wide, narrower than the window can be; 1366 is not)
    assert window.width() <= max(available.width(), window.minimumSizeHint().width())


def test_switching_measure_fits_each_text_field_to_its_new_text(qtbot, open_window, demo_store):
    window = open_window(demo_store)
    long = "\n".join(f"Paragraph {n} of a long comment about the figures." for n in range(30))
    demo_store.meetings.save_challenge(Challenge(window.meeting.id, "A3", council_comment=long))
    demo_store.meetings.save_challenge(Challenge(window.meeting.id, "A4", council_comment="Short."))
    form = window.form
    comment = form.comment

    def show(code: str) -> int:
        window.measures.select_code(code)
        for _ in range(2):
            QApplication.processEvents()
        return comment.height()

    tall = show("A3")
    assert comment.toPlainText() == long
    assert comment.verticalScrollBar().maximum() > 0  # taller than the field: it scrolls
    short = show("A4")
    assert comment.toPlainText() == "Short."
    assert short < tall and comment.verticalScrollBar().maximum() == 0  # all of it in view
    assert show("A3") == tall and show("A4") == short  # the same sizes every time


def test_a_wrapped_label_grows_and_shrinks_with_its_text_and_font(qtbot):
    label = WrappedLabel()
    qtbot.addWidget(label)
    label.setWordWrap(True)
    label.setText("One line")
    one = label.heightForWidth(120)
    label.setText("A much longer text that has to wrap over several lines at this width")
    several = label.heightForWidth(120)
    assert several > one
    assert label.heightForWidth(600) < several  # wider: fewer lines
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    label.setFont(font)
    assert label.heightForWidth(120) > several
    label.clear()
    assert label.heightForWidth(120) < one * 2
