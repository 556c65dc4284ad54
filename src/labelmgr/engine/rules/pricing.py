"""Project prices, budget bounds, production length and the budget quality bonus.

Price = floor(base per song × songs × economies-of-scale factor × producer multiplier ×
time multiplier × type factor): one model for every song count (mechanics.md A7, fixes
B5/B11). The budget bonus compares the budget per song with price/songs (fixes B14).
"""

from __future__ import annotations

import math

from labelmgr.content.models import Balance
from labelmgr.engine.memo import PinnedMemo


def scale_factor(balance: Balance, songs: int) -> float:
    """Economies of scale: the factor of the highest step whose ``min_songs`` ≤ songs."""
    best = 1.0
    best_min = 0
    for step in balance.projects.economies_of_scale:
        if step.min_songs <= songs and step.min_songs >= best_min:
            best, best_min = step.factor, step.min_songs
    return best


_PRICES: PinnedMemo[int] = PinnedMemo()
"""Prices already worked out, by balance and settings."""


def project_price(balance: Balance, kind: str, songs: int, producer_tier: str,
                  time_investment: str) -> int:
    """The reference price of a record (before the player's budget choice)."""
    return _PRICES.get(balance, (kind, songs, producer_tier, time_investment),
                       lambda: _price(balance, kind, songs, producer_tier, time_investment))


def _price(balance: Balance, kind: str, songs: int, producer_tier: str,
           time_investment: str) -> int:
    p = balance.projects
    ptype = p.types[kind]
    tier = next(t for t in p.producer_tiers if t.id == producer_tier)
    time = next(t for t in p.time_investments if t.id == time_investment)
    return math.floor(ptype.base_per_song * songs * scale_factor(balance, songs)
                      * tier.cost_multiplier * time.cost_multiplier * ptype.type_factor)


def budget_bounds(balance: Balance, price: int, songs: int) -> tuple[int, int]:
    """The lowest and highest budget per song the player may set."""
    lo, hi = balance.projects.budget_ratio
    per_song = price / songs
    return math.ceil(per_song * lo), math.floor(per_song * hi)


def default_budget(price: int, songs: int) -> int:
    """The budget per song when the player keeps the price (ratio 1.0)."""
    return math.ceil(price / songs)


def budget_bonus(balance: Balance, budget_per_song: int, price: int, songs: int) -> float:
    """Quality bonus of a budget per song, with diminishing returns (mechanics.md §4.4).

    Rounded to 2 decimals: ratio 0.5 → -5, 0.6 → 0, 1.0 → 10, 2.0 → 20, 3.0 → 25, 4.0 → 25.52.
    """
    b = balance.quality.budget_bonus
    ratio = budget_per_song / (price / songs)
    m = b.max_bonus
    if ratio < b.minimum_viable:
        bonus = b.below_minimum
    elif ratio <= b.optimal:
        bonus = (ratio - b.minimum_viable) / (b.optimal - b.minimum_viable) * 0.4 * m
    elif ratio <= b.luxury:
        bonus = 0.4 * m + (ratio - b.optimal) / (b.luxury - b.optimal) * 0.4 * m
    elif ratio <= b.diminishing:
        bonus = 0.8 * m + (ratio - b.luxury) / (b.diminishing - b.luxury) * 0.2 * m
    else:
        bonus = m + math.log(1 + ratio - b.diminishing) * b.diminishing_factor * m * 0.1
    return round(bonus, 2)


def production_months(balance: Balance, kind: str, time_investment: str, archetype: str,
                      work_ethic: int) -> int:
    """Months of production: the time investment, +1 for an EP, minus what the artist saves.

    Workhorse archetypes save a month; so does a work ethic at or above ``fast_work_ethic``.
    Never less than one month.
    """
    p = balance.projects
    months = next(t for t in p.time_investments if t.id == time_investment).months
    months += p.types[kind].extra_months
    months -= balance.artists.archetypes[archetype].months_saved
    if work_ethic >= p.fast_work_ethic:
        months -= 1
    return max(1, months)


def tour_cost(balance: Balance, venue: str, cities: int) -> int:
    """A mini-tour's cost: cost per city × the venue multiplier × cities."""
    t = balance.tours
    mult = next(v for v in t.venues if v.id == venue).cost_multiplier
    return math.floor(t.cost_per_city * mult * cities)


def apply_discount(cost: int, discount_percent: float) -> int:
    """A cost after a percentage discount (rounded down to whole dollars)."""
    return math.floor(cost * (100 - discount_percent) / 100)
