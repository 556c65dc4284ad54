"""The closed effect vocabulary (effects.md): every key, its target and its range.

This table is the single source of truth for what an effect key means in content;
the engine's handlers (``labelmgr.engine.rules.effects``) implement one handler per key.

| key                 | target                        | range            |
|---------------------|-------------------------------|------------------|
| money               | label (ledger entry)          | -50,000..50,000  |
| reputation          | label                         | -5..5            |
| creative_capital    | label (never below 0)         | -5..5            |
| artist_mood         | the choice's artist           | -10..10          |
| artist_loyalty      | the choice's artist           | -10..10          |
| artist_popularity   | the choice's artist           | -10..10          |
| quality_bonus       | next project recorded         | -10..10          |
| stream_boost        | next release, % streams       | -50..100         |
| press_boost         | next release, % pickup chance | -20..30          |
| playlist_boost      | label, for ``duration`` months| 0..1             |
| tour_boost          | next tour, % tickets          | -50..100         |
| cost_discount       | next project, % off its cost  | 0..30            |
| variance            | next release, wider band      | 0..0.3           |
| event_chance        | label, next month, % points   | -20..30          |
| role_relationship   | the meeting's role            | -10..10          |
| monthly_income      | label, for ``duration`` months| 0..5,000         |
"""

from __future__ import annotations

from dataclasses import fields

from pydantic import Field

from labelmgr.content.schema import content_model

ARTIST_KEYS: frozenset[str] = frozenset({"artist_mood", "artist_loyalty", "artist_popularity"})
"""Keys aimed at "the choice's artist": a choice using one needs a signed artist."""

NEXT_PROJECT_KEYS: frozenset[str] = frozenset({"quality_bonus", "cost_discount"})
"""Modifiers consumed by the next project started."""

NEXT_RELEASE_KEYS: frozenset[str] = frozenset({"stream_boost", "press_boost", "variance"})
"""Modifiers consumed by the next release."""

NEXT_TOUR_KEYS: frozenset[str] = frozenset({"tour_boost"})
"""Modifiers consumed by the next tour."""

LASTING_KEYS: frozenset[str] = frozenset({"playlist_boost", "monthly_income"})
"""Effects that hold for ``duration`` months once they start."""


@content_model
class Effects:
    """A set of effects; every key is optional and unknown keys are content errors."""

    money: int | None = Field(None, ge=-50_000, le=50_000)
    reputation: int | None = Field(None, ge=-5, le=5)
    creative_capital: int | None = Field(None, ge=-5, le=5)
    artist_mood: int | None = Field(None, ge=-10, le=10)
    artist_loyalty: int | None = Field(None, ge=-10, le=10)
    artist_popularity: int | None = Field(None, ge=-10, le=10)
    quality_bonus: int | None = Field(None, ge=-10, le=10)
    stream_boost: int | None = Field(None, ge=-50, le=100)
    press_boost: int | None = Field(None, ge=-20, le=30)
    playlist_boost: float | None = Field(None, ge=0, le=1)
    tour_boost: int | None = Field(None, ge=-50, le=100)
    cost_discount: int | None = Field(None, ge=0, le=30)
    variance: float | None = Field(None, ge=0, le=0.3)
    event_chance: int | None = Field(None, ge=-20, le=30)
    role_relationship: int | None = Field(None, ge=-10, le=10)
    monthly_income: int | None = Field(None, ge=0, le=5_000)

    def items(self) -> list[tuple[str, float]]:
        """The keys that are set, in vocabulary order, with their values."""
        return [(k, v) for k in EFFECT_KEYS if (v := getattr(self, k)) is not None]

    def is_empty(self) -> bool:
        """True when no key is set."""
        return not self.items()

    def targets_artist(self) -> bool:
        """True when a key aims at the choice's artist."""
        return any(k in ARTIST_KEYS for k, _ in self.items())


EFFECT_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Effects))
"""Every key of the vocabulary, in order."""
