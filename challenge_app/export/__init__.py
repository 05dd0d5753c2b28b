"""Exports: the appendices workbook the officer hands in with the scrutiny report.

The names below are loaded when first asked for: ``export.atomic`` (used by the
spelling word list, the Word report and the response workbook) must not pull
openpyxl into the window's start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from challenge_app.export.appendices import ExportCancelled, ExportResult, export_appendices

__all__ = ["ExportCancelled", "ExportResult", "export_appendices"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from challenge_app.export import appendices

        return getattr(appendices, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
