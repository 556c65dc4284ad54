"""The "remember me" token file in the config folder (0600; the folder 0700).

The file maps each database path to the token of its remembered login; the database keeps
only the token's SHA-256. Unreadable or foreign content counts as no remembered login; a
folder that cannot be written is ``AUTH_REMEMBER`` (checked by ``prepare`` before a login
writes anything).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from pathlib import Path

from labelmgr.errors import LabelError

FILE_NAME = "session.json"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class RememberFile:
    """The remembered token for one database."""

    def __init__(self, config_dir: Path, db_path: Path) -> None:
        self.path = config_dir / FILE_NAME
        self.key = str(db_path)

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): str(v) for k, v in data.items()}

    def _error(self, e: OSError) -> LabelError:
        return LabelError("AUTH_REMEMBER", f"Cannot remember the login in {self.path.parent}: "
                          f"{e.strerror}. Log in without \"remember me\", or set "
                          "LABELMGR_CONFIG_DIR to a folder you can write.",
                          {"path": str(self.path)})

    def prepare(self) -> None:
        """Make sure the token file can be written (creating its folder, 0700)."""
        folder = self.path.parent
        try:
            if not folder.exists():
                folder.mkdir(parents=True, mode=0o700)
                os.chmod(folder, 0o700)
            if not os.access(folder, os.W_OK | os.X_OK):
                raise PermissionError(13, "Permission denied")
        except OSError as e:
            raise self._error(e) from e

    def _write(self, data: dict[str, str]) -> None:
        self.prepare()
        tmp = self.path.with_name(f".{FILE_NAME}.{os.getpid()}.tmp")
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except OSError as e:
            tmp.unlink(missing_ok=True)
            raise self._error(e) from e

    def token(self) -> str | None:
        return self._read().get(self.key)

    def store(self, token: str) -> None:
        data = self._read()
        data[self.key] = token
        self._write(data)

    def forget(self) -> None:
        data = self._read()
        if data.pop(self.key, None) is None:
            return
        if data:
            self._write(data)
            return
        try:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        except OSError as e:
            raise self._error(e) from e
