"""Take the README's screenshots of the main window (run under Xvfb).

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/take_screenshots.py

Writes ``main-window.png`` (the demo data), ``main-window-many.png`` (70
measures with long titles and long comments, some typed to look like HTML),
``main-window-actions.png`` (the follow-up actions tab),
``main-window-dark.png`` (a dark palette, as a desktop's dark mode gives),
``previous-meetings.png`` (the Previous meetings panel at a Q2 meeting) and
``main-window-1366x768.png`` (a laptop screen: the chart folded, the cursor in the
comment) beside this file; ``--only NAME --out FILE`` takes one (run with
``QT_SCALE_FACTOR=1.5`` to check high-DPI). Each run builds
fresh databases in a temporary folder and its own settings file, so it never
touches the officer's data or window layout.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

LONG_COMMENT = (
    "Performance has been outside tolerance for three quarters. The Council notes the "
    "Trust's recovery plan but has not yet seen its effect in the figures, and asks for a "
    "breakdown by locality team. <b>This is not bold</b> and <img src=x.png> is not a picture."
)


def add_many_measures(store, count: int = 48) -> None:
    """Enough long-titled measures to make 70 in all, with figures and long comments."""
    from challenge_app.models import Challenge, Measure, Reading, Target

    meeting = store.meetings.all()[0]
    areas = ("Social Care Pathway", "Children in Care", "Early Help and Family Support Services")
    with store.transaction():
        measures = [
            Measure(
                f"H{i}",
                f"Percentage of children and young people with an up-to-date plan reviewed within "
                f"statutory timescales, cohort {i} (including those placed out of area)",
                areas[i % len(areas)],
                "contract",
                "higher" if i % 2 else "lower",
                "%",
            )
            for i in range(1, count + 1)
        ]
        store.measures.upsert(measures)
        store.measures.upsert_targets((m.code, Target("2016/17", 80, 70)) for m in measures)
        store.measures.upsert_targets((m.code, Target("2015/16", 80, 70)) for m in measures)
        readings = []
        for i, m in enumerate(measures):
            readings.append(Reading(m.code, "2016/17 Q1", 60 + (i * 7) % 35))
            readings.append(Reading(m.code, "2015/16 Q4", 62 + (i * 5) % 33))
            readings.append(Reading(m.code, "2016-07", 61 + (i * 3) % 30))
        store.measures.upsert_readings(readings)
        for m in measures[::3]:
            store.meetings.save_challenge(
                Challenge(meeting.id, m.code, LONG_COMMENT * 3, ("<i>Why?</i>",), LONG_COMMENT)
            )


def dark_palette():
    """What a desktop's dark mode hands Qt: dark bases, light text."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1e1e1e"),
        (roles.AlternateBase, "#262626"),
        (roles.Text, "#e6e6e6"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#e6e6e6"),
        (roles.Highlight, "#2f65ca"),
        (roles.HighlightedText, "#ffffff"),
        (roles.ToolTipBase, "#353535"),
        (roles.ToolTipText, "#e6e6e6"),
        (roles.PlaceholderText, "#8c8c8c"),
    ):
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#7a7a7a"))
    return palette


def add_q2_meeting(store) -> None:
    """A meeting for the next quarter, nothing written yet: the Previous meetings
    panel then shows both earlier meetings beside the empty form."""
    from datetime import date

    from challenge_app.models import Meeting

    with store.transaction():
        store.meetings.save(Meeting(None, "Quarterly challenge meeting", date(2016, 11, 8),
                                    "2016/17 Q2"))  # fmt: skip


def shoot(
    db: Path,
    out: Path,
    *,
    select: str,
    dark: bool = False,
    actions: bool = False,
    laptop: bool = False,
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from challenge_app.store import Store
    from ui.app import make_application
    from ui.window.main_window import MainWindow

    app = make_application()
    if dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    store = Store.open(db)
    settings = QSettings(str(db.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(store, demo=True, settings=settings)
    # A 1366x768 laptop leaves 1350x720 inside the window's frame and the taskbar.
    window.resize(*((1350, 720) if laptop else (1500, 920)))
    window.show()
    window.activateWindow()
    window.measures.select_code(select)
    if actions:
        window.tabs.setCurrentWidget(window.actions_panel)
    if laptop:  # as an officer works on a laptop: chart folded, cursor in the comment
        window.form.chart_fold.set_folded(True)
        window.keyboard.to_form()
    for _ in range(20):
        QApplication.processEvents()
    QTest.qWait(400)  # the Previous meetings panel fills once the selection settles
    window.grab().save(str(out))
    window.close()
    store.close()
    print(f"wrote {out}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--only",
        choices=("demo", "many", "dark", "actions", "previous", "laptop"),
        default=None,
    )
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()

    from challenge_app.demo import build_demo_database
    from challenge_app.store import Store

    work = Path(tempfile.mkdtemp(prefix="challenge-shots-"))
    if args.only in (None, "demo"):
        demo = build_demo_database(work / "demo.db")
        shoot(demo, args.out or HERE / "main-window.png", select="A2")
    if args.only in (None, "many"):
        many = build_demo_database(work / "many.db")
        store = Store.open(many)
        add_many_measures(store)
        store.close()
        shoot(many, args.out or HERE / "main-window-many.png", select="H1")
    if args.only in (None, "actions"):
        demo = build_demo_database(work / "actions.db")
        shoot(demo, args.out or HERE / "main-window-actions.png", select="C14", actions=True)
    if args.only in (None, "previous"):
        previous = build_demo_database(work / "previous.db")
        store = Store.open(previous)
        add_q2_meeting(store)
        store.close()
        shoot(previous, args.out or HERE / "previous-meetings.png", select="C14")
    if args.only in (None, "laptop"):
        laptop = build_demo_database(work / "laptop.db")
        shoot(laptop, args.out or HERE / "main-window-1366x768.png", select="A3", laptop=True)
    if args.only in (None, "dark"):
        dark = build_demo_database(work / "dark.db")
        shoot(dark, args.out or HERE / "main-window-dark.png", select="C14", dark=True)


if __name__ == "__main__":
    main()
