"""Streams and streaming money: the first month of a release and the catalogue tail.

First month (mechanics.md §5.3, plus seasonality, popularity and boosts):
points = quality×0.35 + reach×0.25×100 + reputation×0.20 + √(ad spend/1000)×0.20×50;
streams = round(points × variance × 2.5 × 1000 × season × (1 + popularity×0.005 + archetype)
× (1 + stream boost/100)). Revenue = floor(streams × $0.05).

Tail (§5.4), vectorised over every released song: initial × 0.85^m × (1 + (rep−50)×0.002)
× (1 + (reach−1)×0.1) × 0.8 for months 1..24 after release.
"""

from __future__ import annotations

import math

import numpy as np

from labelmgr.content.models import Balance
from labelmgr.engine.songs import SongTable, total


def season(balance: Balance, month: int) -> float:
    """The seasonal factor of a campaign month (months 1-3 are q1, ...)."""
    return balance.streams.seasonality[((month - 1) % 12) // 3]


def stream_points(balance: Balance, quality: int, reach: float, reputation: int,
                  ad_spend: float) -> float:
    """The additive points behind a release's first-month streams."""
    s = balance.streams
    return (quality * s.quality_weight
            + reach * s.playlist_weight * s.playlist_scale
            + reputation * s.reputation_weight
            + math.sqrt(max(ad_spend, 0) / 1000) * s.marketing_weight * s.marketing_scale)


def first_month_streams(balance: Balance, *, quality: int, reach: float, reputation: int,
                        ad_spend: float, variance: float, month: int, popularity: int,
                        archetype_bonus: float, stream_boost: float) -> int:
    """First-month streams of one released song (``variance`` is the random factor)."""
    s = balance.streams
    points = stream_points(balance, quality, reach, reputation, ad_spend)
    factor = (season(balance, month) * (1 + popularity * s.popularity_factor + archetype_bonus)
              * (1 + stream_boost / 100))
    return max(0, round(points * variance * s.first_month_multiplier * s.streams_per_point
                        * factor))


def stream_revenue(balance: Balance, streams: int) -> int:
    """Money from streams, rounded down to whole dollars."""
    return math.floor(streams * balance.economy.revenue_per_stream)


def tail_month(balance: Balance, songs: SongTable, month: int, reputation: int,
               reach: float) -> tuple[SongTable, int, int]:
    """Catalogue revenue for ``month``: returns the new table, total revenue and streams.

    Songs released this month or unreleased earn nothing here; past ``max_months`` a song
    earns nothing; revenue below ``min_revenue`` is zero.
    """
    if not len(songs):
        return songs, 0, 0
    t = balance.streams.tail
    rel = songs.release_month
    released_before = (rel > 0) & (rel < month)
    if not np.count_nonzero(released_before):
        return songs, 0, 0
    age = month - rel
    live = released_before & (age <= t.max_months)
    factor = ((1 + (reputation - t.reputation_center) * t.reputation_factor)
              * (1 + (reach - 1) * t.access_factor) * t.factor)
    # a song not live gets (a finite number) * 0 = 0 streams: its age is never negative
    streams_f = songs.initial_streams * np.power(t.decay, age) * factor
    streams_f *= live
    revenue = np.floor(streams_f * balance.economy.revenue_per_stream + 0.5).astype(np.int64)
    paid = revenue >= max(t.min_revenue, 1)  # a song earning nothing streams nothing either
    revenue *= paid
    streams = np.floor(streams_f + 0.5).astype(np.int64)
    streams *= paid
    new = songs.replace(
        total_streams=songs.total_streams + streams,
        total_revenue=songs.total_revenue + revenue,
        last_streams=np.where(released_before, streams, songs.last_streams),
        last_revenue=np.where(released_before, revenue, songs.last_revenue),
    )
    return new, total(revenue), total(streams)
