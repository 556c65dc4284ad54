"""The game state: frozen dataclasses. Changes build new objects; nothing mutates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from types import MappingProxyType
from typing import TypeVar

from labelmgr.engine.evolve import evolve
from labelmgr.engine.frozen import frozen
from labelmgr.engine.songs import SongTable

__all__ = ["evolve"]  # re-exported: rules build new state objects with it

EffectPairs = tuple[tuple[str, float], ...]
"""Effects as ``(key, value)`` pairs, in vocabulary order."""

_V = TypeVar("_V")


def frozen_map(values: Mapping[str, _V] | None = None) -> Mapping[str, _V]:
    """A read-only mapping with sorted keys (stable order for serialisation)."""
    return MappingProxyType(dict(sorted((values or {}).items())))


@frozen
class Artist:
    """A signed artist and how they feel about the label."""

    id: str
    name: str
    archetype: str
    genre: str
    talent: int
    work_ethic: int
    popularity: int
    temperament: int
    loyalty: int
    mood: int
    monthly_fee: int
    signed_month: int
    last_attention_month: int
    low_loyalty_months: int = 0


ACTIVE_STAGES: tuple[str, ...] = ("production", "booked")
"""The stages of a project still at work (``Project.active``)."""


@frozen
class Project:
    """A recording project (single, EP) or a mini-tour.

    ``release_month`` is the month whose resolution releases the record (or runs the tour).
    """

    id: int
    kind: str
    title: str
    artist_id: str
    start_month: int
    release_month: int
    song_count: int
    producer_tier: str
    time_investment: str
    budget_per_song: int
    cost: int
    quality_bonus: int = 0
    stage: str = "production"
    songs_recorded: int = 0
    ad_spend: int = 0
    pr_spend: int = 0
    venue: str = ""
    cities: int = 0
    streams: int = 0
    revenue: int = 0
    press_pickups: int = 0
    tickets: int = 0
    capacity: int = 0
    outcome: str = ""

    @property
    def is_tour(self) -> bool:
        return self.kind == "mini_tour"

    @property
    def active(self) -> bool:
        """Still in production (a record) or booked (a tour)."""
        return self.stage in ACTIVE_STAGES


@frozen
class LedgerEntry:
    """One change of money. Money = starting money + the sum of all entries."""

    month: int
    category: str
    amount: int
    source: str
    text: str


@frozen
class DelayedEffect:
    """Effects queued by a choice, to land when ``trigger_month`` resolves."""

    id: int
    trigger_month: int
    effects: EffectPairs
    source: str
    source_month: int
    artist_id: str | None = None
    role_id: str | None = None
    duration: int = 1
    category: str = "meetings"


@frozen
class Modifier:
    """A boost waiting for the next project, release or tour (``kind`` is the effect key)."""

    kind: str
    value: float
    source: str
    created_month: int
    expires_month: int
    artist_id: str | None = None


@frozen
class LastingEffect:
    """``playlist_boost`` or ``monthly_income`` holding from ``start_month`` to ``end_month``."""

    kind: str
    value: float
    source: str
    start_month: int
    end_month: int


@frozen
class PendingEvent:
    """A random event that fired and awaits the player's choice in the next plan."""

    event_id: str
    month: int
    artist_id: str | None = None


@frozen
class Access:
    """The label's tier on each access ladder (content ids such as ``"niche"``)."""

    playlist: str
    press: str
    venue: str


@frozen
class MonthSummary:
    """One resolved month, for charts: money and reputation at its end."""

    month: int
    money: int
    revenue: int
    costs: int
    reputation: int
    streams: int


@frozen
class Results:
    """The campaign's outcome, frozen when month 12 resolves (or at bankruptcy)."""

    score: float
    victory_type: str
    bankrupt: bool
    badges: tuple[str, ...]
    money_part: float
    reputation_part: float
    quality_part: float
    access_part: float
    month: int


@frozen
class GameState:
    """Everything about one game. ``month`` is the month being planned."""

    seed: int
    label_name: str
    difficulty: str
    month: int
    starting_money: int
    money: int
    reputation: int
    creative_capital: int
    focus_slots: int
    roster_places: int
    access: Access
    producer_tiers: tuple[str, ...]
    artists: tuple[Artist, ...] = ()
    departed: tuple[str, ...] = ()
    projects: tuple[Project, ...] = ()
    songs: SongTable = field(default_factory=SongTable)
    ledger: tuple[LedgerEntry, ...] = ()
    delayed: tuple[DelayedEffect, ...] = ()
    modifiers: tuple[Modifier, ...] = ()
    lasting: tuple[LastingEffect, ...] = ()
    relationships: Mapping[str, int] = field(default_factory=frozen_map)
    event_last_fired: Mapping[str, int] = field(default_factory=frozen_map)
    conversations_held: Mapping[str, str] = field(default_factory=frozen_map)
    """Artist id -> the conversation that artist held last (not offered to it next)."""
    last_event_month: int = -99
    event_chance_bonus: int = 0
    pending_event: PendingEvent | None = None
    history: tuple[MonthSummary, ...] = ()
    lowest_money: int = 0
    campaign_complete: bool = False
    career: bool = False
    results: Results | None = None
    next_project_id: int = 1
    next_song_id: int = 1
    next_effect_id: int = 1

    def artist(self, artist_id: str) -> Artist | None:
        """The signed artist with this id, or None."""
        for a in self.artists:
            if a.id == artist_id:
                return a
        return None

    def project(self, project_id: int) -> Project | None:
        """The project with this id, or None."""
        for p in self.projects:
            if p.id == project_id:
                return p
        return None

    @property
    def finished(self) -> bool:
        """True when no month can be played: the campaign is complete and no career runs
        (never started, or ended by a bankruptcy)."""
        return self.campaign_complete and not self.career

    @property
    def career_ended(self) -> bool:
        """True when the label's career ended (only a bankruptcy ends one): months resolved
        after the campaign's results, and no career runs any more."""
        return (self.results is not None and self.finished
                and self.month > self.results.month + 1)

    @property
    def phase(self) -> str:
        """Where the game stands: ``campaign`` or ``career`` (``month`` is a month to play),
        ``campaign_over`` (results in; it may go on as a career) or ``career_over`` (a
        bankruptcy ended it); past the end, ``month`` is the month after the last."""
        if self.career_ended:
            return "career_over"
        if self.finished:
            return "campaign_over"
        return "career" if self.career else "campaign"

    @property
    def went_bankrupt(self) -> bool:
        """True when the label went bankrupt: in its campaign, or in the career after it."""
        return (self.results is not None and self.results.bankrupt) or self.career_ended

    def relationship(self, role_id: str) -> int:
        """The label's relationship with an executive (50 until it moves)."""
        return self.relationships.get(role_id, 50)

    @property
    def released_song_count(self) -> int:
        return self.songs.released_count

    @property
    def ledger_total(self) -> int:
        return sum(e.amount for e in self.ledger)

    def month_entries(self, month: int) -> tuple[LedgerEntry, ...]:
        """The ledger entries of one resolved month."""
        return tuple(e for e in self.ledger if e.month == month)
