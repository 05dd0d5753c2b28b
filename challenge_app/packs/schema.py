"""Reading a challenge pack: JSON text in, a checked ``Pack`` out, or every problem named.

A pack may come from a colleague, an older or newer version of the program, or
a hand edit, so nothing in it is trusted. Each problem is reported with the
JSON path of the value at fault (``meetings[1].challenges[0].code: expected
text``) so the officer can find it, and all problems are collected in one pass
rather than one per attempt. Periods, years and dates are read with the same
parsers the rest of the program uses, and stored in their canonical form.

Keys this version does not know are left out and listed (a newer version may
add some), but a pack whose ``version`` is newer than ours is refused: it may
mean something we would get wrong.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from challenge_app.errors import InputError, Problem
from challenge_app.limits import read_input_file
from challenge_app.models import (
    ACTION_STATUSES,
    CONTRACT,
    HIGHER,
    LIST_FIELDS,
    LOWER,
    TEXT_FIELDS,
    VOLUMETRIC,
    Measure,
    Parties,
    Placement,
    Reading,
    Target,
)
from challenge_app.packs.conflicts import MEETING_TEXT_FIELDS
from challenge_app.packs.decode import decode_pack_json
from challenge_app.packs.fields import MISSING, FieldReader, join, kind_of, shown
from challenge_app.packs.model import (
    FORMAT,
    VERSION,
    Pack,
    PackAction,
    PackChallenge,
    PackMeasure,
    PackMeeting,
)
from challenge_app.periods import FinancialYear, Quarter, parse_period

MEETING_KINDS = ("quarterly", "monthly")
#: More problems than this are summarised: past a screenful, the pack is simply not a pack.
MAX_PROBLEMS_LISTED = 20


@dataclass
class PackFile:
    """A pack read from disk, with the keys that were left out because we do not know them."""

    path: Path
    pack: Pack
    ignored_keys: list[str] = field(default_factory=list)


def read_pack(path: Path | str) -> PackFile:
    """Read and check the pack at ``path``; raise ``InputError`` saying what and where."""
    path = Path(path)
    raw = read_input_file(path)
    pack, ignored = parse_pack_text(raw, file=str(path))
    return PackFile(path, pack, ignored)


def parse_pack_text(raw: bytes | str, file: str | None = None) -> tuple[Pack, list[str]]:
    """Decode JSON text and check it as a pack; returns the pack and the ignored keys."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                Problem(
                    f"is not a challenge pack: it is not UTF-8 text (byte {exc.start})", file=file
                )
            ) from None
    else:
        text = raw
    if not text.strip():
        raise InputError(Problem("is empty: a challenge pack is a JSON file", file=file))
    try:
        data = decode_pack_json(text, file, checked_utf8=isinstance(raw, bytes))
    except json.JSONDecodeError as exc:
        raise InputError(Problem(_describe_json_error(exc, text), file=file)) from None
    except InputError as exc:
        raise InputError(capped(exc.problems, file)) from None
    return parse_pack(data, file=file)


def _describe_json_error(exc: json.JSONDecodeError, text: str) -> str:
    where = f"line {exc.lineno}, column {exc.colno}"
    if exc.pos >= len(text.rstrip()):
        return f"{where}: the file ends before the pack is complete (is it truncated?)"
    if exc.pos == 0:
        return f"is not a challenge pack: it is not JSON ({where}: {exc.msg})"
    return f"{where}: not valid JSON ({exc.msg})"


def parse_pack(data: Any, file: str | None = None) -> tuple[Pack, list[str]]:
    """Check decoded JSON as a pack; raise ``InputError`` listing every problem."""
    reader = _PackReader(file)
    if not isinstance(data, dict):
        raise InputError(
            Problem(f"is not a challenge pack: expected a JSON object, found {kind_of(data)}", file)
        )
    _check_format_and_version(data, file)
    pack = reader.pack(data)
    if reader.problems:
        raise InputError(capped(reader.problems, file))
    return pack, reader.ignored


