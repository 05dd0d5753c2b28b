"""Writing a file so that a failure never leaves half of it behind.

The workbook is written to a temporary name in the destination folder and
renamed over the destination only when complete: a rename within one folder
is atomic, so the officer finds either the old file or the whole new one.
On Windows a file open in Excel cannot be replaced; that, a read-only folder
and a full disk become an ``InputError`` that says what to do, and nothing is
left behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from challenge_app.errors import InputError, Problem


def _problem(out: Path, exc: OSError, *, replacing: bool, what: str) -> InputError:
    if isinstance(exc, PermissionError):
        if replacing:
            why = (
                "the file is open in another program (perhaps Excel) or is read-only. "
                "Close it there and export again, or choose another name"
            )
        else:
            why = "you do not have permission to write in that folder; choose another folder"
    else:
        why = exc.strerror or str(exc)
    return InputError(Problem(f"cannot write {what}: {why}", file=str(out)))


def write_atomically(
    out: Path, write: Callable[[Path], None], *, what: str = "the workbook"
) -> Path:
    """Call ``write(temporary_path)``, then move the result to ``out``.

    Anything ``write`` raises propagates after the temporary file is removed,
    and ``out`` is exactly as it was before. ``what`` names the file in messages.
    """
    out = Path(out)
    if out.is_dir():
        raise InputError(Problem("is a folder; give a file name ending in .xlsx", file=str(out)))
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
