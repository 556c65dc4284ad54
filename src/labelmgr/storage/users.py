"""Profiles and remembered logins."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, delete, exc, func, insert, select, update

from labelmgr.errors import LabelError
from labelmgr.storage.db import Database
from labelmgr.storage.eventlog import audit
from labelmgr.storage.tables import Game, LoginSession, User

USERS: Table = User.__table__  # type: ignore[attr-defined]
SESSIONS: Table = LoginSession.__table__  # type: ignore[attr-defined]
GAMES: Table = Game.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class UserRecord:
    """A profile as stored."""

    id: int
    username: str
    password_hash: str
    failed_logins: int
    locked_until: float
    created_at: float


class UserRepo:
    """Profiles, their failed-login counters and remembered sessions."""

    def __init__(self, db: Database, clock: Callable[[], float]) -> None:
        self.db = db
        self.clock = clock

    def create(self, username: str, password_hash: str) -> UserRecord:
        """A new profile; ``AUTH_USERNAME_TAKEN`` when the name (any case) exists."""
        now = self.clock()
        try:
            with self.db.write() as conn:
                user_id = conn.execute(insert(USERS).values(
                    username=username, username_key=username.lower(),
                    password_hash=password_hash, created_at=now)).inserted_primary_key[0]
                audit(conn, now, "user_registered", f"Profile {username} created",
                      user_id=user_id)
        except exc.IntegrityError as e:
            raise LabelError("AUTH_USERNAME_TAKEN",
                             f"The name {username!r} is taken; choose another") from e
        return UserRecord(user_id, username, password_hash, 0, 0.0, now)

    def find(self, username: str) -> UserRecord | None:
        """The profile with this name (any case), or None."""
        with self.db.read() as conn:
            row = conn.execute(select(USERS).where(
                USERS.c.username_key == username.lower())).first()
        if row is None:
            return None
        return UserRecord(row.id, row.username, row.password_hash, row.failed_logins,
                          row.locked_until, row.created_at)

    def record_login(self, username: str, user: UserRecord | None, ok: bool,
                     failed_logins: int = 0, locked_until: float = 0.0) -> None:
        """Store the outcome of a login attempt and audit it."""
        now = self.clock()
        with self.db.write() as conn:
            if user is not None:
                conn.execute(update(USERS).where(USERS.c.id == user.id).values(
                    failed_logins=failed_logins, locked_until=locked_until))
            kind = "login" if ok else "login_failed"
            audit(conn, now, kind, f"{'Login' if ok else 'Failed login'} as {username}",
                  user_id=user.id if user else None, data={"username": username})

    def list_users(self) -> list[tuple[str, int, float]]:
        """``(username, number of games, created_at)`` for every profile, by name."""
        stmt = (select(USERS.c.username, func.count(GAMES.c.id), USERS.c.created_at)
                .select_from(USERS.outerjoin(GAMES, GAMES.c.user_id == USERS.c.id))
                .group_by(USERS.c.id).order_by(USERS.c.username_key))
        with self.db.read() as conn:
            return [(r[0], int(r[1]), float(r[2])) for r in conn.execute(stmt).all()]

    def add_session(self, user_id: int, token_hash: str, expires_at: float) -> None:
        with self.db.write() as conn:
            conn.execute(insert(SESSIONS).values(user_id=user_id, token_hash=token_hash,
                                                 created_at=self.clock(),
                                                 expires_at=expires_at))

    def session_user(self, token_hash: str) -> tuple[int, str] | None:
        """The ``(id, username)`` of a live remembered session, or None."""
        stmt = (select(USERS.c.id, USERS.c.username)
                .select_from(SESSIONS.join(USERS, USERS.c.id == SESSIONS.c.user_id))
                .where(SESSIONS.c.token_hash == token_hash,
                       SESSIONS.c.expires_at > self.clock()))
        with self.db.read() as conn:
            row = conn.execute(stmt).first()
        return (row.id, row.username) if row else None

    def delete_session(self, token_hash: str) -> None:
        """Forget one remembered session, and any expired ones."""
        with self.db.write() as conn:
            conn.execute(delete(SESSIONS).where(
                (SESSIONS.c.token_hash == token_hash) | (SESSIONS.c.expires_at <= self.clock())))

    def count(self) -> int:
        with self.db.read() as conn:
            return int(conn.execute(select(func.count()).select_from(USERS)).scalar_one())
