"""``challenge-app export``: exit 0 with a workbook, or 2 naming the problem, nothing written."""

from __future__ import annotations

from datetime import date

import pytest

from challenge_app.cli import main
from challenge_app.demo import load_sample_dataset
from challenge_app.export import export_appendices
from challenge_app.models import Meeting
from challenge_app.store import Store
from tests.conftest import Q1_CSV
from tests.core.test_export_support import codes, column, open_workbook


def test_export_writes_the_workbook(demo_db, tmp_path, capsys):
    out = tmp_path / "Appendices Q1.xlsx"
    assert main(["export", "--db", str(demo_db), "--period", "2016/17 Q1", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "3 measures in Appendix 1, 4 in Appendix 2" in captured.out
    assert captured.err == ""  # progress stays quiet when not on a terminal
    wb = open_workbook(out)
    assert wb.sheetnames[:4] == ["Summary", "Appendix 1", "Appendix 2", "Headlines"]


def test_db_may_come_before_the_subcommand(demo_db, tmp_path):
    out = tmp_path / "a.xlsx"
    assert main(["--db", str(demo_db), "export", "--period", "2016/17 Q1", "--out", str(out)]) == 0
    assert out.exists()


def test_period_is_read_leniently(demo_db, tmp_path):
    out = tmp_path / "a.xlsx"
    assert (
        main(["export", "--db", str(demo_db), "--period", "2016/2017 q1", "--out", str(out)]) == 0
    )
    assert "C14" in codes(open_workbook(out)["Appendix 2"])


def _fails(argv, capsys) -> str:
    assert main(argv) == 2
    return capsys.readouterr().err


def test_no_meeting_on_the_period(demo_db, tmp_path, capsys):
    out = tmp_path / "a.xlsx"
    err = _fails(
        ["export", "--db", str(demo_db), "--period", "2016/17 Q3", "--out", str(out)], capsys
    )
    assert "no meeting reviews 2016/17 Q3" in err
    assert "2015/16 Q4, 2016/17 Q1" in err  # what there is instead
    assert not out.exists()


def test_not_a_quarter(demo_db, tmp_path, capsys):
    out = tmp_path / "a.xlsx"
    err = _fails(["export", "--db", str(demo_db), "--period", "2016-07", "--out", str(out)], capsys)
    assert "--period" in err and "2016-07" in err
    assert not out.exists()


def test_missing_database_is_not_created(tmp_path, capsys):
    db, out = tmp_path / "nothing.db", tmp_path / "a.xlsx"
    err = _fails(["export", "--db", str(db), "--period", "2016/17 Q1", "--out", str(out)], capsys)
    assert "nothing.db" in err and "no such database" in err
    assert not db.exists() and not out.exists()


def test_output_must_be_xlsx(demo_db, tmp_path, capsys):
    out = tmp_path / "a.csv"
    err = _fails(
        ["export", "--db", str(demo_db), "--period", "2016/17 Q1", "--out", str(out)], capsys
    )
    assert "a.csv" in err and ".xlsx" in err
    assert not out.exists()


def test_output_folder_must_exist(demo_db, tmp_path, capsys):
    out = tmp_path / "no such folder" / "a.xlsx"
    err = _fails(
        ["export", "--db", str(demo_db), "--period", "2016/17 Q1", "--out", str(out)], capsys
    )
    assert "does not exist" in err
    assert not out.parent.exists()


def test_needs_period_and_out(demo_db, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["export", "--db", str(demo_db)])
    assert exc.value.code == 2


def test_the_domain_quarter_from_the_real_figures(db_path, tmp_path):
    """DOMAIN.md's 2016/17 Q1 table, imported from the shared fixture, summarised."""
    store = Store.open(db_path)
    try:
        load_sample_dataset(store, Q1_CSV)
        meeting = store.meetings.save(
            Meeting(None, "Quarterly challenge meeting", date(2016, 8, 2), "2016/17 Q1")
        )
        out = export_appendices(store, meeting, tmp_path / "domain.xlsx").path
    finally:
        store.close()
    ws = open_workbook(out)["Summary"]
    table = [[ws.cell(row=r, column=c).value for c in range(1, 7)] for r in range(2, 7)]
    assert table == [
        ["Social Care Pathway", 3, None, 4, None, 7],
        ["Children in Care", 1, None, 2, None, 3],
        ["Workforce", 1, None, None, None, 1],
        ["Youth Offending Services", None, None, 1, None, 1],
        ["Total", 5, None, 7, None, 12],
    ]
    wb = open_workbook(out)
    # With no challenge records nothing was discussed: the suggestions publish nothing.
    assert column(wb["Appendix 1"]) == ["No measures are placed in Appendix 1."]
    assert column(wb["Appendix 2"]) == ["No measures are placed in Appendix 2."]


def test_export_names_placed_measures_with_nothing_written(
    placed_with_nothing_written, tmp_path, capsys
):
    db, out = placed_with_nothing_written, tmp_path / "out.xlsx"
    assert main(["export", "--db", str(db), "--period", "2016/17 Q1", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "4 measures in Appendix 1, 4 in Appendix 2" in captured.out
    assert captured.err == (
        "Placed in an appendix with nothing written, so published with empty cells: "
        "A1 (Appendix 1)\n"
    )
