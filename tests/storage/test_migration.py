"""Upgrading the committed schema-1, schema-2 and schema-4 fixtures: backup first, data
intact, same schema as new."""

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
FIXTURE_V2 = Path(__file__).parent / "fixtures" / "schema_v2.db"
FIXTURE_V4 = Path(__file__).parent / "fixtures" / "schema_v4.db"


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
        [sql] = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (t,)).fetchone()
        out[t] = (sorted((r[1], r[2], r[3], r[5])
                         for r in conn.execute(f"PRAGMA table_info('{t}')")),
                  sorted(r[1] for r in conn.execute(f"PRAGMA index_list('{t}')")),
                  sorted(r[2:7] for r in conn.execute(f"PRAGMA foreign_key_list('{t}')")),
                  "AUTOINCREMENT" in sql, "WITHOUT ROWID" in sql)
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
    assert _schema(old_db)["version"] == 5
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
    slots = svc.list_slots(games["Fixture Records"].id)
    [manual] = [s for s in slots if s.kind == "manual"]
    assert (manual.name, manual.month, manual.phase) == ("after the first year", 15, "career")
    assert sorted((s.month, s.phase) for s in slots if s.kind == "auto") == [
        (13, "campaign_over"), (14, "career"), (15, "career")]  # schema 5 reads the snapshots
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


@pytest.mark.parametrize("fixture", [FIXTURE, FIXTURE_V2, FIXTURE_V4])
def test_upgraded_schema_equals_a_fresh_one(fixture: Path, tmp_path: Path):
    old = tmp_path / "old.db"
    shutil.copyfile(fixture, old)
    open_database(old).close()
    open_database(tmp_path / "fresh.db").close()
    assert _schema(old) == _schema(tmp_path / "fresh.db")


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
    assert "half_done" not in [c[0] for c in schema["games"][0]]  # type: ignore[index]


@pytest.fixture
def v2_db(tmp_path: Path) -> Path:
    path = tmp_path / "labelmgr.db"
    shutil.copyfile(FIXTURE_V2, path)
    return path


def _v2_songs() -> dict[int, list[tuple]]:
    conn = sqlite3.connect(f"file:{FIXTURE_V2}?mode=ro", uri=True)
    found: dict[int, list[tuple]] = {}
    for game_id, *song in conn.execute(
            "SELECT game_id, song_id, title, quality, release_month, initial_streams, "
            "total_streams, total_revenue, last_streams, last_revenue FROM songs "
            "ORDER BY game_id, song_id"):
        found.setdefault(game_id, []).append(tuple(song))
    conn.close()
    return found


