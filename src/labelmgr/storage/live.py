"""Reading and writing a live game's rows inside a caller's transaction.

``write_state`` writes a whole state (a new game, a loaded slot); ``write_month`` writes only
what one month changed (new ledger entries and songs, the songs whose numbers moved, the
artists and projects that changed), with one executemany per table.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, Table, bindparam, delete, insert, select, update

from labelmgr.engine import GameState
from labelmgr.errors import LabelError
from labelmgr.storage import rows
from labelmgr.storage.codec import pack, unpack
from labelmgr.storage.tables import ActionLogRow, ArtistRow, Game, LedgerRow, ProjectRow, SongRow

GAMES: Table = Game.__table__  # type: ignore[attr-defined]
ARTISTS: Table = ArtistRow.__table__  # type: ignore[attr-defined]
PROJECTS: Table = ProjectRow.__table__  # type: ignore[attr-defined]
SONGS: Table = SongRow.__table__  # type: ignore[attr-defined]
LEDGER: Table = LedgerRow.__table__  # type: ignore[attr-defined]
ACTION_LOG: Table = ActionLogRow.__table__  # type: ignore[attr-defined]


def owned_game(conn: Connection, user_id: int, game_id: int) -> Row[Any]:
    """The game's row, if it belongs to ``user_id``.

    Raises:
        LabelError: ``SAVE_NOT_FOUND`` (no such game) or ``AUTH_FORBIDDEN`` (not yours).
    """
    row = conn.execute(select(GAMES).where(GAMES.c.id == game_id)).first()
    if row is None:
        raise LabelError("SAVE_NOT_FOUND", f"There is no game {game_id}", {"game_id": game_id})
    if row.user_id != user_id:
        raise LabelError("AUTH_FORBIDDEN", f"Game {game_id} belongs to another profile",
                         {"game_id": game_id})
    return row


def log_entries(conn: Connection, game_id: int) -> list[dict[str, Any]]:
    """The game's action log: one ``{"month", "career", "actions"}`` per resolved month."""
    found = conn.execute(select(ACTION_LOG).where(ACTION_LOG.c.game_id == game_id)
                         .order_by(ACTION_LOG.c.month)).all()
    return [{"month": r.month, "career": r.career, "actions": json.loads(r.actions)}
            for r in found]


def replace_log(conn: Connection, game_id: int, entries: Sequence[dict[str, Any]]) -> None:
    """Replace the game's action log with ``entries``."""
    conn.execute(delete(ACTION_LOG).where(ACTION_LOG.c.game_id == game_id))
    if entries:
        conn.execute(insert(ACTION_LOG), [
            {"game_id": game_id, "month": e["month"], "career": e["career"],
             "actions": json.dumps(e["actions"])} for e in entries])


_SONG_UPDATE = (
    update(SONGS)
    .where(SONGS.c.game_id == bindparam("b_game"), SONGS.c.song_id == bindparam("b_song"))
    .values({c: bindparam(f"b_{c}") for c in rows.MUTABLE_SONG_COLUMNS})
)


def summary_values(state: GameState, content_hash: str) -> dict[str, Any]:
    """The ``games`` columns that mirror the state (for lists without loading it)."""
    return {"label_name": state.label_name, "difficulty": state.difficulty,
            "seed": state.seed, "month": state.month, "money": state.money,
            "complete": state.campaign_complete, "reputation": state.reputation,
            "career": state.career, "content_hash": content_hash,
            "state": pack(rows.small_state(state))}


def clear_rows(conn: Connection, game_id: int) -> None:
    """Delete a game's artists, projects, songs and ledger rows."""
    for table in (ARTISTS, PROJECTS, SONGS, LEDGER):
        conn.execute(delete(table).where(table.c.game_id == game_id))


def write_state(conn: Connection, game_id: int, state: GameState) -> None:
    """Write all rows of a state (after ``clear_rows`` for an existing game)."""
    _insert(conn, ARTISTS, rows.artist_rows(game_id, list(enumerate(state.artists))))
    _insert(conn, PROJECTS, rows.project_rows(game_id, list(enumerate(state.projects))))
    _insert(conn, SONGS, rows.song_rows(game_id, state.songs, range(len(state.songs))))
    _insert(conn, LEDGER, rows.ledger_rows(game_id, state.ledger, 0))


def write_month(conn: Connection, game_id: int, old: GameState, new: GameState) -> None:
    """Write only the rows that differ between two consecutive states of a game."""
    _write_keyed(conn, game_id, ARTISTS, ARTISTS.c.artist_id, old.artists, new.artists,
                 rows.artist_rows)
    _write_keyed(conn, game_id, PROJECTS, PROJECTS.c.project_id, old.projects, new.projects,
                 rows.project_rows)
    changes = rows.song_changes(old.songs, new.songs)
    if changes.rewrite:
        conn.execute(delete(SONGS).where(SONGS.c.game_id == game_id))
    elif len(changes.updated):
        cols = {c: getattr(new.songs, c)[changes.updated].tolist()
                for c in ("id", *rows.MUTABLE_SONG_COLUMNS)}
        params = [{"b_game": game_id, "b_song": sid,
                   **{f"b_{c}": cols[c][k] for c in rows.MUTABLE_SONG_COLUMNS}}
                  for k, sid in enumerate(cols["id"])]
        conn.execute(_SONG_UPDATE, params)
    _insert(conn, SONGS, rows.song_rows(game_id, new.songs, changes.inserted))
    n = len(old.ledger)
    if new.ledger[:n] != old.ledger:
        conn.execute(delete(LEDGER).where(LEDGER.c.game_id == game_id))
        n = 0
    _insert(conn, LEDGER, rows.ledger_rows(game_id, new.ledger[n:], n))


def _write_keyed(conn: Connection, game_id: int, table: Table, key: Any, old: Any, new: Any,
                 to_rows: Any) -> None:
    changed, gone = rows.keyed_changes(old, new)
    stale = gone + [item.id for _, item in changed]
    if stale:
        conn.execute(delete(table).where(table.c.game_id == game_id, key.in_(stale)))
    _insert(conn, table, to_rows(game_id, changed))


def _insert(conn: Connection, table: Table, values: list[dict[str, Any]]) -> None:
    if values:
        conn.execute(insert(table), values)


def read_state(conn: Connection, game_id: int, blob: bytes) -> GameState:
    """Rebuild a live game's state from its blob and rows."""
    artists = conn.execute(select(ARTISTS).where(ARTISTS.c.game_id == game_id)
                           .order_by(ARTISTS.c.pos)).all()
    projects = conn.execute(select(PROJECTS).where(PROJECTS.c.game_id == game_id)
                            .order_by(PROJECTS.c.pos)).all()
    songs = conn.execute(select(*(SONGS.c[c] for c in rows.SONG_COLUMNS))
                         .where(SONGS.c.game_id == game_id).order_by(SONGS.c.song_id)).all()
    ledger = conn.execute(select(*(LEDGER.c[c] for c in rows.LEDGER_FIELDS))
                          .where(LEDGER.c.game_id == game_id).order_by(LEDGER.c.seq)).all()
    return rows.state_from_rows(unpack(blob), artists, projects, songs, ledger)