def capped(problems: list[Problem], file: str | None) -> list[Problem]:
    """At most ``MAX_PROBLEMS_LISTED`` problems, then a count of the rest."""
    if len(problems) <= MAX_PROBLEMS_LISTED:
        return problems
    extra = len(problems) - MAX_PROBLEMS_LISTED
    return [*problems[:MAX_PROBLEMS_LISTED], Problem(f"... and {extra} more", file)]


def _check_format_and_version(data: dict, file: str | None) -> None:
    """Stop before reading anything else if this is not a pack we understand."""
    fmt = data.get("format", MISSING)
    if fmt is MISSING:
        raise InputError(Problem(f'format: missing; a challenge pack says "{FORMAT}"', file))
    if fmt != FORMAT:
        raise InputError(
            Problem(f'format: {shown(fmt)} is not a challenge pack (expected "{FORMAT}")', file)
        )
    version = data.get("version", MISSING)
    if version is MISSING:
        raise InputError(Problem("version: missing", file))
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(Problem(f"version: {shown(version)} is not a pack version", file))
    if version > VERSION:
        raise InputError(
            Problem(
                f"was written by a newer version of Challenge (pack version {version}; this "
                f"version reads up to version {VERSION}). Install the newer version to import "
                "it; nothing has been changed.",
                file,
            )
        )


