"""Project prices and the budget bonus (mechanics.md A7, §4.2, §4.4)."""

from __future__ import annotations

import pytest

from labelmgr.engine.rules.pricing import (
    apply_discount,
    budget_bonus,
    budget_bounds,
    production_months,
    project_price,
    scale_factor,
    tour_cost,
)


@pytest.mark.parametrize(("songs", "factor"), [(1, 1.0), (2, 0.9), (3, 0.9), (4, 0.85),
                                                (6, 0.85), (7, 0.8), (8, 0.8)])
def test_economies_of_scale(balance, songs, factor):
    assert scale_factor(balance, songs) == factor


@pytest.mark.parametrize(
    ("kind", "songs", "price"),
    [
        ("single", 1, 3_000),   # 2,500 × 1 × 1.0 × 1.2
        ("single", 2, 5_400),   # 2,500 × 2 × 0.9 × 1.2 (the §4.2 table)
        ("single", 3, 8_100),
        ("ep", 3, 16_200),
        ("ep", 4, 20_400),
        ("ep", 5, 25_500),
        ("ep", 7, 33_600),
        ("ep", 8, 38_400),
    ],
)
def test_price_table_local_standard(balance, kind, songs, price):
    """One per-song model for every count: a 2-song single costs more than 1 (fixes B11)."""
    assert project_price(balance, kind, songs, "local", "standard") == price


def test_price_legendary_perfectionist_ep(balance):
    # floor(4,000 × 5 × 0.85 × 5.5 × 2.1 × 1.5) = 294,525 (mechanics.md §4.2)
    assert project_price(balance, "ep", 5, "legendary", "perfectionist") == 294_525


@pytest.mark.parametrize(("ratio", "bonus"), [(0.5, -5), (0.6, 0), (0.8, 5), (1.0, 10),
                                               (1.5, 15), (2.0, 20), (2.5, 22.5), (3.0, 25),
                                               (4.0, 25.52), (5.0, 25.82)])
def test_budget_bonus_table(balance, ratio, bonus):
    """Budget per song measured against price/songs, like with like (fixes B14)."""
    assert budget_bonus(balance, round(1_000 * ratio), 1_000, 1) == pytest.approx(bonus)


def test_budget_bounds_are_06_to_5_times_price_per_song(balance):
    assert budget_bounds(balance, 5_400, 2) == (1_620, 13_500)


@pytest.mark.parametrize(
    ("kind", "time", "archetype", "ethic", "months"),
    [
        ("single", "rushed", "visionary", 50, 1),
        ("single", "standard", "visionary", 50, 2),
        ("single", "extended", "visionary", 50, 3),
        ("single", "perfectionist", "visionary", 50, 4),
        ("ep", "standard", "visionary", 50, 3),   # +1 for an EP
        ("ep", "standard", "workhorse", 50, 2),   # a workhorse saves a month
        ("single", "standard", "visionary", 85, 1),  # high work ethic saves a month
        ("single", "rushed", "workhorse", 90, 1),  # never below one month
    ],
)
def test_production_months(balance, kind, time, archetype, ethic, months):
    assert production_months(balance, kind, time, archetype, ethic) == months


def test_tour_cost_uses_venue_multiplier_per_city(balance):
    assert tour_cost(balance, "clubs", 3) == 10_500     # 3,500 a city × 1.0
    assert tour_cost(balance, "theaters", 2) == 14_000  # × 2.0
    assert tour_cost(balance, "arenas", 1) == 15_750    # × 4.5


def test_discount_rounds_down(balance):
    assert apply_discount(9_999, 10) == 8_999
