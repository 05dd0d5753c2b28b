"""The scrutiny report's performance section as a Word document (.docx)."""

from challenge_app.word.document import build_document, export_report

__all__ = ["build_document", "export_report"]
