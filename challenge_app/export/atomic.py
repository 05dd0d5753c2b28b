"""Writing a file so that a failure never leaves half of it behind.

Every export (the appendices workbook, the Word report) is written to a
temporary name in the destination folder and renamed over the destination only
when complete: a rename within one folder is atomic, so the officer finds
either the old file or the whole new one. On Windows a file open in Excel or
Word cannot be replaced; that, a read-only folder and a full disk become an
``InputError`` that says what to do, and nothing is left behind.

The messages name the kind of file by its ending (``FileKind``), so the
officer reads "workbook ... open in Excel" or "document ... open in Word";
a caller writing some other file names it with ``what``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from challenge_app.errors import InputError, Problem


@dataclass(frozen=True)
class FileKind:
    """What an export is called in messages, by the ending its program opens it by."""

    suffix: str
    noun: str
    program: str


WORKBOOK = FileKind(".xlsx", "workbook", "Excel")
DOCUMENT = FileKind(".docx", "document", "Word")
_KINDS = {kind.suffix: kind for kind in (WORKBOOK, DOCUMENT)}


def kind_of(out: Path) -> FileKind | None:
    """The kind of export ``out`` names by its ending, if it is one."""
    return _KINDS.get(Path(out).suffix.lower())


def check_suffix(out: Path, kind: FileKind) -> Path:
    """``out`` as a Path, refused unless it ends as ``kind``'s program expects."""
    out = Path(out)
    if out.suffix.lower() != kind.suffix:
        raise InputError(
            Problem(
                f"the {kind.noun}'s name must end in {kind.suffix} "
                f"({kind.program} opens it by that)",
                str(out),
            )
        )
    return out


def _problem(out: Path, exc: OSError, *, replacing: bool, what: str) -> InputError:
    kind = kind_of(out)
    if isinstance(exc, PermissionError):
        if replacing:
            perhaps = f" (perhaps {kind.program})" if kind else ""
            why = (
                f"the file is open in another program{perhaps} or is read-only. "
                "Close it there and export again, or choose another name"
            )
        else:
            why = "you do not have permission to write in that folder; choose another folder"
    else:
        why = exc.strerror or str(exc)
    return InputError(Problem(f"cannot write {what}: {why}", file=str(out)))


def write_atomically(out: Path, write: Callable[[Path], None], *, what: str | None = None) -> Path:
    """Call ``write(temporary_path)``, then move the result to ``out``.

    Anything ``write`` raises propagates after the temporary file is removed,
    and ``out`` is exactly as it was before. ``what`` names the file in
    messages (by default "the workbook" or "the document", from its ending).
    """
    out = Path(out)
    kind = kind_of(out)
    what = what or (f"the {kind.noun}" if kind else "the file")
    if out.is_dir():
        ending = f"ending in {kind.suffix}" if kind else "to write"
        raise InputError(Problem(f"is a folder; give a file name {ending}", str(out)))
    if not out.parent.is_dir():
        raise InputError(Problem(f"the folder {out.parent} does not exist", file=str(out)))
    try:
        fd, name = tempfile.mkstemp(prefix=f".~{out.stem}.", suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise _problem(out, exc, replacing=False, what=what) from exc
    os.close(fd)
    temporary = Path(name)
    try:
        try:
            write(temporary)
        except OSError as exc:
            raise _problem(out, exc, replacing=False, what=what) from exc
        try:
            os.replace(temporary, out)
        except OSError as exc:
            raise _problem(out, exc, replacing=True, what=what) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return out
