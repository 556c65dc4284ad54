"""What the service hands to screens and the CLI: small frozen records (no database types)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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
