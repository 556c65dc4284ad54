"""Models of the content files (``content/*.json``), validated at load time (each a
``content_model``: a frozen slots dataclass that pydantic validates)."""

from __future__ import annotations

from dataclasses import fields
from typing import Literal

from pydantic import Field, model_validator

from labelmgr.content.effects import Effects
from labelmgr.content.schema import content_model

Id = str
"""Content ids are lowercase snake_case strings."""

ID_PATTERN = r"^[a-z][a-z0-9_]*$"


# --------------------------------------------------------------------------- choices


@content_model
class Requires:
    """What a meeting or choice needs before it can be taken (all optional, all minimums)."""

    money: int | None = Field(None, ge=0, description="cash on hand after the plan so far")
    creative_capital: int | None = Field(None, ge=0)
    reputation: int | None = Field(None, ge=0, le=100)
    signed_artists: int | None = Field(None, ge=0, le=10, description="artists on the roster")
    role_relationship: int | None = Field(None, ge=0, le=100)
    month: int | None = Field(None, ge=1)
    released_songs: int | None = Field(None, ge=0)

    def is_empty(self) -> bool:
        """True when nothing is required."""
        return all(getattr(self, f.name) is None for f in fields(self))


@content_model
class Choice:
    """One answer to a meeting, conversation or event."""

    id: str = Field(pattern=ID_PATTERN)
    label: str = Field(min_length=1, max_length=60)
    text: str = Field("", max_length=400)
    effects_immediate: Effects = Effects()
    effects_delayed: Effects = Effects()
    delay: int = Field(1, ge=1, le=6)
    duration: int = Field(1, ge=1, le=12)
    requires: Requires = Requires()

    @property
    def targets_artist(self) -> bool:
        """True when an effect aims at the choice's artist."""
        return self.effects_immediate.targets_artist() or self.effects_delayed.targets_artist()


@content_model
class Meeting:
    """A situation an executive brings to the label head, with its choices."""

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1, max_length=60)
    prompt: str = Field(min_length=1, max_length=600)
    concerns_artist: bool = False
    requires: Requires = Requires()
    choices: tuple[Choice, ...] = Field(min_length=2, max_length=4)


@content_model
class Role:
    """An executive of the label and the meetings they bring."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1, max_length=40)
    title: str = Field(min_length=1, max_length=40)
    voice: str = Field("", max_length=300)
    meetings: tuple[Meeting, ...] = Field(min_length=3)


@content_model
class RolesFile:
    version: str
    roles: tuple[Role, ...] = Field(min_length=1)


# --------------------------------------------------------------------------- artists


Archetype = str


@content_model
class ArtistSpec:
    """An artist as written in content: starting stats and terms."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1, max_length=40)
    archetype: str = Field(pattern=ID_PATTERN)
    genre: str = Field(min_length=1, max_length=30)
    age: int = Field(ge=16, le=80)
    bio: str = Field("", max_length=300)
    talent: int = Field(ge=0, le=100)
    work_ethic: int = Field(ge=0, le=100)
    popularity: int = Field(ge=0, le=100)
    temperament: int = Field(ge=0, le=100)
    loyalty: int = Field(ge=0, le=100)
    mood: int = Field(ge=0, le=100)
    signing_cost: int = Field(ge=0, le=200_000)
    monthly_fee: int = Field(ge=0, le=20_000)


@content_model
class ArtistsFile:
    version: str
    artists: tuple[ArtistSpec, ...] = Field(min_length=1)
    song_titles: tuple[str, ...] = Field((), description="titles drawn for an EP's other tracks")


@content_model
class Conversation:
    """An artist conversation scene for one archetype; ``{artist}`` names the artist."""

    id: str = Field(pattern=ID_PATTERN)
    archetype: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1, max_length=60)
    prompt: str = Field(min_length=1, max_length=600)
    choices: tuple[Choice, ...] = Field(min_length=2, max_length=4)


@content_model
class DialogueFile:
    version: str
    conversations: tuple[Conversation, ...] = Field(min_length=1)


# --------------------------------------------------------------------------- events


