"""``idle``: plans nothing and signs nobody (pending events take their default choice)."""

from __future__ import annotations

from typing import ClassVar

from labelmgr.content import Content
from labelmgr.engine import Action, GameState


class IdlePolicy:
    """The label head who never shows up: the floor every other policy must beat."""

    name: ClassVar[str] = "idle"

    def __init__(self, content: Content, seed: int) -> None:
        self.content = content

    def plan(self, state: GameState) -> list[Action]:
        return []
