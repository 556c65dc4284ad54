"""Press pickups for a release (mechanics.md §5.5, with PR spend per $1k: fixes B8).

chance = base + tier pickup chance + PR spend/1000 × 0.02 + reputation × 0.008 +
press boost/100, clamped to [0, max_chance]; pickups = successes in ``rolls`` draws.
"""

from __future__ import annotations

import numpy as np

from labelmgr.content.models import Balance
from labelmgr.engine.numbers import clamp


def pickup_chance(balance: Balance, tier_chance: float, pr_spend: float, reputation: int,
                  press_boost: float) -> float:
    """The chance of each pickup roll."""
    p = balance.press
    chance = (p.base_chance + tier_chance + pr_spend / 1000 * p.spend_per_1000
              + reputation * p.reputation_factor + press_boost / 100)
    return clamp(chance, 0.0, p.max_chance)


def roll_pickups(balance: Balance, chance: float, rng: np.random.Generator) -> int:
    """Number of pickups: ``rolls`` uniform draws below ``chance``."""
    return int((rng.random(balance.press.rolls) < chance).sum())
