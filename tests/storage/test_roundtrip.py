"""Round trips: every table holds exactly what was written, and a month writes only the
rows it changed."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import event

from labelmgr.content import Content
from labelmgr.engine import (
    SongTable,
    StartProject,
    action_to_dict,
    advance_month,
    new_game,
    start_career,
)
from labelmgr.service import GameService
from labelmgr.storage import GameRepo, UserRepo
from labelmgr.storage.codec import pack, small_blob, small_from_blob, unpack
from labelmgr.storage.passwords import hash_password
from labelmgr.storage.rows import song_changes
from labelmgr.storage.snapshot import decode_snapshot, encode_snapshot
from tests.service.play import play, played, simple_plan


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_pack_and_snapshot_round_trip(content: Content):
    state = played(content, 14)
    assert unpack(pack({"a": [1, "é"]})) == {"a": [1, "é"]}
    assert decode_snapshot(encode_snapshot(state)) == state
    assert decode_snapshot(encode_snapshot(state, compress=False)) == state
    assert small_from_blob(small_blob(state))["history"] == [
        {"month": h.month, "money": h.money, "revenue": h.revenue, "costs": h.costs,
         "reputation": h.reputation, "streams": h.streams} for h in state.history]
    empty = new_game(content, seed=1, label_name="Empty")
    assert decode_snapshot(encode_snapshot(empty)) == empty


def test_game_rows_hold_the_state(player: GameService, content: Content):
    session = player.new_game("Round Trip", seed_code="0000-0007")
    play(session, 14)
    state, gid, path = session.state, session.game_id, player.db.path
    assert len(state.songs) > 3 and len(state.projects) > 3
    artists = _rows(path, f"SELECT artist_id, mood, loyalty FROM artists WHERE game_id={gid} "
                          "ORDER BY pos")
    assert artists == [(a.id, a.mood, a.loyalty) for a in state.artists]
    projects = _rows(path, f"SELECT project_id, stage, revenue FROM projects WHERE "
                           f"game_id={gid} ORDER BY pos")
    assert projects == [(p.id, p.stage, p.revenue) for p in state.projects]
    songs = _rows(path, f"SELECT song_id, title, quality, release_month FROM songs "
                        f"WHERE game_id={gid} ORDER BY song_id")
    assert songs == [(s.id, s.title, s.quality, s.release_month) for s in state.songs.rows()]
    [(block,)] = _rows(path, f"SELECT data FROM song_counters WHERE game_id={gid}")
    counters = np.frombuffer(block, dtype="<i8").reshape(4, len(state.songs))
    assert counters.T.tolist() == [[s.total_streams, s.total_revenue, s.last_streams,
                                    s.last_revenue] for s in state.songs.rows()]
    ledger = _rows(path, f"SELECT month, category, amount, text FROM ledger_entries WHERE "
                         f"game_id={gid} ORDER BY seq")
    assert ledger == [(e.month, e.category, e.amount, e.text) for e in state.ledger]
    [game] = _rows(path, f"SELECT month, money, reputation, career, complete FROM games "
                         f"WHERE id={gid}")
    assert game == (state.month, state.money, state.reputation, int(state.career),
                    int(state.campaign_complete))
    assert GameRepo(player.db, player.clock).load(player.user.id, gid).state == state


def test_action_and_event_logs_round_trip(player: GameService, content: Content):
    session = player.new_game("Logs", seed_code="0000-0008")
    plans = []
    for _ in range(4):
        plan = simple_plan(session.state, content)
        plans.append([action_to_dict(a) for a in plan])
        for a in plan:
            session.add(a)
        session.advance()
    repo = GameRepo(player.db, player.clock)
    log = repo.action_log(player.user.id, session.game_id)
    assert log == [{"month": m + 1, "career": False, "actions": p} for m, p in
                   enumerate(plans)]
    assert repo.news(player.user.id, session.game_id, 1000) == list(reversed(session.news()))


def test_users_and_sessions_round_trip(player: GameService, clock):
    users = UserRepo(player.db, clock)
    record = users.create("bob", hash_password("battery staple", 16))
    assert users.find("BOB") == record
    users.add_session(record.id, "f" * 64, clock() + 100)
    assert users.session_user("f" * 64) == (record.id, "bob")
    clock.advance(101)
    assert users.session_user("f" * 64) is None
    users.delete_session("f" * 64)
    assert _rows(player.db.path, "SELECT count(*) FROM login_sessions") == [(0,)]
    assert [u[:2] for u in users.list_users()] == [("alice", 0), ("bob", 0)]


def test_slot_rows_hold_snapshot_and_log(player: GameService):
    session = player.new_game("Slots", seed_code="0000-0009")
    play(session, 3)
    slot = player.save_slot(session.game_id, "three")
    [(blob, actions, month, chash)] = _rows(
        player.db.path, f"SELECT snapshot, actions, month, content_hash FROM save_slots "
                        f"WHERE id={slot.id}")
    assert decode_snapshot(blob) == session.state and month == 4
    assert [e["month"] for e in unpack(actions)] == [1, 2, 3]
    assert chash == player.content.content_hash


def _fixed(songs, i: int) -> tuple[int, ...]:
    s = songs.row(i)
    return (s.project_id, s.quality, s.recorded_month, s.release_month, s.initial_streams)


def test_song_changes_find_exactly_the_moved_rows(content: Content):
    state = played(content, 15)  # a career month: a single comes out, the catalogue streams
    nxt = advance_month(state, [], content).state
    changes = song_changes(state.songs, nxt.songs)
    n = len(state.songs)
    released = [i for i in range(n) if _fixed(state.songs, i) != _fixed(nxt.songs, i)]
    assert changes.updated.tolist() == released and not changes.rewrite
    assert changes.counters  # the catalogue streamed
    assert list(changes.inserted) == list(range(n, len(nxt.songs)))
    assert not song_changes(nxt.songs, nxt.songs).counters
    assert released and len(played(content, 12).songs) < len(nxt.songs)
    assert song_changes(nxt.songs, played(content, 12).songs).rewrite  # fewer: written again


def test_a_month_writes_released_song_rows_and_one_counters_block(player: GameService):
    session = player.new_game("Few Writes", difficulty="easy", seed_code="0000-000A")
    play(session, 31)  # the first songs are past their 24 months of catalogue streams
    # a single recorded in one month and released in the next (the traced one)
    artist = session.options().idle_artists[0]
    session.add(StartProject("single", artist, "Slow Burn", time_investment="perfectionist"))
    session.advance()
    session.advance()
    statements: list[str] = []

    def trace(dbapi_conn, record, proxy):
        dbapi_conn.set_trace_callback(statements.append)

    event.listen(player.db.engine, "checkout", trace)
    player.db.engine.dispose()  # new connections, traced
    before = session.state
    session.advance()
    event.remove(player.db.engine, "checkout", trace)
    after = session.state
    moved = sum(before.songs.row(i) != after.songs.row(i) for i in range(len(before.songs)))
    released = sum(_fixed(before.songs, i) != _fixed(after.songs, i)
                   for i in range(len(before.songs)))
    assert 0 < moved < len(before.songs) and released == 1  # one record came out
    assert sum(s.startswith("UPDATE songs") for s in statements) == released
    assert sum(s.startswith("INSERT INTO songs") for s in statements) == (
        len(after.songs) - len(before.songs))
    assert sum("song_counters" in s for s in statements) == 1


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_many_months_through_the_database_equal_the_engine(player: GameService,
                                                           content: Content, seed: int):
    session = player.new_game("Long", seed_code=f"0000-00{seed:02d}")
    state = session.state
    for _ in range(13):
        if state.campaign_complete and not state.career:
            session.start_career()
            state = start_career(state, content)
        plan = simple_plan(state, content)
        for a in plan:
            session.add(a)
        session.advance()
        state = advance_month(state, plan, content).state
        assert np.array_equal(session.state.songs.total_revenue, state.songs.total_revenue)
    assert player.open_game(session.game_id).state == state


def test_songs_out_of_id_order_keep_their_own_counters(player: GameService, content: Content):
    state = played(content, 14)
    songs = state.songs
    assert len(songs) > 2
    back = np.arange(len(songs))[::-1]
    shuffled = SongTable.from_columns({c: v[back] for c, v in songs.columns().items()},
                                      [songs.titles[i] for i in back],
                                      [songs.artist_ids[i] for i in back])
    repo = GameRepo(player.db, player.clock)
    game_id = repo.create(player.user.id, replace(state, songs=shuffled), content.content_hash)
    loaded = repo.load(player.user.id, game_id).state.songs
    assert loaded.id.tolist() == sorted(songs.id.tolist()) != shuffled.id.tolist()
    assert sorted(shuffled.rows(), key=lambda s: s.id) == list(loaded.rows())
