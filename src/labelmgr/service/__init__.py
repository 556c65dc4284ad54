"""The use cases a player has: the screens and the CLI call only this layer."""

from labelmgr.service.session import GameSession

__all__ = ["GameSession"]
