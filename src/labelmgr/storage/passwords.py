"""Salted scrypt password hashes (``hashlib``), compared in constant time.

A hash is stored as ``scrypt$N$r$p$salt$key`` (base64 salt and key), so the cost can rise
later without breaking old profiles. ``burn`` spends the same work for an unknown user.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

DEFAULT_N = 2**14
R = 8
P = 1
KEY_BYTES = 32
SALT_BYTES = 16
MAX_PASSWORD = 1024


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * n * r + 2**20, dklen=KEY_BYTES)


def hash_password(password: str, n: int = DEFAULT_N) -> str:
    """A new salted hash of ``password``."""
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(password, salt, n, R, P)
    return "$".join(("scrypt", str(n), str(R), str(P), base64.b64encode(salt).decode(),
                     base64.b64encode(key).decode()))


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches ``stored`` (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key)
        actual = _derive(password, base64.b64decode(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


def burn(password: str, n: int = DEFAULT_N) -> None:
    """Do the work of one verification, for a name that has no profile."""
    hmac.compare_digest(_derive(password, b"\0" * SALT_BYTES, n, R, P), b"\0" * KEY_BYTES)
