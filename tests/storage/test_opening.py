"""What a player is told when a database file is new, empty or someone else's (read-only
files and folders: ``tests/robustness/test_bad_databases.py``, which can drop root)."""

from __future__ import annotations

import io
import os
import sqlite3
from pathlib import Path

import pytest

from labelmgr.cli import main
from labelmgr.errors import LabelError
from labelmgr.storage import open_database
from labelmgr.storage.health import inspect_database


@pytest.fixture(autouse=True)
def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABELMGR_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("LABELMGR_DB", raising=False)


def _cli(monkeypatch: pytest.MonkeyPatch, capsys, argv: list[str]) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_an_empty_file_becomes_a_database_and_the_player_is_told(tmp_path: Path):
    created = open_database(tmp_path / "new.db")
    assert created.notice is None  # the first start: nothing to explain
    created.close()
    again = open_database(tmp_path / "new.db")
    assert again.notice is None
    again.close()
    (tmp_path / "empty.db").touch()
    empty = open_database(tmp_path / "empty.db")
    assert empty.notice == (f"The database {tmp_path / 'empty.db'} was empty: it is now a new "
                            "labelmgr database")
    empty.close()
    assert inspect_database(tmp_path / "empty.db").counts == {
        "users": 0, "games": 0, "save_slots": 0}


def test_the_cli_says_when_it_set_up_an_empty_file(tmp_path: Path, monkeypatch, capsys):
    db = tmp_path / "empty.db"
    db.touch()
    code, out, err = _cli(monkeypatch, capsys, ["--db", str(db), "doctor"])
    assert code == 0 and ("  schema:      none yet (an empty file: labelmgr sets it up as a "
                          "new database when it opens it)") in out
    assert db.stat().st_size == 0  # doctor only looks
    code, out, err = _cli(monkeypatch, capsys, ["--db", str(db), "users", "list"])
    assert code == 0 and out.startswith("No profiles yet")
    assert err == f"labelmgr: The database {db} was empty: it is now a new labelmgr database\n"
    code, out, err = _cli(monkeypatch, capsys, ["--db", str(db), "users", "list"])
    assert code == 0 and err == ""


@pytest.mark.parametrize("tables", [["places"], ["a", "b", "c", "d"]])
def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path, tables: list[str]):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    for t in tables:
        conn.execute(f"CREATE TABLE {t} (x)")
    conn.execute(f"INSERT INTO {tables[0]} VALUES (1)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LabelError) as err:
        open_database(path)
    listed = ", ".join(tables[:3]) + (", ..." if len(tables) > 3 else "")
    assert (err.value.code, err.value.message) == (
        "DB_NOT_LABELMGR", f"The database {path} is not a labelmgr database (an SQLite file "
        f"with other tables: {listed}). It was left untouched: pass --db another file.")
    assert path.read_bytes() == before and sorted(os.listdir(tmp_path)) == ["other.sqlite"]
    assert inspect_database(path).problems == [
        f"not a labelmgr database (an SQLite file with other tables: {', '.join(tables[:3])})"]
