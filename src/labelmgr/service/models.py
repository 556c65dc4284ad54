"""What the service hands to screens and the CLI: small frozen records (no database types)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from labelmgr.errors import LabelError


@dataclass(frozen=True)
class UserInfo:
    """The logged-in profile."""

    id: int
    username: str


@dataclass(frozen=True)
class GameSummary:
    """A line of the game list."""

    id: int
    label_name: str
    difficulty: str
    seed_code: str
    month: int
    money: int
    reputation: int
    complete: bool
    career: bool
    updated_at: datetime
    content_changed: bool
    bankrupt: bool


@dataclass(frozen=True)
class SlotInfo:
    """A save slot: ``kind`` is ``"manual"`` or ``"auto"``; ``phase`` where its game stood:
    ``"campaign"`` or ``"career"`` (``month`` is the month to play), ``"campaign_over"`` or
    ``"career_over"`` (``month`` is the one after the last played)."""

    id: int
    game_id: int
    name: str
    month: int
    kind: str
    created_at: datetime
    content_changed: bool
    phase: str


MAX_SLOT_NAME = 40
"""The longest save name, in characters."""


def slot_name(name: str) -> str:
    """The name a save is stored under (spaces collapsed), or a ``VAL_SLOT_NAME`` refusal;
    saving under a manual slot's name saves over it."""
    clean = " ".join(name.split())
    if not clean or len(clean) > MAX_SLOT_NAME or not clean.isprintable():
        raise LabelError("VAL_SLOT_NAME", f"A save name has 1 to {MAX_SLOT_NAME} "
                         "printable characters")
    return clean
