"""The status bar: what the list holds, and brief news of what just happened.

Counts come from the rows the window already has (no extra queries), in the
report's words, so the officer can see at a glance how much is left to write.
The appendix counts are what an export would publish (DOMAIN.md's placement
rule), so they match the documents.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QStatusBar

from challenge_app.board import BoardRow
from challenge_app.models import Meeting, Placement
from challenge_app.rag import SCREEN_ORDER
from ui.text import plain_label

ANNOUNCE_MS = 10_000


def summary_text(rows: list[BoardRow], visible: int, meeting: Meeting | None) -> str:
    if not rows:
        return "No measures"
    shown = f"{len(rows)} measures" + (f", {visible} shown" if visible != len(rows) else "")
    statuses = Counter(row.status for row in rows)
    rag = ", ".join(f"{s.short} {statuses[s]}" for s in SCREEN_ORDER if statuses[s])
    parts = [shown, rag]
    if meeting is not None:
        written = sum(1 for row in rows if row.has_challenge)
        # What will be published, not what is merely suggested for empty records.
        placements = Counter(row.published for row in rows)
        parts.append(f"{written} challenges written")
        parts.append(
            f"{Placement.APPENDIX1.label}: {placements[Placement.APPENDIX1]}, "
            f"{Placement.APPENDIX2.label}: {placements[Placement.APPENDIX2]}"
        )
    return "  ·  ".join(parts)


class StatusLine:
    def __init__(self, bar: QStatusBar):
        self.bar = bar
        self.counts = plain_label()
        self.counts.setObjectName("statusCounts")
        bar.addPermanentWidget(self.counts)

    def show_rows(self, rows: list[BoardRow], visible: int, meeting: Meeting | None) -> None:
        self.counts.setText(summary_text(rows, visible, meeting))

    def announce(self, message: str) -> None:
        self.bar.showMessage(message, ANNOUNCE_MS)
