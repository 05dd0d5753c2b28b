"""Start-up: ``challenge-app --demo --exit-when-ready`` against a bare QMainWindow.

Both are whole processes timed from launch to exit after the first paint, in
alternation so that machine noise hits both alike; the ratio of medians is
what we report (goal: at most 1.3x).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

BARE = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Quit(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication([])
window = QMainWindow()
window.resize(1200, 800)
quitter = Quit()
window.installEventFilter(quitter)
window.show()
app.exec()
"""


def _time(cmd: list[str]) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    subprocess.run(cmd, cwd=REPO, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def _precompile() -> None:
    """Write bytecode for our sources, as an installed or bundled program has.

    This workplace sets PYTHONDONTWRITEBYTECODE, so without this every start
    would compile the project from source and we would time the compiler.
    """
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "challenge_app", "ui"], cwd=REPO, check=True
    )


def run(repeats: int = 7) -> dict:
    _precompile()
    ours_cmd = [sys.executable, "-m", "challenge_app", "--demo", "--exit-when-ready"]
    bare_cmd = [sys.executable, "-c", BARE]
    _time(bare_cmd), _time(ours_cmd)  # warm the file cache for both
    ours, bare = [], []
    for _ in range(repeats):
        bare.append(_time(bare_cmd))
        ours.append(_time(ours_cmd))
    return {
        "name": "start-up to first paint",
        "ours_ms": round(statistics.median(ours) * 1000, 1),
        "baseline_ms": round(statistics.median(bare) * 1000, 1),
        "baseline": "bare PySide6 QMainWindow",
        "ratio": round(statistics.median(ours) / statistics.median(bare), 2),
        "goal": 1.3,
    }


if __name__ == "__main__":
    print(run())
