"""Before publishing: measures placed in an appendix with nothing written for them.

The placement rule (``challenge_app.publication``) publishes what the officer
placed in an appendix even if nothing is written for it yet, so that row
would print with empty comment and response cells. Before a document is
written the officer is told which measures those are, and chooses to go on
or to stop and write them (or take them out). Every flow that publishes the
appendices asks this same question.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from challenge_app.board import BoardRow, board_for_meeting
from challenge_app.models import Meeting
from challenge_app.store import Store
from ui.text import message_box

CONTINUE_BUTTON = "Export anyway"


def placed_but_empty(store: Store, meeting: Meeting) -> list[BoardRow]:
    return [row for row in board_for_meeting(store, meeting) if row.placed_but_empty]


def empty_rows_text(rows: list[BoardRow]) -> str:
    """One line a measure: ``A1 Re-referrals in the last 12 months (Appendix 1)``."""
    return "\n".join(f"{r.code} {r.measure.title} ({r.published.label})" for r in rows)


def confirm_placed_but_empty(
    parent: QWidget | None, store: Store, meeting: Meeting, title: str
) -> bool:
    """True to go on: nothing placed is empty, or the officer chose to export anyway."""
    rows = placed_but_empty(store, meeting)
    if not rows:
        return True
    one = len(rows) == 1
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        title,
        (
            "This measure is placed in an appendix but nothing is written for it yet: "
            "it would be published with empty comment and response cells."
            if one
            else f"These {len(rows)} measures are placed in an appendix but nothing is "
            "written for them yet: they would be published with empty comment and "
            "response cells."
        ),
        QMessageBox.StandardButton.NoButton,
        informative=empty_rows_text(rows)
        + "\n\nWrite for them, or set them to Not reported, to leave them out.",
    )
    go_on = box.addButton(CONTINUE_BUTTON, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is go_on