@content_model
class EventSpec:
    """A random side event: fires between months, resolved in the next plan."""

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1, max_length=60)
    prompt: str = Field(min_length=1, max_length=600)
    category: str = Field(min_length=1, max_length=30)
    weight: float = Field(gt=0, le=10)
    cooldown: int = Field(ge=1, le=24, description="months before it can fire again")
    concerns_artist: bool = False
    requires: Requires = Requires()
    default_choice: str = Field(pattern=ID_PATTERN)
    choices: tuple[Choice, ...] = Field(min_length=2, max_length=3)

    @model_validator(mode="after")
    def _default_exists(self) -> EventSpec:
        if self.default_choice not in {c.id for c in self.choices}:
            raise ValueError(f"default_choice {self.default_choice!r} is not one of the choices")
        return self


@content_model
class EventsFile:
    version: str
    events: tuple[EventSpec, ...] = Field(min_length=1)


# --------------------------------------------------------------------------- balance


Range = tuple[float, float]


MAX_STARTING_MONEY = 10**12
"""Far above any sane preset, and far below what a 64-bit database column holds."""


@content_model
class DifficultyPreset:
    name: str
    description: str = ""
    starting_money: int = Field(gt=0, le=MAX_STARTING_MONEY)
    starting_artist: str = Field(pattern=ID_PATTERN)


@content_model
class StartValues:
    reputation: int = Field(ge=0, le=100)
    creative_capital: int = Field(ge=0)
    focus_slots: int = Field(ge=1, le=6)


@content_model
class Threshold:
    reputation: int = Field(ge=0, le=100)
    value: int = Field(ge=0)


@content_model
class Progression:
    focus_slot_steps: tuple[Threshold, ...] = Field(min_length=1)
    roster_places: tuple[Threshold, ...] = Field(min_length=1)


@content_model
class Campaign:
    length_months: int = Field(ge=1, le=60)
    bankruptcy_threshold: int = Field(le=0)


@content_model
class Economy:
    burn_base: tuple[int, int]
    revenue_per_stream: float = Field(gt=0)
    rng_variance: tuple[float, float]


@content_model
class ProjectType:
    name: str
    base_per_song: int = Field(gt=0)
    type_factor: float = Field(gt=0)
    min_songs: int = Field(ge=1)
    max_songs: int = Field(ge=1)
    default_songs: int = Field(ge=1)
    extra_months: int = Field(ge=0)


@content_model
class ScaleStep:
    min_songs: int = Field(ge=1)
    factor: float = Field(gt=0, le=1)


@content_model
class ProducerTier:
    id: str = Field(pattern=ID_PATTERN)
    name: str
    description: str = ""
    cost_multiplier: float = Field(gt=0)
    unlock_reputation: int = Field(ge=0, le=100)
    quality_bonus: int


@content_model
class TimeInvestment:
    id: str = Field(pattern=ID_PATTERN)
    name: str
    description: str = ""
    cost_multiplier: float = Field(gt=0)
    months: int = Field(ge=1, le=12)
    quality_bonus: int


@content_model
class Projects:
    types: dict[str, ProjectType]
    economies_of_scale: tuple[ScaleStep, ...] = Field(min_length=1)
    budget_ratio: tuple[float, float]
    producer_tiers: tuple[ProducerTier, ...] = Field(min_length=1)
    time_investments: tuple[TimeInvestment, ...] = Field(min_length=1)
    forbidden_combinations: tuple[tuple[str, str], ...] = ()
    fast_work_ethic: int = Field(ge=0, le=100, description="work ethic that saves a month")


@content_model
class BudgetBonus:
    max_bonus: float
    below_minimum: float
    minimum_viable: float
    optimal: float
    luxury: float
    diminishing: float
    diminishing_factor: float


@content_model
class Quality:
    base: tuple[int, int]
    talent_weight: float
    talent_center: int
    mood_weight: float
    mood_center: int
    min: int
    max: int
    song_count_decay: float
    song_count_floor: float
    budget_bonus: BudgetBonus


@content_model
class Tail:
    decay: float = Field(gt=0, lt=1)
    factor: float = Field(ge=0)
    reputation_factor: float
    reputation_center: int
    access_factor: float
    max_months: int = Field(ge=1)
    min_revenue: int = Field(ge=0)


@content_model
class Streams:
    quality_weight: float
    playlist_weight: float
    playlist_scale: float
    reputation_weight: float
    marketing_weight: float
    marketing_scale: float
    first_month_multiplier: float
    streams_per_point: int
    popularity_factor: float
    seasonality: tuple[float, float, float, float]
    tail: Tail


