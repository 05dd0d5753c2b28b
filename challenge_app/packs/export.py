"""Writing a database out as a challenge pack.

The order is fixed (measures in natural code order, readings by code then
period, meetings by date) so that two exports of the same data are the same
file, and a pack can be kept under version control or compared by eye.

Placement: the database keeps NULL for "the officer has not decided", and the
report then uses the default from RAG and direction of travel. A pack only
knows ``appendix1``, ``appendix2`` and ``none``, so an undecided challenge is
written with the placement the report would publish (``BoardRow.published``:
the officer's, else the suggestion if something is written for it). That
is what the colleague receiving the pack must see in their report, and it keeps
the round trip exact: a pack always imports as explicit placements, which
export as themselves. The officer's order within an appendix is written as
``order`` only for the appendix it was set in (absent: natural code order).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from challenge_app.board import board_for_meeting
from challenge_app.codes import natural_key
from challenge_app.errors import InputError, Problem
from challenge_app.models import LIST_FIELDS, TEXT_FIELDS, Meeting, Placement, Reading
from challenge_app.packs.model import (
    FORMAT,
    VERSION,
    Pack,
    PackAction,
    PackChallenge,
    PackMeasure,
    PackMeeting,
)
from challenge_app.periods import parse_period
from challenge_app.progress import Progress, no_progress
from challenge_app.store import Store


def pack_from_store(store: Store, progress: Progress = no_progress) -> Pack:
    """Everything in the database, as a pack; ``progress`` counts meetings, the slow part."""
    targets_by_code: dict[str, list] = {}
    for (code, _year), target in store.measures.targets().items():
        targets_by_code.setdefault(code, []).append(target)
    measures = tuple(
        PackMeasure(
            m,
            tuple(sorted(targets_by_code.get(m.code, []), key=lambda t: t.year)),
        )
        for m in store.measures.all()
    )
    actions_by_meeting: dict[int, list] = {}
    for action in store.meetings.all_actions():
        actions_by_meeting.setdefault(action.meeting_id, []).append(action)
    meetings = sorted(store.meetings.all(), key=lambda m: (m.date, m.period, m.title))
    packed = []
    for done, meeting in enumerate(meetings, start=1):
        packed.append(_pack_meeting(store, meeting, actions_by_meeting.get(meeting.id, [])))
        progress(done, len(meetings), "Reading meetings")
    return Pack(
        parties=store.settings.parties(),
        measures=measures,
        readings=tuple(sorted(store.measures.readings(), key=_reading_order)),
        meetings=tuple(packed),
    )


def _reading_order(reading: Reading) -> tuple:
    """By code (naturally), then quarters before months, each oldest first."""
    period = parse_period(reading.period)
    return (natural_key(reading.code), period.kind != "quarter", period.index)


def _pack_meeting(store: Store, meeting: Meeting, actions: list) -> PackMeeting:
    challenges = store.meetings.challenges(meeting.id)
    undecided = any(c.placement is None for c in challenges.values())
    effective: dict[str, Placement] = (
        {row.code: row.published for row in board_for_meeting(store, meeting)} if undecided else {}
    )
    positions = store.meetings.appendix_positions(meeting.id)

    def order(code: str, placement: Placement) -> int | None:
        position = positions.get(code)
        return position.position if position and position.placement is placement else None

    return PackMeeting(
        title=meeting.title,
        date=meeting.date,
        period=meeting.period,
        kind=meeting.kind,
        attendees=meeting.attendees,
        apologies=meeting.apologies,
        challenges=tuple(
            PackChallenge(
                code=c.code,
                placement=c.placement or effective[c.code],
                **c.texts(),
                order=order(c.code, c.placement or effective[c.code]),
            )
            for c in sorted(challenges.values(), key=lambda c: natural_key(c.code))
        ),
        actions=tuple(PackAction(a.text, a.code, a.owner, a.due, a.status) for a in actions),
    )


def _number(value: float | None) -> float | int | None:
    """24.0 is written 24, as an officer would write it; other values exactly."""
    if value is not None and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def pack_to_json(pack: Pack) -> dict[str, Any]:
    """The pack as the JSON document INTERFACES.md describes."""
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if pack.parties is not None:
        doc["parties"] = {"council": pack.parties.council, "provider": pack.parties.provider}
    doc["measures"] = [
        {
            "code": m.measure.code,
            "title": m.measure.title,
            "area": m.measure.area,
            "kind": m.measure.kind,
            "polarity": m.measure.polarity,
            "unit": m.measure.unit,
            "targets": [
                {"year": t.year, "target": _number(t.target), "tolerance": _number(t.tolerance)}
                for t in m.targets
            ],
        }
        for m in pack.measures
    ]
    doc["readings"] = [
        {"code": r.code, "period": r.period, "value": _number(r.value)} for r in pack.readings
    ]
    doc["meetings"] = [_meeting_json(m) for m in pack.meetings]
    return doc


def _challenge_json(c: PackChallenge) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "code": c.code,
        "placement": c.placement.value,
        **{
            name: list(getattr(c, name)) if name in LIST_FIELDS else getattr(c, name)
            for name in TEXT_FIELDS
        },
    }
    if c.order is not None:  # absent: natural code order, as packs written before it
        doc["order"] = c.order
    return doc


def _meeting_json(m: PackMeeting) -> dict[str, Any]:
    return {
        "title": m.title,
        "date": m.date.isoformat(),
        "period": m.period,
        "kind": m.kind,
        "attendees": list(m.attendees),
        "apologies": list(m.apologies),
        "challenges": [_challenge_json(c) for c in m.challenges],
        "actions": [
            {
                "code": a.code,
                "text": a.text,
                "owner": a.owner,
                "due": a.due.isoformat() if a.due else None,
                "status": a.status,
            }
            for a in m.actions
        ],
    }


def pack_to_text(pack: Pack) -> str:
    """Indented UTF-8 JSON, readable in a text editor and friendly to ``diff``:
    small records (a reading, a target, an action) each take one line."""
    return _dump(pack_to_json(pack), "") + "\n"


#: One encoder for every value: ``json.dumps(..., ensure_ascii=False)`` would build a new one
#: per call, and a ten-year pack has a few hundred thousand values.
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _dump(value: Any, indent: str) -> str:
    if not isinstance(value, dict | list) or _is_flat(value):
        return _encode(value)
    inner = indent + "  "
    if isinstance(value, list):
        items = [inner + _dump(item, inner) for item in value]
        return "[\n" + ",\n".join(items) + "\n" + indent + "]"
    items = [f"{inner}{_encode(key)}: {_dump(item, inner)}" for key, item in value.items()]
    return "{\n" + ",\n".join(items) + "\n" + indent + "}"


def _is_flat(value: dict | list) -> bool:
    """Holds no object or list, so it reads well on one line."""
    items = value.values() if isinstance(value, dict) else value
    return not any(isinstance(item, dict | list) for item in items)


def write_pack_file(text: str, out: Path | str) -> Path:
    """Write ``text`` to a temporary file beside ``out`` and rename it into place,
    so a failure part-way never leaves a half-written pack under the real name.
    The file is readable by its owner only: a pack holds the officer's notes."""
    out = Path(out)
    if out.is_dir():
        raise InputError(Problem("is a folder; give the name of the pack file to write", str(out)))
    if not out.parent.is_dir():
        raise InputError(Problem(f"the folder {out.parent} does not exist", str(out)))
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise InputError(Problem(f"cannot be written ({exc.strerror})", str(out))) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return out


def export_pack(store: Store, out: Path | str, progress: Progress = no_progress) -> Pack:
    """Write the whole database to ``out`` as a challenge pack; returns what was written."""
    steps = len(store.meetings.all()) + 2
    progress(0, steps, "Reading meetings")
    pack = pack_from_store(store, lambda done, _total, what="": progress(done, steps, what))
    progress(steps - 1, steps, "Writing the pack")
    write_pack_file(pack_to_text(pack), out)
    progress(steps, steps, "Writing the pack")
    return pack
