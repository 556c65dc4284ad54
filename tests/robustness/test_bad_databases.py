"""Bad input catalogue, part 4: database files and data folders.

Each broken database is given to ``labelmgr users list`` (it opens the database like the game
does): exit 1, one message naming the file and the problem, no traceback, and the folder
exactly as it was (same bytes, no journal files left). ``labelmgr doctor`` reports the same
problem with exit 1. The service raises the ``DB_`` error the CLI prints.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from labelmgr.content import Content
from labelmgr.errors import LabelError
from labelmgr.service import open_service
from tests.robustness import players
from tests.robustness.cli import assert_refused, file_hashes, hand_over, run
from tests.robustness.model import dump


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, content: Content) -> Path:
    folder = tmp_path_factory.mktemp("players")
    players.build(folder, content)
    return folder


@pytest.fixture
def db(built: Path, home: Path) -> Path:
    return players.install(built, home)


def _newer_schema(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version=7")
    conn.close()


def _folder_instead(db: Path) -> None:
    db.unlink()
    db.mkdir()


# case: (spoil the database, what the message says, what doctor says; None = no doctor check)
BROKEN: dict[str, tuple[Callable[[Path], object], str, str | None]] = {
    "random bytes": (lambda p: p.write_bytes(os.urandom(8192)),
                     "is damaged (it is not an SQLite database)", "not an SQLite database"),
    "SQLite header, then garbage": (
        lambda p: p.write_bytes(b"SQLite format 3\x00" + os.urandom(8192)),
        "is damaged (file is not a database)", "file is not a database"),
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
                  "is damaged (database disk image is malformed)", "malformed"),
    "newer schema": (_newer_schema, "was written by a newer labelmgr (schema 7; this version "
                     "reads up to 5). It was left untouched", "schema 7 is newer"),
    "a folder where the file should be": (_folder_instead, "Cannot read the database",
                                          "cannot read it: Is a directory"),
    "unreadable": (lambda p: p.chmod(0), ": Permission denied", "Permission denied"),
    "read-only file": (lambda p: p.chmod(0o400), "is read-only", None),
    "read-only folder": (lambda p: p.parent.chmod(0o500), "its folder", None),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_database_is_refused_and_left_untouched(db: Path, home: Path, case: str):
    spoil, phrase, _ = BROKEN[case]
    hand_over(home)
    spoil(db)
    before = file_hashes(db.parent)
    try:
        message = assert_refused(run(["users", "list"], home), "labelmgr: ", str(db), phrase)
        assert len(message.splitlines()) == 1
        assert file_hashes(db.parent) == before
    finally:
        db.parent.chmod(0o700)


@pytest.mark.parametrize("case", sorted(c for c, v in BROKEN.items() if v[2] is not None))
def test_doctor_names_the_problem(db: Path, home: Path, case: str):
    spoil, _, problem = BROKEN[case]
    hand_over(home)
    spoil(db)
    before = file_hashes(db.parent)
    result = run(["doctor"], home)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "integrity:   PROBLEMS" in result.stdout and problem in result.stdout
    if case in ("unreadable", "a folder where the file should be"):  # not even opened
        assert "access:      NONE: labelmgr cannot open it" in result.stdout
        assert "read and write" not in result.stdout
    assert file_hashes(db.parent) == before


@pytest.mark.parametrize("case", ["random bytes", "newer schema", "truncated",
                                  "a folder where the file should be"])
def test_the_service_raises_a_db_error(db: Path, case: str, content: Content):
    BROKEN[case][0](db)
    with pytest.raises(LabelError) as err:
        open_service(db, content=content, config_dir=db.parent / "config")
    assert err.value.family == "DB" and str(db) in err.value.message


@pytest.mark.parametrize("case", ["read-only file", "read-only folder"])
def test_doctor_says_a_read_only_database_is_healthy_but_cannot_be_saved_to(
        db: Path, home: Path, case: str):
    hand_over(home)
    BROKEN[case][0](db)
    before = file_hashes(db.parent)
    try:
        result = run(["doctor"], home)
    finally:
        db.parent.chmod(0o700)
    why = ("the file is read-only" if case == "read-only file" else
           f"its folder {db.parent} is read-only (labelmgr writes its journal next to the file)")
    assert result.returncode == 1 and "  integrity:   ok" in result.stdout
    assert (f"  access:      READ-ONLY ({why}): healthy for reading, but labelmgr cannot save "
            "to it and will not open it until it is writable") in result.stdout
    assert file_hashes(db.parent) == before


def test_doctor_says_a_writable_database_is_read_and_write(db: Path, home: Path):
    hand_over(home)
    result = run(["doctor"], home)
    assert result.returncode == 0 and "  access:      read and write" in result.stdout


def test_an_empty_file_becomes_a_new_database_and_the_player_is_told(home: Path):
    """Zero bytes hold no game to lose (SQLite reads them as an empty database): labelmgr sets
    the file up and says so once."""
    (home / "data").mkdir()
    db = home / "data" / "labelmgr.db"
    db.touch()
    hand_over(home)
    result = run(["users", "list"], home)
    assert result.returncode == 0 and result.stdout.startswith("No profiles yet")
    assert result.stderr == (f"labelmgr: The database {db} was empty: it is now a new "
                             "labelmgr database\n")
    assert run(["users", "list"], home).stderr == ""


def test_a_write_waits_for_a_locked_database_then_gives_up_cleanly(db: Path, home: Path):
    """Another process holds a write transaction: reads go on, a write is refused after the
    busy timeout with a clear message, and nothing of it is written."""
    hand_over(home)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], "
         "isolation_level=None); c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); "
         "sys.stdin.readline(); c.execute('ROLLBACK')", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        listed = run(["users", "list"], home)
        assert listed.returncode == 0 and listed.stdout.startswith("alice\t1 game")
        refused = run(["users", "add", "carol", "--password-stdin"], home,
                      stdin="carol password\n")
        assert refused.returncode == 1
        assert_refused(refused, f"labelmgr: The database {db} is busy in another labelmgr; "
                       "try again in a moment")
    finally:
        holder.communicate("done\n", timeout=30)
    assert "carol" not in "\n".join(dump(db))
    assert run(["users", "add", "carol", "--password-stdin"], home,
               stdin="carol password\n").returncode == 0


def _under_a_file(home: Path) -> Path:
    (home / "afile").write_text("x")
    return home / "afile" / "sub"


DATA_DIRS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "folder under a file": (_under_a_file, "Not a directory"),
    "folder that cannot be created": (lambda h: h.chmod(0o500) or h / "new" / "deeper",
                                      "Permission denied"),
    "folder that cannot be written": (lambda h: (h / "ro").mkdir(0o500) or h / "ro",
                                      "Permission denied"),
}


@pytest.mark.parametrize("case", sorted(DATA_DIRS))
def test_data_folder_that_cannot_be_used(home: Path, case: str):
    make, phrase = DATA_DIRS[case]
    hand_over(home)
    folder = make(home)
    before = sorted(p.name for p in home.rglob("*"))
    try:
        result = run(["users", "list"], home, env={"LABELMGR_DB": str(folder / "game.db")})
        assert_refused(result, f"labelmgr: Cannot create the database {folder / 'game.db'}",
                       phrase)
        assert sorted(p.name for p in home.rglob("*")) == before
    finally:
        home.chmod(0o700)


def test_remember_me_with_a_config_folder_that_cannot_be_made(tmp_path: Path,
                                                               content: Content):
    (tmp_path / "afile").write_text("x")
    service = open_service(tmp_path / "game.db", content=content,
                           config_dir=tmp_path / "afile" / "config", scrypt_n=2**4)
    before = dump(service.db.path)
    for call in (lambda: service.register("alice", "a good password", remember=True),
                 lambda: service.login("alice", "a good password", remember=True)):
        with pytest.raises(LabelError) as err:
            call()
        assert err.value.code == "AUTH_REMEMBER"
        assert "Cannot remember the login" in err.value.message
        assert "LABELMGR_CONFIG_DIR" in err.value.message
        assert dump(service.db.path) == before and service.user is None
    service.close()
