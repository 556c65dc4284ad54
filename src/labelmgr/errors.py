"""The one exception family every layer raises: ``LabelError(code, message, details)``.

Code families (architecture.md, "Errors"):

| prefix      | meaning                                             |
|-------------|-----------------------------------------------------|
| ``AUTH_``   | login, passwords, ownership                          |
| ``VAL_``    | bad player input                                     |
| ``GAME_``   | a rule forbids it (no money, no free slot, ...)      |
| ``SAVE_``   | save slots, import/export                            |
| ``DB_``     | database unreadable, locked, newer schema            |
| ``CONTENT_``| bad content files                                    |
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FAMILIES: tuple[str, ...] = ("AUTH_", "VAL_", "GAME_", "SAVE_", "DB_", "CONTENT_")
"""Every code starts with one of these prefixes."""


class LabelError(Exception):
    """A failure a player or maintainer can read; nothing was written when it is raised.

    Args:
        code: a machine-readable code such as ``GAME_NO_MONEY``.
        message: one sentence for the player, naming what was wrong.
        details: optional structured context (field names, limits, paths).
    """

    def __init__(self, code: str, message: str, details: Mapping[str, Any] | None = None) -> None:
        if not code.startswith(FAMILIES):
            raise ValueError(f"error code {code!r} has no known family prefix")
        self.args = (message,)  # what Exception.__init__(message) sets, for less
        self.code = code
        self.message = message
        self.details: dict[str, Any] = dict(details) if details else {}

    @property
    def family(self) -> str:
        """The code's family, e.g. ``"GAME"``."""
        return self.code.split("_", 1)[0]

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"LabelError({self.code!r}, {self.message!r})"
