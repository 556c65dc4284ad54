"""Reading and writing a live game's rows inside a caller's transaction.

``write_state`` writes a whole state (a new game, a loaded slot); ``write_month`` writes only
what one month changed (new ledger entries and songs, the songs released, the block of song
counters, the artists and projects that changed), with one plain executemany per statement
(no per-row SQLAlchemy work: a month of a large catalogue stays fast).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, Table, select

from labelmgr.engine import GameState
from labelmgr.errors import LabelError
from labelmgr.storage import rows
from labelmgr.storage.codec import small_from_blob
from labelmgr.storage.counters import counters_blob
from labelmgr.storage.tables import ActionLogRow, ArtistRow, Game, LedgerRow, ProjectRow, SongRow

GAMES: Table = Game.__table__  # type: ignore[attr-defined]
ARTISTS: Table = ArtistRow.__table__  # type: ignore[attr-defined]
PROJECTS: Table = ProjectRow.__table__  # type: ignore[attr-defined]
SONGS: Table = SongRow.__table__  # type: ignore[attr-defined]
LEDGER: Table = LedgerRow.__table__  # type: ignore[attr-defined]
ACTION_LOG: Table = ActionLogRow.__table__  # type: ignore[attr-defined]
SUMMARY_COLUMNS: tuple[str, ...] = ("label_name", "difficulty", "seed", "month", "money",
                                    "complete", "reputation", "career", "content_hash",
                                    "state")


def insert_sql(table: str, columns: Sequence[str]) -> str:
    """``INSERT INTO table (columns) VALUES (?, ...)``."""
    return (f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})")


def _update_songs_sql(columns: Sequence[str]) -> str:
    sets = ", ".join(f"{c} = ?" for c in columns)
    return f"UPDATE songs SET {sets} WHERE game_id = ? AND song_id = ?"


_SONG_INSERT = insert_sql("songs", ("game_id", *rows.SONG_COLUMNS))
_LEDGER_INSERT = insert_sql("ledger_entries", ("game_id", "seq", *rows.LEDGER_FIELDS))
_ARTIST_INSERT = insert_sql("artists", rows.ARTIST_COLUMNS)
_PROJECT_INSERT = insert_sql("projects", rows.PROJECT_COLUMNS)
_ROW_UPDATE = _update_songs_sql(rows.FIXED_SONG_COLUMNS)
_COUNTERS_PUT = "INSERT OR REPLACE INTO song_counters (game_id, data) VALUES (?, ?)"
_LOG_INSERT = insert_sql("action_log", ("game_id", "month", "career", "actions"))


MAX_ROW_ID = 2**63 - 1
"""SQLite's largest row id: a bigger number cannot name a stored game or slot."""


def is_row_id(value: object) -> bool:
    """True for a whole number that can be a SQLite row id (bigger ones name nothing)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ROW_ID


def owned_game(conn: Connection, user_id: int, game_id: int) -> Row[Any]:
    """The game's row, if it belongs to ``user_id``.

    Raises:
        LabelError: ``SAVE_NOT_FOUND`` (no such game) or ``AUTH_FORBIDDEN`` (not yours).
    """
    row = conn.execute(select(GAMES).where(GAMES.c.id == game_id)).first() \
        if is_row_id(game_id) else None
    if row is None:
        raise LabelError("SAVE_NOT_FOUND", f"There is no game {game_id}", {"game_id": game_id})
    if row.user_id != user_id:
        raise LabelError("AUTH_FORBIDDEN", f"Game {game_id} belongs to another profile",
                         {"game_id": game_id})
    return row


def log_entries(conn: Connection, game_id: int) -> list[dict[str, Any]]:
    """The game's action log: one ``{"month", "career", "actions"}`` per resolved month."""
    found = conn.exec_driver_sql("SELECT month, career, actions FROM action_log WHERE "
                                 "game_id = ? ORDER BY month", (game_id,)).all()
    return [{"month": m, "career": bool(c), "actions": json.loads(a)} for m, c, a in found]


def append_log(conn: Connection, game_id: int, entries: Sequence[dict[str, Any]]) -> None:
    """Append months to the game's action log."""
    _many(conn, _LOG_INSERT, [(game_id, e["month"], bool(e["career"]), json.dumps(e["actions"]))
                              for e in entries])


def replace_log(conn: Connection, game_id: int, entries: Sequence[dict[str, Any]]) -> None:
    """Replace the game's action log with ``entries``."""
    conn.exec_driver_sql("DELETE FROM action_log WHERE game_id = ?", (game_id,))
    append_log(conn, game_id, entries)


def summary_values(state: GameState, small: bytes, content_hash: str) -> dict[str, Any]:
    """The ``games`` columns that mirror the state (``small`` is ``codec.small_blob``)."""
    return {"label_name": state.label_name, "difficulty": state.difficulty,
            "seed": state.seed, "month": state.month, "money": state.money,
            "complete": state.campaign_complete, "reputation": state.reputation,
            "career": state.career, "content_hash": content_hash,
            "state": small}


