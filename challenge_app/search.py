"""Find across every meeting: what was said, asked, answered, noted or promised.

The officer types words; we search the FTS5 index that migration
``0004_search_index`` builds and its triggers keep in step. Whatever is typed
is turned into quoted FTS5 terms (so ``NOT``, ``*``, ``"``, ``(`` or ``col:``
are words, never syntax), all of which must appear; a part in double quotes
is a phrase, and the last word also matches words it begins, as the officer
is still typing it.

Each hit says where the text is (meeting, measure, field, question number or
action) and where the words matched, as offsets into the field's text, so the
window can put the cursor there and the results list can highlight them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from challenge_app.codes import natural_key
from challenge_app.models import TEXT_FIELDS, Meeting
from challenge_app.store import Store

#: What ``search_rows.field`` names, in the order the form shows them: a challenge
#: record's fields (each question its own row, ``Hit.item`` its position), then actions.
FIELDS = (*TEXT_FIELDS, "action")

#: Results beyond this are counted but not listed: the officer narrows the search.
DEFAULT_LIMIT = 200

#: Words read from one query; more would only make the officer wait.
MAX_TERMS = 32

#: Tokens of context either side of a match in a result's snippet.
SNIPPET_TOKENS = 18

# Private-use characters mark matches in FTS5's highlight() and snippet(); a
# text that itself holds one is recognised and shown without highlighting.
_OPEN, _CLOSE, _ELLIPSIS = "\ue000", "\ue001", "…"

_PART = re.compile(r'"([^"]*)"?|([^\s"]+)')

Span = tuple[int, int]


@dataclass(frozen=True)
class Hit:
    """One field's text that matched, and where in it."""

    meeting: Meeting
    code: str | None  # None for an action on the meeting as a whole
    measure_title: str
    field: str  # one of FIELDS
    item: int  # the question's position among the record's questions (0 otherwise)
    source_id: int  # the challenge record's or the action's id
    body: str
    spans: tuple[Span, ...]  # matches in ``body``, as [start, end) string offsets
    snippet: str
    snippet_spans: tuple[Span, ...]  # matches in ``snippet``


@dataclass(frozen=True)
class Results:
    hits: list[Hit]
    total: int  # every match, including those past the limit

    @property
    def truncated(self) -> bool:
        return self.total > len(self.hits)


def _clean(text: str) -> str:
    """Control characters (a NUL would end the query early) read as spaces."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def match_expression(text: str) -> str:
    """The FTS5 expression for what the officer typed; "" when there is nothing to find.

    Every part is quoted (an FTS5 string), so no user text is ever read as
    query syntax. The last part gets a prefix ``*`` when it is a bare word the
    officer may still be typing (not quoted, not followed by a space, and longer
    than one letter: a lone letter would match nearly everything).
    """
    text = _clean(text)
    parts: list[tuple[str, bool]] = []
    for match in _PART.finditer(text):
        phrase, word = match.group(1), match.group(2)
        value = phrase if phrase is not None else word
        if value and _has_word(value):
            still_typing = word is not None and match.end() == len(text) and len(value) > 1
            parts.append((value, still_typing))
    terms = [
        '"' + value.replace('"', '""') + '"' + ("*" if prefix else "")
        for value, prefix in parts[:MAX_TERMS]
    ]
    return " ".join(terms)


def unmark(marked: str) -> tuple[str, tuple[Span, ...]]:
    """Take the match markers out of highlighted text, keeping where they were."""
    plain: list[str] = []
    spans: list[Span] = []
    length, start = 0, None
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", marked):
        if piece == _OPEN:
            start = length
        elif piece == _CLOSE:
            if start is not None and length > start:
                spans.append((start, length))
            start = None
        else:
            plain.append(piece)
            length += len(piece)
    return "".join(plain), tuple(spans)


def _marked(body: str, highlighted: str, snippet: str) -> tuple[tuple[Span, ...], str, tuple]:
    if _OPEN in body or _CLOSE in body:  # the markers would be ambiguous: no highlighting
        return (), body, ()
    _, spans = unmark(highlighted)
    plain_snippet, snippet_spans = unmark(snippet)
    return spans, plain_snippet, snippet_spans


def search(store: Store, text: str, limit: int = DEFAULT_LIMIT) -> Results:
    """Every field matching ``text``: newest meeting first, then in code order.

    When more fields match than ``limit`` the most recently written are listed
    (FTS5 walks its index newest row first and stops there, so a common word
    costs no more than a rare one) and ``Results.total`` says how many match.
    """
    expression = match_expression(text)
    if not expression:
        return Results([], 0)
    total = store.db.execute(
        "SELECT count(*) FROM search_index WHERE search_index MATCH ?", [expression]
    ).fetchone()[0]
    if not total:
        return Results([], 0)
    rows = store.db.execute(
        """SELECT r.meeting_id, r.code, COALESCE(ms.title, ''), r.field, r.item, r.source_id,
                  r.body, x.highlighted, x.snippet
           FROM (SELECT rowid AS id,
                        highlight(search_index, 0, :open, :close) AS highlighted,
                        snippet(search_index, 0, :open, :close, :ellipsis, :tokens) AS snippet
                 FROM search_index WHERE search_index MATCH :query
                 ORDER BY rowid DESC LIMIT :limit) x
           JOIN search_rows r ON r.id = x.id
           LEFT JOIN measures ms ON ms.code = r.code""",
        {
            "query": expression,
            "open": _OPEN,
            "close": _CLOSE,
            "ellipsis": _ELLIPSIS,
            "tokens": SNIPPET_TOKENS,
            "limit": limit,
        },
    ).fetchall()
    meetings = {m.id: m for m in store.meetings.all()}
    hits = []
    for meeting_id, code, title, field, item, source_id, body, highlighted, snippet in rows:
        spans, plain_snippet, snippet_spans = _marked(body, highlighted, snippet)
        hits.append(
            Hit(
                meeting=meetings[meeting_id],
                code=code,
                measure_title=title,
                field=field,
                item=item,
                source_id=source_id,
                body=body,
                spans=spans,
                snippet=plain_snippet,
                snippet_spans=snippet_spans,
            )
        )
    hits.sort(key=_reading_order)
    return Results(hits, total)


def _reading_order(hit: Hit) -> tuple:
    return (
        -hit.meeting.date.toordinal(),
        -(hit.meeting.id or 0),
        hit.code is None,
        natural_key(hit.code or ""),
        FIELDS.index(hit.field),
        hit.item,
        hit.source_id,
    )
