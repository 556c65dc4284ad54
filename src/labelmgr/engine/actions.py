"""Player intents for one month: typed commands, validated before anything resolves.

Slot actions (one focus slot each): ``TakeMeeting``, ``StartProject``, ``MarketingPush``,
``TalkToArtist``. Free actions: ``SignArtist``, ``ResolveEvent``.
"""

from __future__ import annotations

from labelmgr.engine.frozen import frozen


@frozen
class SignArtist:
    """Sign a discoverable artist (pays the signing cost; no slot)."""

    artist_id: str
    uses_slot = False
    kind = "sign_artist"


@frozen
class TakeMeeting:
    """Meet an executive and take one of the choices of the meeting they bring this month.

    ``artist_id`` names the artist a meeting concerns (None = the most popular signed artist).
    """

    role_id: str
    meeting_id: str
    choice_id: str
    artist_id: str | None = None
    uses_slot = True
    kind = "meeting"


@frozen
class StartProject:
    """Start a single, an EP or a mini-tour.

    Records: ``song_count``, ``producer_tier``, ``time_investment`` and ``budget_per_song``
    (None = the price per song). Tours: ``venue`` and ``cities``.
    """

    project_kind: str
    artist_id: str
    title: str
    song_count: int = 1
    producer_tier: str = "local"
    time_investment: str = "standard"
    budget_per_song: int | None = None
    venue: str = ""
    cities: int = 0
    uses_slot = True
    kind = "start_project"


@frozen
class MarketingPush:
    """Spend on marketing for a record in production: feeds its release's streams and press."""

    push_kind: str
    project_id: int
    spend: int
    uses_slot = True
    kind = "marketing"


@frozen
class TalkToArtist:
    """Sit down with an artist: the conversation offered this month, and one choice."""

    artist_id: str
    conversation_id: str
    choice_id: str
    uses_slot = True
    kind = "conversation"


@frozen
class ResolveEvent:
    """Answer the pending random event (no slot; without it, its default choice applies)."""

    choice_id: str
    uses_slot = False
    kind = "resolve_event"


Action = SignArtist | TakeMeeting | StartProject | MarketingPush | TalkToArtist | ResolveEvent
"""Any player action."""

ACTION_TYPES: dict[str, type] = {
    cls.kind: cls
    for cls in (SignArtist, TakeMeeting, StartProject, MarketingPush, TalkToArtist, ResolveEvent)
}
"""Action classes by their ``kind`` (used by serialisation)."""