@content_model
class Press:
    base_chance: float
    spend_per_1000: float
    reputation_factor: float
    max_chance: float = Field(gt=0, le=1)
    rolls: int = Field(ge=1, le=20)
    reputation_per_pickup: int = Field(ge=0)


@content_model
class MarketingKind:
    name: str
    description: str = ""
    spend: tuple[int, int]
    stream_share: float = Field(ge=0, le=1, description="share of spend counted as ad spend")
    press_share: float = Field(ge=0, le=1, description="share of spend counted as PR spend")


@content_model
class Venue:
    id: str = Field(pattern=ID_PATTERN)
    name: str
    cost_multiplier: float = Field(gt=0)
    capacity: tuple[int, int]


@content_model
class Tours:
    cost_per_city: int = Field(gt=0)
    cities: tuple[int, int]
    venues: tuple[Venue, ...] = Field(min_length=1)
    sell_through_base: float
    reputation_factor: float
    popularity_weight: float
    fans_per_popularity: int
    ticket_price_base: float
    ticket_price_per_capacity: float
    merch_share: float
    mood_cost: int
    popularity_gain: int


@content_model
class AccessStep:
    id: str = Field(pattern=ID_PATTERN)
    name: str
    threshold: int = Field(ge=0, le=100)
    value: float = Field(ge=0, description="playlist reach, press pickup chance, or 0 for venues")


@content_model
class Access:
    playlist: tuple[AccessStep, ...] = Field(min_length=2)
    press: tuple[AccessStep, ...] = Field(min_length=2)
    venue: tuple[AccessStep, ...] = Field(min_length=2)


@content_model
class Reputation:
    max: int = Field(ge=1, le=100)
    hit_streams: int
    hit_bonus: int
    flop_streams: int
    flop_penalty: int
    monthly_decay: float = Field(ge=0, lt=1)


@content_model
class ArchetypeSpec:
    name: str
    description: str = ""
    quality_bonus: int
    mood_swing: float = Field(gt=0, description="multiplies mood changes")
    stream_bonus: float = Field(description="fraction added to first-release streams")
    months_saved: int = Field(ge=0, le=2, description="production months saved")


@content_model
class Artists:
    mood_baseline: int
    mood_drift: int
    neglect_months: int
    neglect_mood: int
    leave_loyalty: int
    leave_months: int
    loyalty_low_mood: int
    loyalty_high_mood: int
    loyalty_step: int
    hit_mood: int
    hit_popularity: int
    flop_mood: int
    flop_popularity: int
    release_popularity: int
    happy_mood: int
    creative_capital_per_happy_artist: int
    creative_capital_max: int
    archetypes: dict[str, ArchetypeSpec]


@content_model
class Events:
    monthly_chance: float = Field(ge=0, le=1)
    min_gap_months: int = Field(ge=0)


@content_model
class Modifiers:
    expire_months: int = Field(ge=1)


@content_model
class ScoringWeights:
    money: float
    reputation: float
    quality: float
    access: float


@content_model
class Scoring:
    weights: ScoringWeights
    money_scale: float
    failure_below: float
    survival_below: float
    dominance_ratio: float
    badge_quality: int
    badge_quality_songs: int
    badge_comeback_fraction: float
    badge_comeback_target: float
    badge_roster: int


@content_model
class Balance:
    """Every number the engine uses. No game number is hard-coded in the engine.

    ``notes`` describes every number in one line: a note on a path covers the numbers
    under it (``"projects.producer_tiers"`` covers every tier's numbers).
    """

    version: str
    notes: dict[str, str] = Field(min_length=1)
    campaign: Campaign
    difficulties: dict[str, DifficultyPreset] = Field(min_length=1)
    start: StartValues
    progression: Progression
    economy: Economy
    projects: Projects
    quality: Quality
    streams: Streams
    press: Press
    marketing: dict[str, MarketingKind]
    tours: Tours
    access: Access
    reputation: Reputation
    artists: Artists
    events: Events
    modifiers: Modifiers
    scoring: Scoring


ContentKind = Literal["balance", "roles", "artists", "dialogue", "events"]
