"""Killing the program mid-typing loses at most the last second.

A separate process types into the real challenge form at a steady pace and
reports each key with a timestamp; we SIGKILL it (no chance to flush or
close anything) and check the database holds everything typed more than a
second before the kill, and nothing that was never typed.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time

import pytest

from challenge_app.demo import build_demo_database
from challenge_app.store import Store
from tests.conftest import REPO
from tests.ui.typing_harness import typed_text

pytestmark = pytest.mark.slow

#: The contract under test.
AT_MOST_LOST_SECONDS = 1.0
#: Keep typing this long before the kill, so well over a second's worth must be on disk.
TYPE_FOR_SECONDS = 2.5
#: Give up (and fail) if the harness does not start or type at all in this time.
STARTUP_DEADLINE_SECONDS = 60


def _reader(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line.strip())
    lines.put(None)


def test_sigkill_mid_typing_loses_at_most_the_last_second(tmp_path):
    db = build_demo_database(tmp_path / "kill.db")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.typing_harness", str(db), "A1"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True).start()
    stamps: list[tuple[int, float]] = []
    deadline = time.monotonic() + STARTUP_DEADLINE_SECONDS
    try:
        while True:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            assert line is not None, f"harness exited early: {proc.stderr.read()}"
            if line[0].isdigit():
                count, stamp = line.split()
                stamps.append((int(count), float(stamp)))
                if stamps[-1][1] - stamps[0][1] >= TYPE_FOR_SECONDS:
                    break
    finally:
        killed_at = time.monotonic()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    while (line := lines.get(timeout=30)) is not None:
        if line[0].isdigit():
            count, stamp = line.split()
            stamps.append((int(count), float(stamp)))

    must_have = max(count for count, stamp in stamps if stamp <= killed_at - AT_MOST_LOST_SECONDS)
    typed = max(count for count, _ in stamps)
    store = Store.open(db)
    try:
        meeting = store.meetings.latest_for_period("2016/17 Q1")
        record = store.meetings.challenge(meeting.id, "A1")
    finally:
        store.close()

    assert must_have > 50  # the check below is about real typing, not an empty start
    assert record is not None, "nothing typed was saved"
    saved = record.council_comment
    assert saved == typed_text()[: len(saved)], "saved text is not what was typed"
    assert must_have <= len(saved) <= typed
