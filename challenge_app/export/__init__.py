"""Exports: the appendices workbook the officer hands in with the scrutiny report."""

from challenge_app.export.appendices import ExportCancelled, ExportResult, export_appendices

__all__ = ["ExportCancelled", "ExportResult", "export_appendices"]