def test_fixture_is_schema_2_with_reusable_ids():
    conn = sqlite3.connect(f"file:{FIXTURE_V2}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert "total_revenue" in [r[1] for r in conn.execute("PRAGMA table_info('songs')")]
    assert conn.execute("SELECT max(id) FROM games").fetchone()[0] == 2
    assert conn.execute("SELECT max(id) FROM save_slots").fetchone()[0] == 22
    deleted = conn.execute("SELECT kind, data FROM event_log WHERE kind IN "
                           "('audit.game_deleted', 'audit.slot_deleted') ORDER BY id").fetchall()
    conn.close()
    assert deleted == [("audit.game_deleted", '{"game_id": 3}'),
                       ("audit.slot_deleted", '{"slot_id": 23}')]


def test_upgrade_from_schema_2_keeps_songs_games_and_slots(v2_db: Path, content: Content):
    songs_before = _v2_songs()
    svc = make_service(v2_db.parent, content)
    assert (v2_db.parent / "labelmgr.db.schema2.bak").exists()
    assert _schema(v2_db)["version"] == 5
    svc.login("alice", "correct horse")
    [game] = svc.list_games()
    assert (game.label_name, game.month, game.money, game.reputation, game.career) == (
        "Catalogue Records", 17, 37156, 15, True)
    state = svc.open_game(game.id).state
    assert len(state.songs) == 5 and state.songs.total_revenue.sum() > 0
    assert [(s.id, s.title, s.quality, s.release_month, s.initial_streams, s.total_streams,
             s.total_revenue, s.last_streams, s.last_revenue)
            for s in state.songs.rows()] == songs_before[game.id]
    assert state.money == state.starting_money + state.ledger_total
    [manual] = [s for s in svc.list_slots(game.id) if s.kind == "manual"]
    assert (manual.name, manual.month) == ("sixteen months", 17)
    assert svc.load_slot(manual.id).state == state
    svc.logout()
    svc.login("bob", "battery staple")
    [bobs] = svc.list_games()
    assert (bobs.label_name, bobs.month) == ("Bob's Garage", 4)
    session = svc.open_game(bobs.id)
    assert len(session.state.songs) == len(songs_before.get(bobs.id, []))
    session.advance()
    assert svc.open_game(bobs.id).state == session.state
    svc.close()


def test_upgrade_from_schema_2_never_reuses_an_audited_id(v2_db: Path, content: Content):
    svc = make_service(v2_db.parent, content)
    svc.login("alice", "correct horse")
    [game] = svc.list_games()
    new = svc.new_game("After The Upgrade", seed_code="0000-0055")
    slot = svc.save_slot(game.id, "after the upgrade")
    svc.close()
    assert new.game_id == 4  # 3 was the deleted "Short Lived"
    assert slot.id == 24 + 1  # 23 was a deleted slot; 24 is the new game's first autosave


@pytest.fixture
def v4_db(tmp_path: Path) -> Path:
    path = tmp_path / "labelmgr.db"
    shutil.copyfile(FIXTURE_V4, path)
    return path


V4_SLOTS = {
    "Sinking Records": [("career sunk", "manual", 16, "career_over"),
                        ("into the career", "manual", 14, "career"),
                        ("campaign done", "manual", 13, "campaign_over"),
                        ("Autosave, career over", "auto", 16, "career_over"),
                        ("Autosave, month 15, career", "auto", 15, "career"),
                        ("Autosave, month 14, career", "auto", 14, "career")],
    "Early Days": [("month four", "manual", 4, "campaign"),
                   ("Autosave, month 4", "auto", 4, "campaign"),
                   ("Autosave, month 3", "auto", 3, "campaign"),
                   ("Autosave, month 2", "auto", 2, "campaign")],
    "Finished Label": [("Autosave, campaign over", "auto", 13, "campaign_over"),
                       ("Autosave, month 12", "auto", 12, "campaign"),
                       ("Autosave, month 11", "auto", 11, "campaign")]}
"""The slots of the schema-4 fixture as schema 5 lists them (name, kind, month, phase). Its
career autosaves are stored as "Autosave, month 15"; they read as where they stood, like new
ones: "Autosave, month 15, career"."""


def test_fixture_is_schema_4_without_slot_phases():
    conn = sqlite3.connect(f"file:{FIXTURE_V4}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    assert "phase" not in [r[1] for r in conn.execute("PRAGMA table_info('save_slots')")]
    conn.close()


def test_upgrade_from_schema_4_reads_each_slots_phase(v4_db: Path, content: Content):
    svc = make_service(v4_db.parent, content)
    assert (v4_db.parent / "labelmgr.db.schema4.bak").exists()
    assert _schema(v4_db)["version"] == 5
    svc.login("alice", "correct horse")
    games = {g.label_name: g for g in svc.list_games()}
    assert {name: [(s.name, s.kind, s.month, s.phase) for s in svc.list_slots(g.id)]
            for name, g in games.items()} == V4_SLOTS
    sinking = games["Sinking Records"].id
    by_name = {s.name: s for s in svc.list_slots(sinking)}
    done = svc.load_slot(by_name["campaign done"].id)
    assert done.state.finished and not done.state.career and done.state.month == 13
    done.start_career()  # a finished campaign loaded from an old slot goes on as before
    done.advance()
    assert done.state.month == 14 and done.state.career
    assert svc.save_slot(sinking, "career again").phase == "career"
    sunk = svc.load_slot(by_name["career sunk"].id)
    assert sunk.state.career_ended
    assert svc.save_slot(sinking, "sunk again").phase == "career_over"
    svc.close()


def test_upgrade_from_schema_4_keeps_a_damaged_slot_as_a_campaign_month(v4_db: Path,
                                                                      content: Content):
    conn = sqlite3.connect(v4_db)
    [(slot_id,)] = conn.execute("SELECT id FROM save_slots WHERE name = 'campaign done'")
    conn.execute("UPDATE save_slots SET snapshot = ? WHERE id = ?", (b"LMSNAP\x03\x00junk",
                                                                     slot_id))
    conn.commit()
    conn.close()
    svc = make_service(v4_db.parent, content)
    assert _schema(v4_db)["version"] == 5
    svc.login("alice", "correct horse")
    [game] = [g for g in svc.list_games() if g.label_name == "Sinking Records"]
    phases = {s.name: s.phase for s in svc.list_slots(game.id)}
    assert phases["campaign done"] == "campaign"  # unknown: loading it names the damage
    assert phases["career sunk"] == "career_over"
    with pytest.raises(LabelError) as err:
        svc.load_slot(slot_id)
    assert err.value.code == "SAVE_CORRUPT"
    svc.close()


@pytest.mark.parametrize("fixture", [FIXTURE, FIXTURE_V2, FIXTURE_V4])
def test_the_player_is_told_of_an_upgrade_and_where_the_backup_is(fixture: Path, tmp_path: Path):
    """An upgrade says so (the game shows it as a notice, the CLI on stderr), naming the
    backup; before, the old file was copied aside without a word."""
    path = tmp_path / "labelmgr.db"
    shutil.copyfile(fixture, path)
    version = _schema(path)["version"]
    db = open_database(path)
    db.close()
    backup = tmp_path / f"labelmgr.db.schema{version}.bak"
    assert backup.exists()
    assert db.notice == (f"The database {path} was upgraded for this labelmgr (schema "
                         f"{version} to 5); the file as it was is kept in {backup}")
    again = open_database(path)  # already current: nothing more to say
    again.close()
    assert again.notice is None
