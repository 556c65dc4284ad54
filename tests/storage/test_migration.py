"""Upgrading the committed schema-1 fixture: backup first, data intact, same schema as new."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from labelmgr.content import Content
from labelmgr.errors import LabelError
from labelmgr.storage import open_database
from tests.service.play import make_service

FIXTURE = Path(__file__).parent / "fixtures" / "schema_v1.db"


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    path = tmp_path / "labelmgr.db"
    shutil.copyfile(FIXTURE, path)
    return path


def _schema(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    out: dict[str, object] = {"version": conn.execute("PRAGMA user_version").fetchone()[0]}
    for t in tables:
        out[t] = (sorted((r[1], r[3]) for r in conn.execute(f"PRAGMA table_info('{t}')")),
                  sorted(r[1] for r in conn.execute(f"PRAGMA index_list('{t}')")))
    conn.close()
    return out


def test_fixture_is_schema_1():
    conn = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    cols = [r[1] for r in conn.execute("PRAGMA table_info('games')")]
    conn.close()
    assert "reputation" not in cols and "career" not in cols


def test_upgrade_writes_a_backup_then_keeps_every_game(old_db: Path, content: Content):
    original = old_db.read_bytes()
    svc = make_service(old_db.parent, content)
    backup = old_db.parent / "labelmgr.db.schema1.bak"
    assert backup.exists() and _schema(backup)["version"] == 1
    assert _schema(old_db)["version"] == 2
    svc.login("alice", "correct horse")
    games = {g.label_name: g for g in svc.list_games()}
    assert {name: (g.month, g.money, g.reputation, g.complete, g.career, g.seed_code)
            for name, g in games.items()} == {
        "Fixture Records": (15, 24509, 6, True, True, "0000-0042"),
        "Second Label": (4, 133497, 5, False, False, "0000-0043")}
    state = svc.open_game(games["Fixture Records"].id).state
    assert (state.month, state.money, state.career) == (15, 24509, True)
    assert state.money == state.starting_money + state.ledger_total
    assert len(state.history) == 14
    [manual] = [s for s in svc.list_slots(games["Fixture Records"].id) if s.kind == "manual"]
    assert (manual.name, manual.month) == ("after the first year", 15)
    assert svc.load_slot(manual.id).state == state
    svc.logout()
    svc.login("bob", "battery staple")
    assert [(g.label_name, g.month) for g in svc.list_games()] == [("Bob's Basement", 3)]
    svc.close()
    restored = old_db.parent / "restored.db"
    shutil.copyfile(backup, restored)
    conn = sqlite3.connect(restored)
    assert conn.execute("SELECT count(*) FROM games").fetchone()[0] == 3
    conn.close()
    assert original != old_db.read_bytes()


def test_upgraded_schema_equals_a_fresh_one(old_db: Path, tmp_path: Path):
    open_database(old_db).close()
    open_database(tmp_path / "fresh.db").close()
    assert _schema(old_db) == _schema(tmp_path / "fresh.db")


def test_upgraded_game_plays_on(old_db: Path, content: Content):
    svc = make_service(old_db.parent, content)
    svc.login("alice", "correct horse")
    game = next(g for g in svc.list_games() if g.label_name == "Second Label")
    session = svc.open_game(game.id)
    session.advance()
    assert next(g for g in svc.list_games() if g.id == game.id).month == 5
    svc.close()


def test_alembic_is_imported_only_for_a_migration(old_db: Path, tmp_path: Path):
    code = ("import sys; from labelmgr.storage import open_database; "
            f"open_database({str(tmp_path / 'fresh.db')!r}).close(); "
            f"open_database({str(tmp_path / 'fresh.db')!r}).close(); "
            "print('alembic' in sys.modules); "
            f"open_database({str(old_db)!r}).close(); print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout.split()
    assert out == ["False", "True"]


def test_a_failing_step_keeps_the_old_version_and_names_the_backup(old_db: Path, monkeypatch):
    from labelmgr.storage import migrations

    def broken(conn):
        conn.exec_driver_sql("ALTER TABLE games ADD COLUMN half_done INTEGER")
        conn.exec_driver_sql("SELECT * FROM no_such_table")

    monkeypatch.setitem(migrations.STEPS, 1, broken)
    with pytest.raises(LabelError) as err:
        open_database(old_db)
    assert err.value.code == "DB_MIGRATION"
    assert "labelmgr.db.schema1.bak" in err.value.message
    schema = _schema(old_db)
    assert schema["version"] == 1
    assert "half_done" not in [c for c, _ in schema["games"][0]]  # type: ignore[index]
