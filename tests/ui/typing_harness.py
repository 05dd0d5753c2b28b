"""A typist for the "killed mid-typing" test: the real form, typed into at a steady pace.

Run as ``python -m tests.ui.typing_harness DB CODE``. It opens the challenge
form on the latest 2016/17 Q1 meeting of the database at DB, shows measure
CODE, and types ``typed_text()`` into the council comment one key at a time
with QTest, exactly as key presses from a keyboard arrive. After each key it
prints ``<characters typed> <time.monotonic()>`` so the test, which shares
the clock, knows what was on screen when it killed the process.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

#: Milliseconds between key presses: a brisk typist, about 65 words a minute.
KEY_INTERVAL_MS = 15


def typed_text(length: int = 4000) -> str:
    """Deterministic text with words, digits, punctuation and paragraph breaks."""
    parts, n = [], 0
    while sum(map(len, parts)) < length:
        n += 1
        parts.append(f"Sentence {n} says <b>{n * 7}%</b> & more.")
        parts.append("\n" if n % 4 == 0 else " ")
    return "".join(parts)[:length]


def main(db: str, code: str) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from challenge_app.board import board_for_meeting
    from challenge_app.store import Store
    from ui.form.challenge_form import ChallengeForm

    app = QApplication([sys.argv[0]])
    store = Store.open(Path(db))
    meeting = store.meetings.latest_for_period("2016/17 Q1")
    row = next(r for r in board_for_meeting(store, meeting) if r.code == code)
    form = ChallengeForm(store)
    form.show()
    form.show_measure(meeting, row)
    form.comment.setFocus()
    text = typed_text()
    typed = 0

    def type_one() -> None:
        nonlocal typed
        if typed >= len(text):
            timer.stop()
            print("done", flush=True)
            return
        ch = text[typed]
        if ch == "\n":
            QTest.keyClick(form.comment, Qt.Key.Key_Return)
        else:
            QTest.keyClicks(form.comment, ch)
        typed += 1
        print(f"{typed} {time.monotonic():.6f}", flush=True)

    timer = QTimer()
    timer.setInterval(KEY_INTERVAL_MS)
    timer.timeout.connect(type_one)
    timer.start()
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
