"""The autosave timer: at most one interval from first edit to save, retries on failure."""

from __future__ import annotations

import sqlite3

from ui.form.autosave import Autosaver, SaveIndicator


def test_saves_while_typing_continues_rather_than_waiting_for_a_pause(qtbot):
    """Edits every 50 ms for 500 ms against a 200 ms interval: a debounce would
    wait for the typing to stop; we must have saved before the last edit."""
    edits = 0
    saved_after_edits = []
    saver = Autosaver(lambda: saved_after_edits.append(edits), interval_ms=200)
    for _ in range(10):
        edits += 1
        saver.mark_dirty()
        qtbot.wait(50)
    assert saved_after_edits, "nothing saved during half a second of typing"
    assert saved_after_edits[0] < edits
    assert saver.flush() and not saver.dirty


def test_flush_saves_now_and_only_when_something_is_pending():
    saves = []
    saver = Autosaver(lambda: saves.append(1), interval_ms=10_000)
    assert saver.flush() is True and saves == []
    saver.mark_dirty()
    assert saver.flush() is True and saves == [1]
    assert saver.flush() is True and saves == [1]


def test_a_failed_save_keeps_the_edit_pending_and_says_why(qtbot):
    attempts = []

    def save():
        attempts.append(1)
        if len(attempts) == 1:
            raise sqlite3.OperationalError("database is locked")

    saver = Autosaver(save, interval_ms=50)
    indicator = SaveIndicator()
    indicator.connect_to(saver)
    saver.mark_dirty()
    with qtbot.waitSignal(saver.failed) as failed:
        pass
    assert failed.args == ["database is locked"]
    assert saver.dirty
    assert "database is locked" in indicator.text()
    with qtbot.waitSignal(saver.saved, timeout=3000):
        pass  # the retry
    assert len(attempts) == 2 and not saver.dirty
    assert indicator.text().startswith("Saved")


def test_a_save_that_triggers_another_flush_writes_once():
    saves = []
    saver = Autosaver(lambda: (saves.append(1), saver.flush()), interval_ms=10_000)
    saver.mark_dirty()
    saver.flush()
    assert saves == [1]
