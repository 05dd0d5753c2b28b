"""Matched words marked in a result's text, with the officer's text kept literal.

Each piece of text is escaped (``html.escape``) before it is wrapped, so what
the officer typed is shown as typed, never read as markup.
"""

from __future__ import annotations

import html

from challenge_app.search import Span

#: A light marker fill that keeps dark text readable (and is not a RAG colour).
MARK_FILL = "#fff0a0"
MARK_INK = "#1a1a1a"


def highlighted_html(text: str, spans: tuple[Span, ...]) -> str:
    """``text`` as HTML with each ``[start, end)`` span bold on a marker fill."""
    parts, at = [], 0
    for start, end in sorted(spans):
        if start < at or end > len(text):
            continue  # overlapping or out of range: leave it unmarked
        parts.append(html.escape(text[at:start]))
        parts.append(
            f"<span style='background-color:{MARK_FILL}; color:{MARK_INK}'>"
            f"<b>{html.escape(text[start:end])}</b></span>"
        )
        at = end
    parts.append(html.escape(text[at:]))
    return "".join(parts).replace("\n", " ")


def utf16_offset(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units: a character beyond the basic plane is two."""
    return len(text[:index].encode("utf-16-le")) // 2
