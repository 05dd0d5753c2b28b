"""Importing a provider's dataset (``.csv`` or ``.xlsx`` in the import template).

Three steps, kept apart so the GUI can show a preview between them:

1. ``read_dataset(path)`` reads and checks the whole file without touching the
   database (``reader`` -> ``cells`` -> ``validate``); every problem at once.
2. ``make_plan(store, dataset)`` works out what would change (``plan``).
3. ``apply_plan(store, plan)`` writes it in one transaction (``apply``).

``import_dataset`` does all three, for the command line and the demo.
"""

from __future__ import annotations

from pathlib import Path

from challenge_app.imports.apply import apply_plan
from challenge_app.imports.plan import Plan, make_plan
from challenge_app.imports.reader import SUPPORTED, open_sheet
from challenge_app.imports.validate import Dataset, validate
from challenge_app.progress import Progress, no_progress
from challenge_app.store import Store


def read_dataset(path: Path | str, progress: Progress = no_progress) -> Dataset:
    """Read and check a dataset file; raise ``InputError`` listing every problem."""
    with open_sheet(path) as sheet:
        return validate(sheet, progress)


def import_dataset(store: Store, path: Path | str, progress: Progress = no_progress) -> Plan:
    """Read, check, compare and write a dataset file; return what was changed."""
    plan = make_plan(store, read_dataset(path, progress))
    apply_plan(store, plan)
    return plan


__all__ = [
    "SUPPORTED",
    "Dataset",
    "Plan",
    "apply_plan",
    "import_dataset",
    "make_plan",
    "read_dataset",
]
