"""Streams and streaming money: the first month of a release and the catalogue tail.

First month (mechanics.md §5.3, plus seasonality, popularity and boosts):
points = quality×0.35 + reach×0.25×100 + reputation×0.20 + √(ad spend/1000)×0.20×50;
streams = round(points × variance × 2.5 × 1000 × season × (1 + popularity×0.005 + archetype)
× (1 + stream boost/100)). Revenue = floor(streams × $0.05).

Tail (§5.4), for every released song: initial × 0.85^m × (1 + (rep−50)×0.002)
× (1 + (reach−1)×0.1) × 0.8 for months 1..24 after release; song by song for a small
catalogue, vectorised with numpy for a large one (the same numbers).
"""

from __future__ import annotations

import math

import numpy as np

from labelmgr.content.models import Balance, Tail
from labelmgr.engine.memo import PinnedMemo
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


_DECAY: PinnedMemo[tuple[float, ...]] = PinnedMemo(limit=16)
"""Per tail rule: the decay factor of each age, 0 to ``max_months`` (then 0.0)."""


def _decay_factors(t: Tail) -> tuple[float, ...]:
    """``decay ** age`` for every age a live song can have, and 0.0 for the first age past
    them. Both ways of working out the tail read these same doubles: numpy's own power on
    an array can differ from the C library's ``pow`` in the last bit (on CPUs where numpy
    vectorises it)."""
    return _DECAY.of(t, _decay_table)


def _decay_table(t: Tail) -> tuple[float, ...]:
    return (*(t.decay ** age for age in range(t.max_months + 1)), 0.0)


SMALL_CATALOGUE = 20
"""Up to this many songs the tail is worked out song by song in Python: numpy's per-call
cost (about 30 calls a month) outweighs its speed on a few songs. Both ways give the same
numbers (a test holds them to it)."""


def tail_month(balance: Balance, songs: SongTable, month: int, reputation: int,
               reach: float) -> tuple[SongTable, int, int]:
    """Catalogue revenue for ``month``: returns the new table, total revenue and streams.

    Songs released this month or unreleased earn nothing here; past ``max_months`` a song
    earns nothing; revenue below ``min_revenue`` is zero.
    """
    count = len(songs.titles)  # one title a song (no call of SongTable.__len__)
    if not count:
        return songs, 0, 0
    t = balance.streams.tail
    factor = ((1 + (reputation - t.reputation_center) * t.reputation_factor)
              * (1 + (reach - 1) * t.access_factor) * t.factor)
    if count <= SMALL_CATALOGUE:
        return _tail_by_song(balance, songs, month, factor)
    return _tail_vectorised(balance, songs, month, factor)


def _tail_by_song(balance: Balance, songs: SongTable, month: int,
                  factor: float) -> tuple[SongTable, int, int]:
    t = balance.streams.tail
    rel = songs.release_month.tolist()
    if not any(0 < r < month for r in rel):
        return songs, 0, 0
    decay, last, per_stream = _decay_factors(t), t.max_months + 1, balance.economy.revenue_per_stream
    floor_revenue = max(t.min_revenue, 1)
    streams, revenue = [0] * len(rel), [0] * len(rel)
    last_streams, last_revenue = songs.last_streams.tolist(), songs.last_revenue.tolist()
    for i, (r, initial) in enumerate(zip(rel, songs.initial_streams.tolist(), strict=True)):
        if not 0 < r < month:
            continue
        # numpy's order of operations, so the same doubles (a song past its months gets 0.0)
        s = initial * decay[min(month - r, last)] * factor
        paid = math.floor(s * per_stream + 0.5)
        if paid >= floor_revenue:
            streams[i], revenue[i] = math.floor(s + 0.5), paid
        last_streams[i], last_revenue[i] = streams[i], revenue[i]
    new = songs.replace(
        total_streams=[a + b for a, b in zip(songs.total_streams.tolist(), streams, strict=True)],
        total_revenue=[a + b for a, b in zip(songs.total_revenue.tolist(), revenue, strict=True)],
        last_streams=last_streams,
        last_revenue=last_revenue,
    )
    return new, sum(revenue), sum(streams)


def _tail_vectorised(balance: Balance, songs: SongTable, month: int,
                     factor: float) -> tuple[SongTable, int, int]:
    t = balance.streams.tail
    rel = songs.release_month
    released_before = (rel > 0) & (rel < month)
    if not np.count_nonzero(released_before):
        return songs, 0, 0
    # a song past its months gets decay 0.0 (ages are never negative; capped at the table's
    # end); one not released before this month is masked out
    age = np.minimum(month - rel, t.max_months + 1)
    streams_f = songs.initial_streams * np.asarray(_decay_factors(t))[age] * factor
    streams_f *= released_before
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
