"""Song quality (mechanics.md §5.2 plus talent and archetype, Part A §10).

quality = clamp(min, max, (base + talent + mood + archetype + producer + time + budget +
bonus) × song-count factor), rounded half away from zero. Base is 40..59 (one draw).
"""

from __future__ import annotations

import math

from labelmgr.content.models import Balance
from labelmgr.engine.numbers import clamp, round_half_away


def song_count_factor(balance: Balance, songs: int) -> float:
    """0.95^(songs-1), never below 0.85: 1 → 1.0, 2 → 0.95, 3 → 0.9025, 5+ → 0.85."""
    q = balance.quality
    return max(q.song_count_floor, q.song_count_decay ** (songs - 1))


def quality_before_base(balance: Balance, *, talent: int, mood: int, archetype: str,
                        producer_bonus: int, time_bonus: int, budget_bonus: float,
                        extra_bonus: float) -> float:
    """Everything in the quality sum except the random base."""
    q = balance.quality
    talent_term = (talent - q.talent_center) * q.talent_weight
    mood_term = math.floor((mood - q.mood_center) * q.mood_weight)
    arch = balance.artists.archetypes[archetype].quality_bonus
    return talent_term + mood_term + arch + producer_bonus + time_bonus + budget_bonus + extra_bonus


def song_quality(balance: Balance, base: int, rest: float, songs: int) -> int:
    """Final quality of one song from its base draw and the other terms."""
    q = balance.quality
    raw = (base + rest) * song_count_factor(balance, songs)
    return round_half_away(clamp(raw, q.min, q.max))


def quality_range(balance: Balance, rest: float, songs: int) -> tuple[int, int]:
    """Lowest and highest possible quality for these terms (base at its two ends)."""
    lo, hi = balance.quality.base
    return song_quality(balance, lo, rest, songs), song_quality(balance, hi - 1, rest, songs)
