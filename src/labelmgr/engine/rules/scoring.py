"""The campaign score, victory type and badges (mechanics.md A12; weights in balance.json).

money part = clamp(50 × money / starting money, 0, 100); reputation part = reputation;
quality part = mean quality of released songs (0 if none); access part = 100 × tier steps
over the three ladders / 9. Score = weighted mean. Failure: bankrupt or score below
``failure_below``; Survival: below ``survival_below``; else Commercial when money part ≥
1.25 × critical part (mean of reputation and quality parts), Critical when critical part ≥
1.25 × money part, else Balanced.
"""

from __future__ import annotations

import numpy as np

from labelmgr.content.models import Balance
from labelmgr.engine.frozen import frozen
from labelmgr.engine.numbers import clamp
from labelmgr.engine.rules.progression import LADDERS, ladder_index
from labelmgr.engine.songs import SongTable, total
from labelmgr.engine.state import Access, Project, Results

VICTORY_TYPES: tuple[str, ...] = ("Failure", "Survival", "Commercial", "Critical", "Balanced")


@frozen
class Badge:
    id: str
    name: str
    description: str


BADGES: tuple[Badge, ...] = (
    Badge("money_doubled", "Double or nothing", "Finish with twice the starting money."),
    Badge("hit_single", "Hitmaker", "Release a hit: first-month streams above the hit line."),
    Badge("press_national", "Front page", "Reach national press access."),
    Badge("venue_theaters", "Bigger rooms", "Reach theater venue access."),
    Badge("quality_five", "Quality control", "Release five songs of quality 75 or more."),
    Badge("comeback", "Back from the brink",
          "Fall below 10% of the starting money, then finish above half of it."),
    Badge("full_house", "Full house", "Finish with three artists on the roster."),
    Badge("sold_out", "Sold out", "Sell every ticket of a tour."),
)
"""Every badge; each is a condition on the final state or its history."""


@frozen
class Outcome:
    """What scoring needs to know about a finished campaign."""

    money: int
    starting_money: int
    reputation: int
    access: Access
    songs: SongTable
    projects: tuple[Project, ...]
    lowest_money: int
    roster: int
    bankrupt: bool
    month: int


def score_parts(balance: Balance, o: Outcome) -> tuple[float, float, float, float]:
    """Money, reputation, quality and access parts, each 0..100."""
    s = balance.scoring
    money = clamp(s.money_scale * o.money / o.starting_money, 0, 100)
    released = o.songs.quality[o.songs.released_mask]
    # the integer sum is exact, so this is numpy's mean to the last bit, without its overhead
    quality = total(released) / len(released) if len(released) else 0.0
    steps = sum(ladder_index(getattr(balance.access, lad), getattr(o.access, lad))
                for lad in LADDERS)
    top = sum(len(getattr(balance.access, lad)) - 1 for lad in LADDERS)
    return money, float(o.reputation), quality, 100 * steps / top


def earned_badges(balance: Balance, o: Outcome) -> tuple[str, ...]:
    s = balance.scoring
    released = o.songs.quality[o.songs.released_mask]
    venue_steps = balance.access.venue
    conditions = {
        "money_doubled": o.money >= 2 * o.starting_money,
        "hit_single": any(p.outcome == "hit" for p in o.projects),
        "press_national": o.access.press == balance.access.press[-1].id,
        "venue_theaters": ladder_index(venue_steps, o.access.venue)
        >= ladder_index(venue_steps, "theaters"),
        "quality_five": np.count_nonzero(released >= s.badge_quality) >= s.badge_quality_songs,
        "comeback": o.lowest_money < s.badge_comeback_fraction * o.starting_money
        and o.money >= s.badge_comeback_target * o.starting_money,
        "full_house": o.roster >= s.badge_roster,
        "sold_out": any(p.outcome == "sold_out" for p in o.projects),
    }
    return tuple(b.id for b in BADGES if conditions[b.id])


def compute_results(balance: Balance, o: Outcome) -> Results:
    """Score, victory type and badges of a finished campaign."""
    s = balance.scoring
    money, rep, quality, access = score_parts(balance, o)
    w = s.weights
    score = round((w.money * money + w.reputation * rep + w.quality * quality
                   + w.access * access) / (w.money + w.reputation + w.quality + w.access), 1)
    critical = (rep + quality) / 2
    if o.bankrupt or score < s.failure_below:
        victory = "Failure"
    elif score < s.survival_below:
        victory = "Survival"
    elif money >= s.dominance_ratio * critical:
        victory = "Commercial"
    elif critical >= s.dominance_ratio * money:
        victory = "Critical"
    else:
        victory = "Balanced"
    return Results(score, victory, o.bankrupt, earned_badges(balance, o), round(money, 1),
                   rep, round(quality, 1), round(access, 1), o.month)
