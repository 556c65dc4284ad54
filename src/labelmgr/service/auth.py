"""Registering and logging in: name and password rules, scrypt, lockout after failures.

A wrong password and an unknown name get the same message and cost the same scrypt work.
After ``MAX_FAILURES`` failed logins in a row a profile is locked for ``LOCK_SECONDS``,
doubling with each further failure; a successful login resets the count.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from labelmgr.errors import LabelError
from labelmgr.storage import UserRecord, UserRepo
from labelmgr.storage.passwords import MAX_PASSWORD, burn, hash_password, verify_password

USERNAME = re.compile(r"[A-Za-z0-9_.-]{3,32}")
MIN_PASSWORD = 8
MAX_FAILURES = 5
LOCK_SECONDS = 30.0
MAX_LOCK_SECONDS = 24 * 3600.0
BAD_LOGIN = "Wrong username or password"


def check_username(username: str) -> str:
    """The name if it follows the rules, else ``VAL_USERNAME`` saying which."""
    if not USERNAME.fullmatch(username):
        raise LabelError("VAL_USERNAME", "A username has 3 to 32 characters: letters, digits "
                         "and _ - . only", {"username": username})
    return username


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise LabelError("VAL_PASSWORD", f"A password needs at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise LabelError("VAL_PASSWORD", f"A password has at most {MAX_PASSWORD} characters")
    return password


def lock_seconds(failures: int) -> float:
    """How long a profile stays locked after ``failures`` failed logins in a row."""
    if failures < MAX_FAILURES:
        return 0.0
    return min(LOCK_SECONDS * 2 ** (failures - MAX_FAILURES), MAX_LOCK_SECONDS)


class Authenticator:
    """Profiles: creation and password checks with the lockout policy."""

    def __init__(self, users: UserRepo, clock: Callable[[], float], scrypt_n: int) -> None:
        self.users = users
        self.clock = clock
        self.scrypt_n = scrypt_n

    def register(self, username: str, password: str) -> UserRecord:
        check_username(username)
        check_password(password)
        if self.users.find(username) is not None:
            raise LabelError("AUTH_USERNAME_TAKEN",
                             f"The name {username!r} is taken; choose another")
        return self.users.create(username, hash_password(password, self.scrypt_n))

    def login(self, username: str, password: str) -> UserRecord:
        """The profile, or ``AUTH_INVALID`` / ``AUTH_LOCKED`` (saying how long)."""
        user = self.users.find(username) if len(password) <= MAX_PASSWORD else None
        now = self.clock()
        if user is not None and user.locked_until > now:
            wait = math.ceil(user.locked_until - now)
            raise LabelError("AUTH_LOCKED", f"Too many failed logins for {user.username}: try "
                             f"again in {wait} s", {"retry_after": wait})
        if user is None:
            burn(password[:MAX_PASSWORD], self.scrypt_n)
            self.users.record_login(username, None, ok=False)
            raise LabelError("AUTH_INVALID", BAD_LOGIN)
        if verify_password(password, user.password_hash):
            self.users.record_login(user.username, user, ok=True)
            return user
        failures = user.failed_logins + 1
        locked = now + lock_seconds(failures) if failures >= MAX_FAILURES else 0.0
        self.users.record_login(user.username, user, ok=False, failed_logins=failures,
                                locked_until=locked)
        raise LabelError("AUTH_INVALID", BAD_LOGIN)
