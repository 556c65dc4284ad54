"""What happened in a month: typed domain events (past tense), each with a readable line.

The TUI turns them into notifications and the news feed; storage appends them to the
game's event log.
"""

from __future__ import annotations

from labelmgr.engine.frozen import frozen


@frozen
class GameEvent:
    """Base: the month it happened in and one line for the news feed."""

    month: int
    text: str

    @property
    def kind(self) -> str:
        return type(self).__name__


@frozen
class ArtistSigned(GameEvent):
    artist_id: str = ""
    cost: int = 0


@frozen
class ArtistLeft(GameEvent):
    artist_id: str = ""


@frozen
class MeetingHeld(GameEvent):
    role_id: str = ""
    meeting_id: str = ""
    choice_id: str = ""


@frozen
class ConversationHeld(GameEvent):
    artist_id: str = ""
    conversation_id: str = ""
    choice_id: str = ""


@frozen
class ProjectStarted(GameEvent):
    project_id: int = 0
    cost: int = 0


@frozen
class MarketingBought(GameEvent):
    project_id: int = 0
    spend: int = 0


@frozen
class SongsRecorded(GameEvent):
    project_id: int = 0
    count: int = 0


@frozen
class ProjectReleased(GameEvent):
    project_id: int = 0
    streams: int = 0
    revenue: int = 0
    press_pickups: int = 0
    outcome: str = ""


@frozen
class TourCompleted(GameEvent):
    project_id: int = 0
    tickets: int = 0
    revenue: int = 0


@frozen
class ReputationChanged(GameEvent):
    before: int = 0
    after: int = 0
    reason: str = ""


@frozen
class TierUnlocked(GameEvent):
    ladder: str = ""
    tier: str = ""


@frozen
class DelayedEffectFired(GameEvent):
    source: str = ""
    source_month: int = 0


@frozen
class ModifierExpired(GameEvent):
    modifier: str = ""


@frozen
class EventTriggered(GameEvent):
    event_id: str = ""
    artist_id: str = ""


@frozen
class EventResolved(GameEvent):
    event_id: str = ""
    choice_id: str = ""
    defaulted: bool = False


@frozen
class ArtistMoodChanged(GameEvent):
    artist_id: str = ""
    reason: str = ""


@frozen
class Bankrupt(GameEvent):
    money: int = 0


@frozen
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
