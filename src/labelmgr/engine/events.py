"""What happened in a month: typed domain events (past tense), each with a readable line.

The TUI turns them into notifications and the news feed; storage appends them to the
game's event log.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class GameEvent:
    """Base: the month it happened in and one line for the news feed."""

    month: int
    text: str

    @property
    def kind(self) -> str:
        return type(self).__name__


@dataclass(frozen=True, slots=True)
class ArtistSigned(GameEvent):
    artist_id: str = ""
    cost: int = 0


@dataclass(frozen=True, slots=True)
class ArtistLeft(GameEvent):
    artist_id: str = ""


@dataclass(frozen=True, slots=True)
class MeetingHeld(GameEvent):
    role_id: str = ""
    meeting_id: str = ""
    choice_id: str = ""


@dataclass(frozen=True, slots=True)
class ConversationHeld(GameEvent):
    artist_id: str = ""
    conversation_id: str = ""
    choice_id: str = ""


@dataclass(frozen=True, slots=True)
class ProjectStarted(GameEvent):
    project_id: int = 0
    cost: int = 0


@dataclass(frozen=True, slots=True)
class MarketingBought(GameEvent):
    project_id: int = 0
    spend: int = 0


@dataclass(frozen=True, slots=True)
class SongsRecorded(GameEvent):
    project_id: int = 0
    count: int = 0


@dataclass(frozen=True, slots=True)
class ProjectReleased(GameEvent):
    project_id: int = 0
    streams: int = 0
    revenue: int = 0
    press_pickups: int = 0
    outcome: str = ""


@dataclass(frozen=True, slots=True)
class TourCompleted(GameEvent):
    project_id: int = 0
    tickets: int = 0
    revenue: int = 0


@dataclass(frozen=True, slots=True)
class ReputationChanged(GameEvent):
    before: int = 0
    after: int = 0
    reason: str = ""


@dataclass(frozen=True, slots=True)
class TierUnlocked(GameEvent):
    ladder: str = ""
    tier: str = ""


@dataclass(frozen=True, slots=True)
class DelayedEffectFired(GameEvent):
    source: str = ""
    source_month: int = 0


@dataclass(frozen=True, slots=True)
class ModifierExpired(GameEvent):
    modifier: str = ""


@dataclass(frozen=True, slots=True)
class EventTriggered(GameEvent):
    event_id: str = ""
    artist_id: str = ""


@dataclass(frozen=True, slots=True)
class EventResolved(GameEvent):
    event_id: str = ""
    choice_id: str = ""
    defaulted: bool = False


@dataclass(frozen=True, slots=True)
class ArtistMoodChanged(GameEvent):
    artist_id: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Bankrupt(GameEvent):
    money: int = 0


@dataclass(frozen=True, slots=True)
class CampaignEnded(GameEvent):
    score: float = 0.0
    victory_type: str = ""


EVENT_TYPES: dict[str, type[GameEvent]] = {
    cls.__name__: cls
    for cls in (
        ArtistSigned, ArtistLeft, MeetingHeld, ConversationHeld, ProjectStarted,
        MarketingBought, SongsRecorded, ProjectReleased, TourCompleted, ReputationChanged,
        TierUnlocked, DelayedEffectFired, ModifierExpired, EventTriggered, EventResolved,
        ArtistMoodChanged, Bankrupt, CampaignEnded,
    )
}
"""Event classes by name (used by serialisation)."""
