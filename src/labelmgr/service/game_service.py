"""``GameService``: every use case a player has, on one database, for one logged-in profile.

Screens and the CLI call only this. Each method checks that a profile is logged in
(``AUTH_REQUIRED``) and the repositories check that every game and slot is its own
(``AUTH_FORBIDDEN``). A ``GameSession`` from ``new_game``/``open_game``/``load_slot`` writes
each month through ``GameRepo.commit_month`` in one transaction.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from labelmgr.content import Content
from labelmgr.engine import (
    MAX_SEED,
    Action,
    GameState,
    MonthResult,
    new_game,
    parse_seed_code,
    seed_code,
)
from labelmgr.errors import LabelError
from labelmgr.service.auth import Authenticator
from labelmgr.service.models import GameSummary, SlotInfo, UserInfo, slot_name
from labelmgr.service.remember import RememberFile, new_token, token_hash
from labelmgr.service.session import NEWS_LIMIT, GameSession
from labelmgr.storage import (
    Database,
    GameRepo,
    LiveGame,
    SlotRecord,
    SlotRepo,
    UserRecord,
    UserRepo,
    autosave_name,
)

REMEMBER_SECONDS = 30 * 24 * 3600.0
def _when(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, tz=UTC)


class GameService:
    """The use cases of labelmgr on one open database."""

    def __init__(self, db: Database, content: Content, *, config_dir: Path,
                 clock: Callable[[], float], scrypt_n: int) -> None:
        self.db = db
        self.content = content
        self.clock = clock
        self.user: UserInfo | None = None
        self._users = UserRepo(db, clock)
        self._games = GameRepo(db, clock)
        self._slots = SlotRepo(db, clock)
        self._auth = Authenticator(self._users, clock, scrypt_n)
        self._remember = RememberFile(config_dir, db.path)

    # ------------------------------------------------------------------ profiles

    def register(self, username: str, password: str, *, remember: bool = False) -> UserInfo:
        """Create a profile and log in as it."""
        if remember:
            self._remember.prepare()
        return self._log_in(self._auth.register(username, password), remember)

    def login(self, username: str, password: str, *, remember: bool = False) -> UserInfo:
        if remember:
            self._remember.prepare()
        return self._log_in(self._auth.login(username, password), remember)

    def _log_in(self, record: UserRecord, remember: bool) -> UserInfo:
        self.user = UserInfo(record.id, record.username)
        if remember:
            token = new_token()
            self._users.add_session(record.id, token_hash(token),
                                    self.clock() + REMEMBER_SECONDS)
            self._remember.store(token)
        return self.user

    def resume(self) -> UserInfo | None:
        """Log in with the remembered session, if there is a valid one."""
        token = self._remember.token()
        if token is None:
            return None
        found = self._users.session_user(token_hash(token))
        if found is None:
            self._users.delete_session(token_hash(token))
            self._remember.forget()
            return None
        self.user = UserInfo(*found)
        return self.user

    def logout(self) -> None:
        """Log out and forget the remembered session (file and database row)."""
        token = self._remember.token()
        if token is not None:
            self._users.delete_session(token_hash(token))
            self._remember.forget()
        self.user = None

    def list_users(self) -> list[tuple[str, int]]:
        """``(username, number of games)`` of every profile (for ``labelmgr users list``)."""
        return [(name, games) for name, games, _ in self._users.list_users()]

    def _uid(self) -> int:
        if self.user is None:
            raise LabelError("AUTH_REQUIRED", "Log in first")
        return self.user.id

    # ------------------------------------------------------------------ games

    def list_games(self) -> list[GameSummary]:
        """The user's games, last played first."""
        return [GameSummary(r.id, r.label_name, r.difficulty, seed_code(r.seed), r.month,
                            r.money, r.reputation, r.complete, r.career, _when(r.updated_at),
                            r.content_hash != self.content.content_hash, r.bankrupt)
                for r in self._games.summaries(self._uid())]

    def new_game(self, label_name: str, difficulty: str = "normal",
                 seed_code: str | None = None) -> GameSession:
        """Start and store a new game (a random seed when ``seed_code`` is None)."""
        uid = self._uid()
        seed = parse_seed_code(seed_code) if seed_code else secrets.randbelow(MAX_SEED + 1)
        state = new_game(self.content, seed=seed, difficulty=difficulty, label_name=label_name)
        game_id = self._games.create(uid, state, self.content.content_hash)
        return self._session(LiveGame(game_id, state, 1, self.content.content_hash, ()))

    def open_game(self, game_id: int) -> GameSession:
        """The stored game, ready to play; its months are saved as they resolve."""
        return self._session(self._games.load(self._uid(), game_id, NEWS_LIMIT))

    def delete_game(self, game_id: int) -> None:
        self._games.delete(self._uid(), game_id)

    def content_warning(self, game_id: int) -> str | None:
        """A warning when the game was last played with other content, else None."""
        played = self._games.content_hash(self._uid(), game_id)
        return _content_warning(played, self.content.content_hash)

    def _session(self, game: LiveGame) -> GameSession:
        uid = self._uid()
        version = [game.version]

        def commit(old: GameState, result: MonthResult, plan: Sequence[Action]) -> None:
            version[0] = self._games.commit_month(uid, game.id, version[0], old, result.state,
                                                  plan, result.events,
                                                  self.content.content_hash)

        def commit_career(state: GameState) -> None:
            version[0] = self._games.commit_career(uid, game.id, version[0], state,
                                                   self.content.content_hash)

        return GameSession(game.state, self.content, game_id=game.id, commit=commit,
                           commit_career=commit_career, news=game.news)

    # ------------------------------------------------------------------ slots

    def list_slots(self, game_id: int) -> list[SlotInfo]:
        """Manual slots then autosaves, newest first."""
        return [self._slot_info(r) for r in self._slots.list(self._uid(), game_id)]

    def save_slot(self, game_id: int, name: str) -> SlotInfo:
        """Save the stored game under ``name`` (over a manual slot of the same name)."""
        return self._slot_info(self._slots.save(self._uid(), game_id, slot_name(name)))

    def _slot_info(self, r: SlotRecord) -> SlotInfo:
        # an autosave reads as its game stood, whatever name an older version stored with it
        name = autosave_name(r.phase, r.month) if r.kind == "auto" else r.name
        return SlotInfo(r.id, r.game_id, name, r.month, r.kind, _when(r.created_at),
                        r.content_hash != self.content.content_hash, r.phase)

    def load_slot(self, slot_id: int) -> GameSession:
        """Make the slot the live game (later autosaves stay) and open it."""
        uid = self._uid()
        game_id, _ = self._slots.load(uid, slot_id)
        return self._session(self._games.load(uid, game_id, NEWS_LIMIT))

    def delete_slot(self, slot_id: int) -> None:
        self._slots.delete(self._uid(), slot_id)

    def slot_warning(self, slot_id: int) -> str | None:
        """A warning when the slot was played with other content, else None."""
        played = self._slots.content_hash(self._uid(), slot_id)
        return _content_warning(played, self.content.content_hash)

    # ------------------------------------------------------------------ files

    def export_game(self, game_id: int, path: str | os.PathLike[str]) -> None:
        from labelmgr.service.transfer import export_game

        export_game(self._games, self._uid(), game_id, path)

    def import_game(self, path: str | os.PathLike[str]) -> GameSummary:
        from labelmgr.service.transfer import import_game

        game_id = import_game(self._games, self.content, self._uid(), path)
        return next(g for g in self.list_games() if g.id == game_id)

    def take_notice(self) -> str | None:
        """What the storage noticed when it opened the file (e.g. an empty file became a new
        database), once: later calls return None."""
        notice, self.db.notice = self.db.notice, None
        return notice

    def close(self) -> None:
        self.db.close()


def _content_warning(played: str, current: str) -> str | None:
    if played == current:
        return None
    return ("This game was played with other game content; its next months follow the "
            "current content's numbers.")
