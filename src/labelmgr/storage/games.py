"""Live games, scoped to their owner: create, list, load, commit a month, delete.

Every method takes the acting user's id and refuses another profile's game with
``AUTH_FORBIDDEN``. ``commit_month`` is the month's one transaction: it bumps the game's
``version`` only if it is still the one the caller loaded (else ``SAVE_CONFLICT``), then
writes the changed rows, the action log, the events and a rotating autosave.
``commit_career`` stores the start of the career the same way (no month resolves).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, delete, func, insert, select

from labelmgr.engine import Action, GameEvent, GameState, action_to_dict
from labelmgr.errors import LabelError
from labelmgr.storage import live, rows
from labelmgr.storage.codec import small_blob, small_from_blob
from labelmgr.storage.db import Database
from labelmgr.storage.eventlog import append_events, audit, forget_events, game_events
from labelmgr.storage.live import append_log, log_entries, owned_game
from labelmgr.storage.slots import SLOTS, autosave
from labelmgr.storage.snapshot import encode_snapshot

GAMES = live.GAMES
ACTION_LOG = live.ACTION_LOG


@dataclass(frozen=True, slots=True)
class LiveGame:
    """A game as loaded: its state, the version to commit against and its news."""

    id: int
    state: GameState
    version: int
    content_hash: str
    news: tuple[GameEvent, ...]


@dataclass(frozen=True, slots=True)
class GameRecord:
    """A row of the game list."""

    id: int
    label_name: str
    difficulty: str
    seed: int
    month: int
    money: int
    complete: bool
    content_hash: str
    updated_at: float
    reputation: int
    career: bool
    bankrupt: bool


class GameRepo:
    """The live games of the database."""

    def __init__(self, db: Database, clock: Callable[[], float]) -> None:
        self.db = db
        self.clock = clock

    def create(self, user_id: int, state: GameState, content_hash: str,
               log: Sequence[dict[str, Any]] = (), kind: str = "created",
               events: Sequence[GameEvent] = ()) -> int:
        """Store a new game (with its first autosave, its action log and the events of the
        months it has already played) and return its id."""
        now = self.clock()
        small = small_blob(state)
        snapshot = encode_snapshot(state, compress=False, small=small)
        with self.db.write() as conn:
            game_id = conn.execute(insert(GAMES).values(
                user_id=user_id, version=1, created_at=now, updated_at=now,
                **live.summary_values(state, small, content_hash))).inserted_primary_key[0]
            live.write_state(conn, game_id, state)
            append_log(conn, game_id, log)
            append_events(conn, now, user_id, game_id, events)
            autosave(conn, now, game_id, state, content_hash, snapshot)
            audit(conn, now, f"game_{kind}", f"Game {state.label_name!r} {kind}",
                  user_id=user_id, game_id=game_id, data={"game_id": game_id})
        return int(game_id)

    def summaries(self, user_id: int) -> list[GameRecord]:
        """The user's games, last played first."""
        cols = [GAMES.c[c] for c in ("id", "label_name", "difficulty", "seed", "month", "money",
                                     "complete", "content_hash", "updated_at", "reputation",
                                     "career", "state")]
        with self.db.read() as conn:
            found = conn.execute(select(*cols).where(GAMES.c.user_id == user_id).order_by(
                GAMES.c.updated_at.desc(), GAMES.c.id.desc())).all()
        return [_record(r) for r in found]

    def load(self, user_id: int, game_id: int, news_limit: int = 200) -> LiveGame:
        """The game's state, version and latest news."""
        with self.db.read() as conn:
            row = owned_game(conn, user_id, game_id)
            state = live.read_state(conn, game_id, row.state)
            news = game_events(conn, game_id, news_limit)
        return LiveGame(game_id, state, row.version, row.content_hash, tuple(news))

    def commit_month(self, user_id: int, game_id: int, version: int, old: GameState,
                     new: GameState, plan: Sequence[Action], events: Sequence[GameEvent],
                     content_hash: str) -> int:
        """Write a resolved month in one transaction; returns the game's new version."""
        now = self.clock()
        small = small_blob(new)
        snapshot = encode_snapshot(new, compress=False, small=small)
        values = live.summary_values(new, small, content_hash)
        entry = {"month": old.month, "career": old.career,
                 "actions": [action_to_dict(a) for a in plan]}
        with self.db.write() as conn:
            if not live.update_game(conn, game_id, values, version=version, user_id=user_id,
                                    now=now):
                owned_game(conn, user_id, game_id)
                raise _conflict(game_id)
            live.write_month(conn, game_id, old, new)
            append_log(conn, game_id, [entry])
            append_events(conn, now, user_id, game_id, events)
            autosave(conn, now, game_id, new, content_hash, snapshot)
        return version + 1

    def commit_career(self, user_id: int, game_id: int, version: int, state: GameState,
                      content_hash: str) -> int:
        """Store the career's start (``state``: the finished campaign, now a career) in one
        transaction, if the game is still at ``version``; returns its new version."""
        now = self.clock()
        values = live.summary_values(state, small_blob(state), content_hash)
        with self.db.write() as conn:
            if not live.update_game(conn, game_id, values, version=version, user_id=user_id,
                                    now=now):
                owned_game(conn, user_id, game_id)
                raise _conflict(game_id)
            audit(conn, now, "career_started", f"Game {state.label_name!r} went on as a "
                  f"career (month {state.month})", user_id=user_id, game_id=game_id,
                  data={"game_id": game_id})
        return version + 1

    def delete(self, user_id: int, game_id: int) -> None:
        """Delete the game with its rows and slots (its audit entries stay)."""
        now = self.clock()
        with self.db.write() as conn:
            row = owned_game(conn, user_id, game_id)
            forget_events(conn, game_id)
            conn.execute(delete(GAMES).where(GAMES.c.id == game_id))
            audit(conn, now, "game_deleted", f"Game {row.label_name!r} deleted",
                  user_id=user_id, data={"game_id": game_id})

    def action_log(self, user_id: int, game_id: int) -> list[dict[str, Any]]:
        with self.db.read() as conn:
            owned_game(conn, user_id, game_id)
            return log_entries(conn, game_id)

    def news(self, user_id: int, game_id: int, limit: int = 200) -> list[GameEvent]:
        with self.db.read() as conn:
            owned_game(conn, user_id, game_id)
            return game_events(conn, game_id, limit)

    def content_hash(self, user_id: int, game_id: int) -> str:
        with self.db.read() as conn:
            return str(owned_game(conn, user_id, game_id).content_hash)

    def record_export(self, user_id: int, game_id: int, path: str) -> None:
        with self.db.write() as conn:
            owned_game(conn, user_id, game_id)
            audit(conn, self.clock(), "game_exported", f"Game exported to {path}",
                  user_id=user_id, game_id=game_id, data={"path": path})

    def count(self) -> int:
        with self.db.read() as conn:
            return int(conn.execute(select(func.count()).select_from(GAMES)).scalar_one())

    def slot_count(self) -> int:
        with self.db.read() as conn:
            return int(conn.execute(select(func.count()).select_from(SLOTS)).scalar_one())


def _conflict(game_id: int) -> LabelError:
    return LabelError("SAVE_CONFLICT", "This game was changed elsewhere (another window or "
                      "process) since you opened it: reload it to go on", {"game_id": game_id})


def _record(r: Row[Any]) -> GameRecord:
    return GameRecord(r.id, r.label_name, r.difficulty, r.seed, r.month, r.money,
                      bool(r.complete), r.content_hash, r.updated_at, r.reputation,
                      bool(r.career), bool(r.complete) and _went_bankrupt(r.state))


def _went_bankrupt(blob: bytes) -> bool:
    """Whether a finished game's label went bankrupt, read from its stored state (the list
    shows a damaged game as not bankrupt: opening it names the damage)."""
    try:
        return rows.state_from_rows(small_from_blob(blob), (), (), (), b"", ()).went_bankrupt
    except LabelError:
        return False
