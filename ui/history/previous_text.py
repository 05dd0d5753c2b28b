"""The Previous meetings panel's text: earlier records as the report printed them.

Everything the officer or provider wrote is escaped (``html.escape``) before
it joins the markup, so ``<b>`` or ``<img src=…>`` typed in a comment shows as
those characters and is never rendered. Questions and meeting notes are in
italics, as in the report; status is a letter and a word on its colour.
"""

from __future__ import annotations

import html
from datetime import date

from challenge_app.history import PastMeeting
from challenge_app.models import Action, Parties

#: Badge text is always dark: the status fills are light.
_BADGE_INK = "#1a1a1a"


def text_html(text: str) -> str:
    """User text, escaped, its line breaks and runs of spaces kept."""
    escaped = html.escape(text.strip("\n"))
    return escaped.replace("  ", "&nbsp; ").replace("\n", "<br>")


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _heading(text: str) -> str:
    return f"<p style='margin-top:6px; margin-bottom:0'><b>{html.escape(text)}</b></p>"


def _paragraph(text: str, italic: bool = False) -> str:
    body = text_html(text)
    return f"<p style='margin-top:0'>{f'<i>{body}</i>' if italic else body}</p>"


def _action_html(action: Action) -> str:
    state = "<b>still open</b>" if action.is_open else html.escape(action.status)
    details = [text_html(action.owner)] if action.owner.strip() else []
    if action.due is not None:
        details.append(f"due {_day(action.due)}")
    tail = f" ({', '.join(details)})" if details else ""
    return f"<li>{text_html(action.text)}{tail}: {state}</li>"


def meeting_html(past: PastMeeting, parties: Parties) -> str:
    """One earlier meeting: when, the figure and status then, what was said and promised."""
    m = past.meeting
    status = past.row.status
    parts = [
        f"<p style='margin-bottom:2px'><b>{html.escape(str(past.row.quarter))}</b>"
        f" &nbsp;{_day(m.date)}<br>{html.escape(m.title)}</p>",
        f"<p style='margin-top:0'><span style='background-color:#{status.colour};"
        f" color:{_BADGE_INK}'>&nbsp;{status.letter} {html.escape(status.short)}&nbsp;</span>"
        f"&nbsp; {text_html(past.figure)}<br>"
        f"<small>{text_html(past.target_text)}</small></p>",
    ]
    c = past.row.challenge
    if c is not None:
        if c.council_comment.strip():
            parts += [_heading(parties.comment_heading), _paragraph(c.council_comment)]
        questions = [q for q in c.questions if q.strip()]
        if questions:
            items = "".join(f"<li><i>{text_html(q)}</i></li>" for q in questions)
            parts += [_heading("Questions raised"), f"<ul style='margin-top:0'>{items}</ul>"]
        if c.provider_response.strip():
            parts += [_heading(parties.response_heading), _paragraph(c.provider_response)]
        if c.meeting_notes.strip():
            parts += [_heading("Notes from the meeting"), _paragraph(c.meeting_notes, True)]
        if c.headline.strip():
            parts += [_heading("Headline conclusion"), _paragraph(c.headline)]
    if past.actions:
        items = "".join(_action_html(a) for a in past.actions)
        parts += [_heading("Follow-up actions"), f"<ul style='margin-top:0'>{items}</ul>"]
    return "".join(parts)


def previous_html(past: list[PastMeeting], parties: Parties) -> str:
    """The meetings in ``past`` (newest first), separated by rules."""
    return "<hr>".join(meeting_html(p, parties) for p in past)