class _PackReader(FieldReader):
    """Walks a decoded pack, building its records."""

    # -- records ----------------------------------------------------------
    def pack(self, data: dict) -> Pack:
        self.known(data, "", {"format", "version", "parties", "measures", "readings", "meetings"})
        measures = self.unique(
            [self.measure(p, o) for p, o in self.objects(data, "measures", "")],
            key=lambda m: m.measure.code,
            what="measure code",
        )
        readings = self.unique(
            [self.reading(p, o) for p, o in self.objects(data, "readings", "")],
            key=lambda r: (r.code, r.period),
            what="reading for this code and period",
        )
        meetings = self.unique(
            [self.meeting(p, o) for p, o in self.objects(data, "meetings", "")],
            key=lambda m: m.key,
            what="meeting with this period, date and title",
        )
        return Pack(self.parties(data), measures, readings, meetings)

    def unique(self, located: list[tuple[str, Any] | None], key: Callable, what: str) -> tuple:
        """Keep records whose key has not been seen; a repeated key is a problem."""
        seen: dict[Any, str] = {}
        records = []
        for item in located:
            if item is None:
                continue
            path, record = item
            first = seen.setdefault(key(record), path)
            if first != path:
                self.problem(path, f"the same {what} as {first}")
            else:
                records.append(record)
        return tuple(records)

    def parties(self, data: dict) -> Parties | None:
        if "parties" not in data:
            return None
        obj = data["parties"]
        if not isinstance(obj, dict):
            self.problem("parties", f"expected an object, found {kind_of(obj)}")
            return None
        self.known(obj, "parties", {"council", "provider"})
        council = self.name(obj, "council", "parties")
        provider = self.name(obj, "provider", "parties")
        if council is None or provider is None:
            return None
        return Parties(council.strip(), provider.strip())

    def measure(self, path: str, obj: dict) -> tuple[str, PackMeasure] | None:
        self.known(obj, path, {"code", "title", "area", "kind", "polarity", "unit", "targets"})
        before = len(self.problems)
        code = self.code(obj, "code", path)
        title = self.text(obj, "title", path)
        area = self.text(obj, "area", path)
        kind = self.choice(obj, "kind", path, (CONTRACT, VOLUMETRIC))
        polarity = self.choice(obj, "polarity", path, (HIGHER, LOWER, None), default=None)
        unit = self.text(obj, "unit", path, default="")
        targets = self.unique(
            [self.target(p, o) for p, o in self.objects(obj, "targets", path)],
            key=lambda t: t.year,
            what="year",
        )
        if len(self.problems) > before:
            return None
        return path, PackMeasure(Measure(code, title, area, kind, polarity, unit), targets)

    def target(self, path: str, obj: dict) -> tuple[str, Target] | None:
        self.known(obj, path, {"year", "target", "tolerance"})
        before = len(self.problems)
        year = self.parsed(obj, "year", path, FinancialYear.parse)
        target = self.number(obj, "target", path, default=None)
        tolerance = self.number(obj, "tolerance", path, default=None)
        if len(self.problems) > before:
            return None
        return path, Target(str(year), target, tolerance)

    def reading(self, path: str, obj: dict) -> tuple[str, Reading] | None:
        self.known(obj, path, {"code", "period", "value"})
        before = len(self.problems)
        code = self.code(obj, "code", path)
        period = self.parsed(obj, "period", path, parse_period)
        value = self.number(obj, "value", path)
        if value is None and "value" in obj and obj["value"] is None:
            self.problem(join(path, "value"), "expected a number, found null")
        if len(self.problems) > before:
            return None
        return path, Reading(code, str(period), value)

    def meeting(self, path: str, obj: dict) -> tuple[str, PackMeeting] | None:
        self.known(
            obj,
            path,
            {"title", "date", "period", "kind", "attendees", "apologies", "challenges", "actions"},
        )
        before = len(self.problems)
        title = self.name(obj, "title", path)
        day = self.day(obj, "date", path)
        period = self.parsed(obj, "period", path, parse_period)
        kind = self.choice(obj, "kind", path, MEETING_KINDS, default="quarterly")
        if kind == "quarterly" and period is not None and not isinstance(period, Quarter):
            self.problem(
                join(path, "period"), "a quarterly meeting reviews a quarter, e.g. 2016/17 Q1"
            )
        attendees = self.texts(obj, "attendees", path)
        apologies = self.texts(obj, "apologies", path)
        challenges = self.unique(
            [self.challenge(p, o) for p, o in self.objects(obj, "challenges", path)],
            key=lambda c: c.code,
            what="measure code",
        )
        actions = tuple(
            item[1]
            for item in (self.action(p, o) for p, o in self.objects(obj, "actions", path))
            if item is not None
        )
        if len(self.problems) > before:
            return None
        absent = frozenset(name for name in MEETING_TEXT_FIELDS if name not in obj)
        meeting = PackMeeting(
            title, day, str(period), kind, attendees, apologies, challenges, actions, absent
        )
        return path, meeting

    def challenge(self, path: str, obj: dict) -> tuple[str, PackChallenge] | None:
        self.known(obj, path, {"code", "placement", "order", *TEXT_FIELDS})
        before = len(self.problems)
        code = self.code(obj, "code", path)
        placement = self.choice(obj, "placement", path, tuple(p.value for p in Placement))
        texts = {
            name: self.texts(obj, name, path)
            if name in LIST_FIELDS
            else self.text(obj, name, path, default="")
            for name in TEXT_FIELDS
        }
        order = self.position(obj, "order", path)
        if len(self.problems) > before:
            return None
        record = PackChallenge(
            code,
            Placement(placement),
            **texts,
            order=order,
            absent=frozenset(name for name in TEXT_FIELDS if name not in obj),
        )
        return path, record

    def action(self, path: str, obj: dict) -> tuple[str, PackAction] | None:
        self.known(obj, path, {"code", "text", "owner", "due", "status"})
        before = len(self.problems)
        code = self.code(obj, "code", path, default=None) if obj.get("code") is not None else None
        text = self.name(obj, "text", path)
        owner = self.text(obj, "owner", path, default="")
        due = self.day(obj, "due", path, default=None) if obj.get("due") is not None else None
        status = self.choice(obj, "status", path, ACTION_STATUSES, default="open")
        if len(self.problems) > before:
            return None
        return path, PackAction(text, code, owner, due, status)
