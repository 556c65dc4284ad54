"""Opening the file: permissions, pragmas, schema version, refusal of damaged or newer files."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from labelmgr.content import Content
from labelmgr.errors import LabelError
from labelmgr.storage import SCHEMA_VERSION, open_database
from tests.service.play import make_service


def test_new_file_and_folder_are_owner_only(tmp_path: Path):
    db = open_database(tmp_path / "new" / "deeper" / "game.db")
    assert stat.S_IMODE((tmp_path / "new" / "deeper").stat().st_mode) == 0o700
    assert stat.S_IMODE(db.path.stat().st_mode) == 0o600
    db.close()


def test_connections_use_wal_full_sync_foreign_keys_and_busy_timeout(tmp_path: Path):
    db = open_database(tmp_path / "game.db")
    with db.read() as conn:
        pragmas = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                   for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}
    assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1,
                       "busy_timeout": 5000}
    db.close()


def test_fresh_database_has_the_current_schema_version(tmp_path: Path):
    open_database(tmp_path / "game.db").close()
    conn = sqlite3.connect(tmp_path / "game.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
    conn.close()


def test_every_foreign_key_is_indexed(tmp_path: Path):
    open_database(tmp_path / "game.db").close()
    conn = sqlite3.connect(tmp_path / "game.db")
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in tables:
        indexed = {conn.execute(f"PRAGMA index_info('{ix[1]}')").fetchone()[2]
                   for ix in conn.execute(f"PRAGMA index_list('{table}')")}
        keys = [r for r in conn.execute(f"PRAGMA table_info('{table}')") if r[5]]
        if len(keys) == 1 and keys[0][2] == "INTEGER":  # the rowid itself: its own index
            indexed.add(keys[0][1])
        for fk in conn.execute(f"PRAGMA foreign_key_list('{table}')"):
            assert fk[3] in indexed, (table, fk[3])
    conn.close()


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path, content: Content):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)")
    conn.execute("PRAGMA user_version=7")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LabelError) as err:
        make_service(tmp_path, content, db_name="future.db")
    assert err.value.code == "DB_SCHEMA_NEWER"
    assert str(path) in err.value.message and "schema 7" in err.value.message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.db"]


def test_a_file_that_is_not_sqlite_is_refused_with_its_name(tmp_path: Path, content: Content):
    path = tmp_path / "labelmgr.db"
    path.write_bytes(b"my shopping list\n" * 100)
    before = path.read_bytes()
    with pytest.raises(LabelError) as err:
        make_service(tmp_path, content)
    assert err.value.code == "DB_CORRUPT"
    assert str(path) in err.value.message and "restore" in err.value.message
    assert path.read_bytes() == before


def test_a_damaged_database_names_the_backup(tmp_path: Path, content: Content):
    svc = make_service(tmp_path, content)
    svc.register("alice", "correct horse")
    game = svc.new_game("Damage", seed_code="0000-0001")
    game.advance()
    svc.close()
    path = tmp_path / "labelmgr.db"
    backup = tmp_path / "labelmgr.db.schema1.bak"
    backup.write_bytes(path.read_bytes())
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):  # scribble over the b-tree pages
        data[offset:offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(LabelError) as err:
        make_service(tmp_path, content)
    assert err.value.code == "DB_CORRUPT"
    assert str(path) in err.value.message and str(backup) in err.value.message
    assert path.read_bytes() == before
