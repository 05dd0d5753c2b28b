"""``challenge-app report``: exit 0 with a Word document, or 2 naming the problem, nothing
written; and the document opens in LibreOffice when it is installed."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from challenge_app.cli import main
from tests.core.word_support import heading_texts, open_document


def _argv(db, out, period="2016/17 Q1"):
    return ["report", "--db", str(db), "--period", period, "--out", str(out)]


def test_report_writes_the_document(demo_db, tmp_path, capsys):
    out = tmp_path / "Report Q1.docx"
    assert main(_argv(demo_db, out)) == 0
    captured = capsys.readouterr()
    assert "Wrote" in captured.out and "measures in Appendix 1" in captured.out
    assert captured.err == ""  # progress stays quiet when not on a terminal
    assert heading_texts(open_document(out), "Heading 1")[0] == "Quarter 1 2016/17"


def test_db_may_come_before_the_subcommand_and_the_period_is_lenient(demo_db, tmp_path):
    out = tmp_path / "r.docx"
    argv = ["--db", str(demo_db), "report", "--period", "2016/2017 q1", "--out", str(out)]
    assert main(argv) == 0
    assert out.exists()


@pytest.mark.parametrize(
    ("period", "name", "says"),
    [
        ("2016/17 Q3", "r.docx", "no meeting reviews 2016/17 Q3"),
        ("2016/17 Q5", "r.docx", "--period"),
        ("2016/17 Q1", "r.xlsx", "must end in .docx"),
    ],
)
def test_bad_input_exits_2_and_writes_nothing(demo_db, tmp_path, capsys, period, name, says):
    out = tmp_path / name
    assert main(_argv(demo_db, out, period)) == 2
    assert says in capsys.readouterr().err
    assert not out.exists()


def test_no_such_database(tmp_path, capsys):
    out = tmp_path / "r.docx"
    assert main(_argv(tmp_path / "missing.db", out)) == 2
    assert "no such database file" in capsys.readouterr().err
    assert not (tmp_path / "missing.db").exists() and not out.exists()


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_report_to_pdf(demo_db, tmp_path):
    out = tmp_path / "report.docx"
    assert main(_argv(demo_db, out)) == 0
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    pdf = tmp_path / "report.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        assert "Appendix 1: Areas of good and improving performance" in text
        assert "Appendix 2: Areas of concern or potential concern" in text
        assert "Page 1 of" in text  # the footer's fields were updated by the layout


def test_a_placed_measure_with_nothing_written_is_named_on_stderr(
    placed_with_nothing_written, tmp_path, capsys
):
    out = tmp_path / "r.docx"
    assert main(_argv(placed_with_nothing_written, out)) == 0
    assert "published with empty cells: A1 (Appendix 1)" in capsys.readouterr().err
    table = open_document(out).tables[2]  # Appendix 1's records
    assert [row.cells[0].text.split()[0] for row in table.rows[1:]] == ["A1", "A4", "B9", "F03"]
