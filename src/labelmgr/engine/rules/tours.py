"""Mini-tours: tickets and merch per city (mechanics.md §5.6, made to pay: fixes B7).

Per city: capacity = round(U(venue min, venue max)); sell-through = min(1, (0.60 +
rep×0.003) × (1 + popularity/100×0.40)); tickets = min(capacity × sell-through,
popularity × fans per point × (1 + rep/100)) × (1 + tour boost/100), at most capacity;
price = base + capacity × per-capacity; revenue = tickets × price × (1 + merch share).
"""

from __future__ import annotations

import math

import numpy as np

from labelmgr.content.models import Balance
from labelmgr.engine.numbers import round_half_away


def venue_capacity_range(balance: Balance, venue: str) -> tuple[int, int]:
    v = next(v for v in balance.tours.venues if v.id == venue)
    return v.capacity


def city_result(balance: Balance, capacity: int, reputation: int, popularity: int,
                tour_boost: float) -> tuple[int, int]:
    """Tickets sold and revenue of one city."""
    t = balance.tours
    sell = min(1.0, (t.sell_through_base + reputation * t.reputation_factor)
               * (1 + popularity / 100 * t.popularity_weight))
    fans = popularity * t.fans_per_popularity * (1 + reputation / 100)
    tickets = min(capacity * sell, fans) * (1 + tour_boost / 100)
    tickets_sold = min(capacity, math.floor(tickets))
    price = t.ticket_price_base + capacity * t.ticket_price_per_capacity
    return tickets_sold, round_half_away(tickets_sold * price * (1 + t.merch_share))


def run_tour(balance: Balance, venue: str, cities: int, reputation: int, popularity: int,
             tour_boost: float, rng: np.random.Generator) -> tuple[int, int, int]:
    """Tickets, capacity and revenue over all cities (one capacity draw per city)."""
    lo, hi = venue_capacity_range(balance, venue)
    caps = rng.uniform(lo, hi, size=cities)
    tickets = capacity = revenue = 0
    for cap_f in caps:
        cap = round_half_away(float(cap_f))
        sold, money = city_result(balance, cap, reputation, popularity, tour_boost)
        tickets += sold
        capacity += cap
        revenue += money
    return tickets, capacity, revenue