def update_game(conn: Connection, game_id: int, values: dict[str, Any], *, version: int,
                user_id: int, now: float) -> bool:
    """Set the summary ``values`` and bump the version if it still is ``version``."""
    sets = ", ".join(f"{c} = ?" for c in SUMMARY_COLUMNS)
    cur = conn.exec_driver_sql(
        f"UPDATE games SET {sets}, version = ?, updated_at = ? "
        "WHERE id = ? AND user_id = ? AND version = ?",
        (*(values[c] for c in SUMMARY_COLUMNS), version + 1, now, game_id, user_id, version))
    return cur.rowcount == 1


def clear_rows(conn: Connection, game_id: int) -> None:
    """Delete a game's artists, projects, songs (and their counters) and ledger rows."""
    for table in ("artists", "projects", "songs", "song_counters", "ledger_entries"):
        conn.exec_driver_sql(f"DELETE FROM {table} WHERE game_id = ?", (game_id,))


def write_state(conn: Connection, game_id: int, state: GameState) -> None:
    """Write all rows of a state (after ``clear_rows`` for an existing game)."""
    _many(conn, _ARTIST_INSERT, rows.artist_rows(game_id, list(enumerate(state.artists))))
    _many(conn, _PROJECT_INSERT, rows.project_rows(game_id, list(enumerate(state.projects))))
    _many(conn, _SONG_INSERT, rows.song_rows(game_id, state.songs, range(len(state.songs))))
    conn.exec_driver_sql(_COUNTERS_PUT, (game_id, counters_blob(state.songs)))
    _many(conn, _LEDGER_INSERT, rows.ledger_rows(game_id, state.ledger, 0))


def write_month(conn: Connection, game_id: int, old: GameState, new: GameState) -> None:
    """Write only the rows that differ between two consecutive states of a game."""
    _write_keyed(conn, game_id, "artists", "artist_id", _ARTIST_INSERT, old.artists,
                 new.artists, rows.artist_rows)
    _write_keyed(conn, game_id, "projects", "project_id", _PROJECT_INSERT, old.projects,
                 new.projects, rows.project_rows)
    changes = rows.song_changes(old.songs, new.songs)
    if changes.rewrite:
        conn.exec_driver_sql("DELETE FROM songs WHERE game_id = ?", (game_id,))
    _many(conn, _ROW_UPDATE, rows.song_values(game_id, new.songs, changes.updated))
    _many(conn, _SONG_INSERT, rows.song_rows(game_id, new.songs, changes.inserted))
    if changes.counters:
        conn.exec_driver_sql(_COUNTERS_PUT, (game_id, counters_blob(new.songs)))
    n = len(old.ledger)
    if new.ledger[:n] != old.ledger:
        conn.exec_driver_sql("DELETE FROM ledger_entries WHERE game_id = ?", (game_id,))
        n = 0
    _many(conn, _LEDGER_INSERT, rows.ledger_rows(game_id, new.ledger[n:], n))


def _write_keyed(conn: Connection, game_id: int, table: str, key: str, insert: str,
                 old: Any, new: Any, to_rows: Any) -> None:
    changed, gone = rows.keyed_changes(old, new)
    stale = gone + [item.id for _, item in changed]
    _many(conn, f"DELETE FROM {table} WHERE game_id = ? AND {key} = ?",
          [(game_id, k) for k in stale])
    _many(conn, insert, to_rows(game_id, changed))


def _many(conn: Connection, sql: str, values: Sequence[Sequence[Any]]) -> None:
    """One executemany on the transaction's own sqlite3 connection (no per-row work)."""
    if values:
        conn.connection.driver_connection.executemany(sql, values)  # type: ignore[union-attr]


def read_state(conn: Connection, game_id: int, blob: bytes) -> GameState:
    """Rebuild a live game's state from its blob and rows."""
    artists = conn.execute(select(ARTISTS).where(ARTISTS.c.game_id == game_id)
                           .order_by(ARTISTS.c.pos)).all()
    projects = conn.execute(select(PROJECTS).where(PROJECTS.c.game_id == game_id)
                            .order_by(PROJECTS.c.pos)).all()
    songs = conn.execute(select(*(SONGS.c[c] for c in rows.SONG_COLUMNS))
                         .where(SONGS.c.game_id == game_id).order_by(SONGS.c.song_id)).all()
    counters = conn.exec_driver_sql("SELECT data FROM song_counters WHERE game_id = ?",
                                    (game_id,)).scalar()
    ledger = conn.execute(select(*(LEDGER.c[c] for c in rows.LEDGER_FIELDS))
                          .where(LEDGER.c.game_id == game_id).order_by(LEDGER.c.seq)).all()
    return rows.state_from_rows(small_from_blob(blob), artists, projects, songs,
                                counters or b"", ledger)
