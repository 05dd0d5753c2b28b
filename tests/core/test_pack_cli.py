"""``pack-export`` and ``pack-import`` on the command line: exit status, messages, nothing
written on refusal, atomic files, progress on a terminal only."""

import io
import json
import re
import stat
import sys

import pytest

from challenge_app.cli import main
from challenge_app.store import Store


@pytest.fixture
def demo_pack(tmp_path, demo_db):
    out = tmp_path / "demo-pack.json"
    assert main(["pack-export", "--db", str(demo_db), "--out", str(out)]) == 0
    return out


def test_export_writes_the_whole_database_as_a_pack(tmp_path, demo_db, capsys):
    out = tmp_path / "pack.json"
    assert main(["pack-export", "--db", str(demo_db), "--out", str(out)]) == 0
    assert "22 measures, 286 readings, 2 meetings" in capsys.readouterr().out
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "challenge-pack" and doc["version"] == 1
    assert doc["parties"] == {"council": "DMBC", "provider": "Trust"}
    assert len(doc["measures"]) == 22
    assert len(doc["meetings"]) == 2
    a1 = next(m for m in doc["measures"] if m["code"] == "A1")
    assert {"year": "2016/17", "target": 24, "tolerance": 28} in a1["targets"]
    assert {"code": "A1", "period": "2016/17 Q1", "value": 24} in doc["readings"]


def test_exported_pack_is_owner_only_and_no_temporary_file_is_left(demo_pack):
    assert stat.S_IMODE(demo_pack.stat().st_mode) == 0o600
    assert sorted(p.name for p in demo_pack.parent.iterdir() if p.suffix == ".tmp") == []


def test_export_replaces_an_existing_pack(tmp_path, demo_db):
    out = tmp_path / "pack.json"
    out.write_text("old contents", encoding="utf-8")
    assert main(["pack-export", "--db", str(demo_db), "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "challenge-pack"


def test_export_of_a_missing_database_is_refused_and_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "nowhere.db"
    out = tmp_path / "pack.json"
    assert main(["pack-export", "--db", str(missing), "--out", str(out)]) == 2
    assert "nowhere.db: no such database" in capsys.readouterr().err
    assert not missing.exists() and not out.exists()


def test_export_into_a_missing_folder_is_refused(tmp_path, demo_db, capsys):
    out = tmp_path / "no" / "such" / "pack.json"
    assert main(["pack-export", "--db", str(demo_db), "--out", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_import_into_a_new_database_then_again_changes_nothing(tmp_path, demo_pack, capsys):
    db = tmp_path / "colleague.db"
    assert main(["pack-import", str(demo_pack), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Merged demo-pack.json" in out
    assert "22 measures (22 new)" in out
    db.with_name("colleague.db-wal").unlink(missing_ok=True)
    before = db.read_bytes()
    assert main(["pack-import", str(demo_pack), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Nothing to change from demo-pack.json" in out
    assert "2 meetings (2 unchanged)" in out
    assert db.read_bytes() == before


def test_import_notes_the_keys_it_left_out(tmp_path, demo_pack, capsys):
    doc = json.loads(demo_pack.read_text(encoding="utf-8"))
    doc["signature"] = "abc"
    doc["meetings"][0]["room"] = "Civic Centre"
    demo_pack.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["pack-import", str(demo_pack), "--db", str(tmp_path / "x.db")]) == 0
    err = capsys.readouterr().err
    assert "left out keys this version does not know: signature, meetings[0].room" in err


def _break(kind, text):
    doc = json.loads(text)
    if kind == "newer version":
        doc["version"] = 2
        return json.dumps(doc), "newer version of Challenge"
    if kind == "truncated":
        return text[: len(text) * 2 // 3], "truncated"
    if kind == "not JSON":
        return "code,title,area\nA1,Re-referrals,SCP\n", "it is not JSON"
    if kind == "wrong format":
        doc["format"] = "something-else"
        return json.dumps(doc), "is not a challenge pack"
    if kind == "wrong type":
        doc["meetings"][1]["challenges"][0]["code"] = ["A2"]
        return json.dumps(doc), "meetings[1].challenges[0].code: expected text, found a list"
    if kind == "unknown code":
        doc["meetings"][1]["challenges"][0]["code"] = "Z99"
        return json.dumps(doc), "meetings[1].challenges[0].code: measure 'Z99' is not in this pack"
    if kind == "late problem":
        doc["meetings"][1]["actions"][-1]["status"] = "finished"
        return json.dumps(doc), 'status: "finished" is not one of "open", "done", "dropped"'
    raise AssertionError(kind)


@pytest.mark.parametrize(
    "kind",
    [
        "newer version",
        "truncated",
        "not JSON",
        "wrong format",
        "wrong type",
        "unknown code",
        "late problem",
    ],
)
def test_a_bad_pack_exits_2_naming_the_problem_and_the_database_is_untouched(
    kind, tmp_path, demo_pack, capsys
):
    db = tmp_path / "target.db"
    store = Store.open(db)
    store.settings.set("council_name", "Wirral")
    store.close()
    before = db.read_bytes()
    text, expected = _break(kind, demo_pack.read_text(encoding="utf-8"))
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")

    assert main(["pack-import", str(bad), "--db", str(db)]) == 2

    err = capsys.readouterr().err
    assert err.startswith("challenge-app: bad.json")
    assert expected in err
    assert db.read_bytes() == before
    assert not db.with_name("target.db-wal").exists()


def test_a_bad_pack_never_creates_the_database(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    db = tmp_path / "new.db"
    assert main(["pack-import", str(bad), "--db", str(db)]) == 2
    assert "line 1, column 2" in capsys.readouterr().err
    assert not db.exists()


def test_import_of_a_missing_file_exits_2(tmp_path, capsys):
    assert main(["pack-import", str(tmp_path / "gone.json"), "--db", str(tmp_path / "x.db")]) == 2
    assert "gone.json: there is no such file" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_shows_on_a_terminal(tmp_path, demo_pack, monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["pack-import", str(demo_pack), "--db", str(tmp_path / "x.db")]) == 0
    shown = terminal.getvalue()
    assert "Importing readings" in shown
    assert re.search(r"100% \((\d+)/\1\)\n$", shown)


def test_progress_is_quiet_when_piped(tmp_path, demo_pack, capsys):
    assert main(["pack-import", str(demo_pack), "--db", str(tmp_path / "x.db")]) == 0
    assert "%" not in capsys.readouterr().err
