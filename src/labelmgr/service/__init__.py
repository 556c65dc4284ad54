"""The use cases a player has: the screens and the CLI call only this layer.

Importing this package is light: the database layer (sqlmodel, sqlalchemy) loads only when
``open_service`` runs or ``GameService`` is first looked up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from labelmgr.service.models import GameSummary, SlotInfo, UserInfo, slot_name
from labelmgr.service.opening import open_service
from labelmgr.service.session import GameSession

if TYPE_CHECKING:
    from labelmgr.service.game_service import GameService

__all__ = ["GameService", "GameSession", "GameSummary", "SlotInfo", "UserInfo", "open_service",
           "slot_name"]


def __getattr__(name: str) -> Any:
    if name == "GameService":
        from labelmgr.service.game_service import GameService

        return GameService
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
