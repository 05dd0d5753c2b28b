"""Spelling never delays typing: one keystroke in a 5,000-word comment, spelling on.

The challenge form is shown (offscreen) with a 5,000-word council comment,
the dictionary loaded and the comment's words already checked (as after the
first look at it). Each sample is one key typed in the middle of the comment,
timed from the key event to the end of the event processing it causes: the
edit, the highlighter re-marking its paragraph, layout and repaint.

- ``paragraphs``: the comment as officers write it, 50 paragraphs of 100 words;
- ``one paragraph``: the worst case, all 5,000 words in a single paragraph
  (Qt re-marks and re-lays-out the whole paragraph at every key);
- the same keystrokes with the highlighter detached, for Qt's own share.

Also reported: loading the dictionary (done once, after the first paint).
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.ui_bench import FRAME_MS, _settle, _timed
from bench.ui_bench import _summary as summarise

SAMPLE = (
    "the council officers reviewed performance against target and tolerance this quarter "
    "while the provider explained that staffing pressures in the assessment team had "
    "reduced timeliness although the trend since April shows recovery and the Director "
    "expects figures back inside tolerance by the next meeting subject to recruitment of "
    "two social workers DMBC asked for a recovery plan with monthly milestones for A09 "
    "and E20-22 recieve colour behaviour programme organise safeguarding"
)
WORDS = SAMPLE.split()
TOTAL_WORDS = 5_000
KEYS = "performance improveing "  # typed one key at a time: a word, a typo, spaces


def comment(paragraph_words: int, seed: int = 16) -> str:
    rng = random.Random(seed)
    words = [rng.choice(WORDS) for _ in range(TOTAL_WORDS)]
    paragraphs = [
        " ".join(words[i : i + paragraph_words]) for i in range(0, TOTAL_WORDS, paragraph_words)
    ]
    return "\n".join(paragraphs)


def _keystrokes(app, form, edit, text: str, spelling: bool) -> list[float]:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    edit.setPlainText(text)
    if spelling:
        form.spelling.changed.emit()  # mark the whole comment once, as on loading
    _settle(app)
    cursor = edit.textCursor()
    cursor.setPosition(len(text) // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfWord)
    edit.setTextCursor(cursor)
    edit.setFocus()
    _settle(app)
    samples = []
    for _ in range(3):
        for key in KEYS:
            samples.append(_timed(app, lambda key=key: QTest.keyClicks(edit, key)))
    return samples


def _summary(
    name: str,
    timings: list[tuple[float, float]],
    baseline: list[tuple[float, float]],
    note: str,
) -> dict:
    """``ui_bench``'s figures for the keystrokes (one frame the goal), with the same
    keystrokes' median with the highlighter detached beside them."""
    result = summarise(name, timings, FRAME_MS, note)
    result["without_spelling_median_ms"] = round(
        statistics.median(wall for wall, _cpu in baseline), 1
    )
    return result


def run() -> list[dict]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from challenge_app import spelling
    from challenge_app.board import board_for_meeting
    from challenge_app.demo import build_demo_database
    from challenge_app.store import Store
    from ui.form.challenge_form import ChallengeForm
    from ui.form.spelling import SpellingHighlighter

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp(prefix="challenge-spelling-bench-"))
    store = Store.open(build_demo_database(work / "demo.db"))
    meeting = store.meetings.latest_for_period("2016/17 Q1")
    form = ChallengeForm(store)
    form.resize(700, 1000)
    form.show()
    form.show_measure(meeting, board_for_meeting(store, meeting)[0])
    _settle(app)

    speller = spelling.Speller(personal_path=work / "words.txt")
    started = time.perf_counter()
    speller.load()
    load_ms = (time.perf_counter() - started) * 1000
    form.spelling.load_now()

    edit = form.comment
    (highlighter,) = [h for h in edit.document().children() if isinstance(h, SpellingHighlighter)]
    results = []
    for label, paragraph_words in (("50 paragraphs", 100), ("one paragraph", TOTAL_WORDS)):
        text = comment(paragraph_words)
        on, off = [], []
        for _ in range(2):  # turn about, so a noisy machine hits both alike
            highlighter.setDocument(edit.document())
            on += _keystrokes(app, form, edit, text, spelling=True)
            highlighter.setDocument(None)
            off += _keystrokes(app, form, edit, text, spelling=False)
        highlighter.setDocument(edit.document())
        results.append(
            _summary(
                f"keystroke, 5,000-word comment ({label})",
                on,
                off,
                "spelling on; key event to highlight and repaint done",
            )
        )
    results.append({"name": "spelling dictionary load (once)", "load_ms": round(load_ms)})
    form.close()
    store.close()
    return results


if __name__ == "__main__":
    for result in run():
        print(result)
