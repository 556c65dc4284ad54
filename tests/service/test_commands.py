"""``labelmgr users``, ``saves`` and ``doctor`` through the real command line parser."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from labelmgr.cli import main
from labelmgr.content import Content
from tests.service.play import PASSWORD, make_service, play


@pytest.fixture(autouse=True)
def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABELMGR_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.delenv("LABELMGR_DB", raising=False)


def run(monkeypatch: pytest.MonkeyPatch, capsys, argv: list[str], stdin: str = ""
        ) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_users_add_and_list(tmp_path: Path, monkeypatch, capsys):
    db = str(tmp_path / "cli.db")
    assert run(monkeypatch, capsys, ["--db", db, "users", "list"])[1].startswith("No profiles")
    code, out, _ = run(monkeypatch, capsys, ["--db", db, "users", "add", "alice",
                                             "--password-stdin"], PASSWORD + "\n")
    assert (code, out) == (0, "Profile alice created\n")
    code, out, _ = run(monkeypatch, capsys, ["--db", db, "users", "list"])
    assert (code, out) == (0, "alice\t0 games\n")


def test_users_add_reports_bad_input_without_traceback(tmp_path: Path, monkeypatch, capsys):
    db = str(tmp_path / "cli.db")
    code, out, err = run(monkeypatch, capsys, ["--db", db, "users", "add", "al",
                                               "--password-stdin"], PASSWORD + "\n")
    assert code == 2 and out == "" and err.startswith("labelmgr: A username has 3 to 32")
    code, _, err = run(monkeypatch, capsys, ["--db", db, "users", "add", "alice",
                                             "--password-stdin"], "short\n")
    assert code == 2 and "at least 8 characters" in err
    run(monkeypatch, capsys, ["--db", db, "users", "add", "alice", "--password-stdin"],
        PASSWORD + "\n")
    code, _, err = run(monkeypatch, capsys, ["--db", db, "users", "add", "ALICE",
                                             "--password-stdin"], PASSWORD + "\n")
    assert code == 1 and "is taken" in err


def test_saves_export_and_import(tmp_path: Path, monkeypatch, capsys, content: Content):
    db = tmp_path / "cli.db"
    svc = make_service(tmp_path, content, db_name="cli.db")
    svc.register("alice", PASSWORD)
    session = svc.new_game("Command Line", seed_code="0000-0400")
    play(session, 3)
    svc.register("bob_b", PASSWORD)
    svc.close()
    out_file = tmp_path / "out.json"
    code, out, _ = run(monkeypatch, capsys, ["--db", str(db), "saves", "export",
                                             str(session.game_id), "--user", "alice", "-o",
                                             str(out_file), "--password-stdin"],
                       PASSWORD + "\n")
    assert code == 0 and out == f"Game {session.game_id} exported to {out_file}\n"
    assert json.loads(out_file.read_text())["game"]["month"] == 4
    code, out, _ = run(monkeypatch, capsys, ["--db", str(db), "saves", "import",
                                             str(out_file), "--user", "bob_b",
                                             "--password-stdin"], PASSWORD + "\n")
    assert code == 0 and out.startswith("Imported “Command Line” as game")
    code, _, err = run(monkeypatch, capsys, ["--db", str(db), "saves", "export",
                                             str(session.game_id), "--user", "bob_b", "-o",
                                             str(tmp_path / "x.json"), "--password-stdin"],
                       PASSWORD + "\n")
    assert code == 1 and "belongs to another profile" in err
    code, _, err = run(monkeypatch, capsys, ["--db", str(db), "saves", "import",
                                             str(out_file), "--user", "bob_b",
                                             "--password-stdin"], "wrong password\n")
    assert code == 1 and err == "labelmgr: Wrong username or password\n"


def test_doctor_on_a_healthy_database(tmp_path: Path, monkeypatch, capsys,
                                      content: Content):
    svc = make_service(tmp_path, content, db_name="doc.db")
    svc.register("alice", PASSWORD)
    svc.new_game("Doctor", seed_code="0000-0401")
    svc.close()
    code, out, _ = run(monkeypatch, capsys, ["--db", str(tmp_path / "doc.db"), "doctor"])
    assert code == 0
    assert f"database:      {tmp_path / 'doc.db'}" in out
    assert f"config folder: {tmp_path / 'config'}" in out
    assert "schema:      5 (this labelmgr writes 5)" in out
    assert "access:      read and write" in out
    assert "users:       1" in out and "games:       1" in out
    assert "save_slots:  1" in out and "integrity:   ok" in out
    assert f"content: ok ({content.summary()}" in out


def test_doctor_does_not_create_a_database(tmp_path: Path, monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, ["--db", str(tmp_path / "none.db"), "doctor"])
    assert code == 0 and "not created yet" in out
    assert not (tmp_path / "none.db").exists()


def test_doctor_reports_a_damaged_file(tmp_path: Path, monkeypatch, capsys):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 50)
    code, out, _ = run(monkeypatch, capsys, ["--db", str(bad), "doctor"])
    assert code == 1 and "not an SQLite database" in out


def test_doctor_reports_a_newer_schema(tmp_path: Path, monkeypatch, capsys):
    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version=6")
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    code, out, _ = run(monkeypatch, capsys, ["--db", str(newer), "doctor"])
    assert code == 1 and "schema 6 is newer" in out


def test_corrupt_database_message_reaches_the_player(tmp_path: Path, monkeypatch, capsys):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 100)
    code, _, err = run(monkeypatch, capsys, ["--db", str(bad), "users", "list"])
    assert code == 1 and str(bad) in err and "damaged" in err and "Traceback" not in err


@pytest.mark.parametrize(("code", "why"), [
    ("UUUU-0000", "'U' cannot appear in a seed code"),
    ("7Q2K", "a seed code has 8 letters or digits (like 7Q2K-MX4P), not 4"),
])
def test_a_bad_seed_code_is_refused_before_the_game_opens(monkeypatch, capsys, code, why):
    def never(*args: object) -> int:
        raise AssertionError("the game opened")

    monkeypatch.setattr("labelmgr.tui.run.run_game", never)
    assert run(monkeypatch, capsys, ["--seed", code]) == (
        2, "", f"labelmgr: --seed '{code}': {why}\n")


def test_a_good_seed_code_opens_the_game_with_it(monkeypatch, capsys):
    opened = []
    monkeypatch.setattr("labelmgr.tui.run.run_game", lambda *args: opened.append(args) or 0)
    assert run(monkeypatch, capsys, ["--seed", "7q2k-mx4p"])[0] == 0
    assert opened == [(None, None, "7q2k-mx4p")]
