"""Writing the Word report for a year of 300 measures, against bare python-docx.

The database is a year of the large scale database (``bench.scale``): 300
measures, four quarterly meetings with full, several-paragraph challenge
records. "Ours" is the whole report of the latest meeting: read the store,
build the summary, the headline bullets, both appendices' tiles and tables
(italic runs, shading, the repeating header row, landscape sections) and save
atomically. The baseline is bare python-docx writing exactly the same
paragraphs and table cells' text into a plain document and saving it, which no
report can beat. The ratio of medians is reported (goal: 1.5x).

``python -m bench.report_bench`` prints the figures; ``make bench`` calls ``run()``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import docx

from bench.export_bench import _interleaved_medians
from bench.scale import build_scale_database
from challenge_app.export.report import gather
from challenge_app.models import Meeting
from challenge_app.store import Store
from challenge_app.word import build_document, export_report

MEASURES = 300
GOAL = 1.5

#: The document's text: paragraphs, then each table as rows of cell texts.
Content = tuple[list[str], list[list[list[str]]]]


def same_content(store: Store, meeting: Meeting) -> Content:
    """Every paragraph and every table cell our report writes, as plain text."""
    document = build_document(gather(store, meeting))
    paragraphs = [p.text for p in document.paragraphs if p.text]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    return paragraphs, tables


def bare_python_docx(content: Content, out: Path) -> None:
    paragraphs, tables = content
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for rows in tables:
        table = document.add_table(rows=0, cols=len(rows[0]))
        for texts in rows:
            for cell, text in zip(table.add_row().cells, texts, strict=True):
                cell.text = text
    document.save(str(out))


def run(repeats: int = 5) -> dict:
    with tempfile.TemporaryDirectory(prefix="report-bench-") as tmp:
        folder = Path(tmp)
        db = build_scale_database(folder / "year.db", measures=MEASURES, years=1, meetings=4)
        store = Store.open(db)
        try:
            meeting = store.meetings.all()[0]  # the latest: 2016/17 Q4
            content = same_content(store, meeting)
            cells = sum(len(row) for table in content[1] for row in table)
            characters = sum(len(p) for p in content[0]) + sum(
                len(text) for table in content[1] for row in table for text in row
            )
            ours, baseline = _interleaved_medians(
                lambda n: export_report(store, meeting, folder / f"ours-{n}.docx"),
                lambda n: bare_python_docx(content, folder / f"bare-{n}.docx"),
                repeats,
            )
        finally:
            store.close()
    return {
        "name": f"report (Word), {MEASURES} measures",
        "ours_ms": round(ours * 1000, 1),
        "baseline_ms": round(baseline * 1000, 1),
        "baseline": "bare python-docx writing the same paragraphs and table cells",
        "ratio": round(ours / baseline, 2),
        "goal": GOAL,
        "cells": cells,
        "characters": characters,
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
