"""Decoding a pack's JSON without trusting it: every oddity is bad input naming its JSON path.

Python's ``json`` module accepts things a pack must not hold, or fails on them
with a Python error rather than a message:

* **Nesting.** A document nested 200,000 deep makes the decoder recurse until
  ``RecursionError``. That is caught and the text is scanned (only then, it is
  slow) for where the nesting passes ``MAX_DEPTH``, which the message names. A
  pack is six levels deep; moderately deep content under keys the reader does
  not know is never looked at, so costs nothing.
* **Repeated keys.** ``{"meetings": [...], "meetings": [...]}`` silently keeps
  the last; half the pack would vanish without a word. Refused, naming the key.
* **Unpaired surrogates.** ``"\\ud800"`` decodes to a string that cannot be
  written to the database, a file or the screen. Refused, naming the value.
* **NaN and Infinity** are not JSON at all; refused as such.

Paths are written as the rest of the pack reader writes them
(``meetings[1].challenges[0].council_comment``), and no message repeats the
text of a field: at most a short quote of a key.
"""

from __future__ import annotations

import json
import re
from typing import Any

from challenge_app.errors import InputError, Problem
from challenge_app.limits import quoted
from challenge_app.packs.fields import join

#: A pack is six levels deep (pack > meetings > meeting > challenges > challenge > questions).
MAX_DEPTH = 20

_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}:,]', re.DOTALL)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Repeated(dict):
    """An object in which a key appeared more than once (the keys are noted)."""

    repeated: list[str]


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a pack may hold")


def _path_to_depth(text: str) -> str:
    """The JSON path of the container that first goes past ``MAX_DEPTH``."""
    stack: list[list] = []  # [kind, key or index]
    last_key: Any = None
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            if stack:
                stack[-1][1] = last_key if stack[-1][0] == "{" else stack[-1][1]
            stack.append([token, 0 if token == "[" else None])
            if len(stack) > MAX_DEPTH:
                break
            last_key = None
        elif token in "]}":
            stack.pop()
        elif token == "," and stack and stack[-1][0] == "[":
            stack[-1][1] += 1
        elif token.startswith('"') and stack and stack[-1][0] == "{":
            last_key = _safe_key(json.loads(token))
    path = ""
    for kind, key in stack[:-1]:
        path = join(path, key if kind == "[" else str(key))
    return path or "(top)"


def _pairs_noting_repeats(found: list[bool]):
    """An ``object_pairs_hook`` that marks objects with a repeated key (and notes one was seen)."""

    def hook(pairs: list[tuple[str, Any]]) -> dict:
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        found.append(True)
        repeated = _Repeated(obj)
        seen: set[str] = set()
        repeated.repeated = [k for k, _ in pairs if k in seen or seen.add(k)]
        return repeated

    return hook


def _walk(value: Any, path: str, problems: list[Problem], file: str | None, depth: int = 0) -> None:
    """Find repeated keys and unpaired surrogates anywhere in the decoded document."""
    if depth > MAX_DEPTH and isinstance(value, dict | list):
        problems.append(_too_deep(path, file))
        return
    if isinstance(value, dict):
        for key in getattr(value, "repeated", ()):
            problems.append(
                Problem(
                    f"{join(path, _safe_key(key))}: the key {quoted(_safe_key(key))} appears "
                    "more than once in the same object; keep one",
                    file,
                )
            )
        for key, item in value.items():
            here = join(path, _safe_key(key))
            if _SURROGATE.search(key):
                problems.append(Problem(f"{here}: {_SURROGATE_MESSAGE}", file))
            _walk(item, here, problems, file, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(item, join(path, index), problems, file, depth + 1)
    elif isinstance(value, str) and _SURROGATE.search(value):
        problems.append(Problem(f"{path or '(top)'}: {_SURROGATE_MESSAGE}", file))


_SURROGATE_MESSAGE = (
    "holds a broken character (an unpaired surrogate such as \\ud800) that no text can "
    "contain; the pack was damaged or hand-edited"
)


def _safe_key(key: str) -> str:
    return _SURROGATE.sub("\ufffd", key)


def decode_pack_json(text: str, file: str | None = None, *, checked_utf8: bool = False) -> Any:
    """The decoded document, or ``InputError`` naming what is wrong and where.

    ``checked_utf8``: ``text`` was decoded from UTF-8 bytes, so it cannot hold a
    raw surrogate (only an escaped one), which spares a scan of the whole text.
    """
    repeats: list[bool] = []
    try:
        data = json.loads(
            text,
            object_pairs_hook=_pairs_noting_repeats(repeats),
            parse_constant=_reject_constant,
        )
    except json.JSONDecodeError:
        raise
    except ValueError as exc:
        raise InputError(Problem(f"is not valid JSON: {exc}", file)) from None
    except RecursionError:
        raise InputError(_too_deep(_path_to_depth(text), file)) from None
    if repeats or _may_hold_surrogates(text, checked_utf8):
        problems: list[Problem] = []
        _walk(data, "", problems, file)
        if problems:
            raise InputError(problems)
    return data


def _may_hold_surrogates(text: str, checked_utf8: bool) -> bool:
    if "\\u" in text and _SURROGATE_ESCAPE.search(text):
        return True
    return not checked_utf8 and bool(_SURROGATE.search(text))


def _too_deep(path: str, file: str | None) -> Problem:
    return Problem(
        f"{path}: the pack is nested more than {MAX_DEPTH} levels deep; "
        "a challenge pack is never deeper than six",
        file,
    )
