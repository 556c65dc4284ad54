"""Song quality, first-month streams and the catalogue tail (mechanics.md §5.2-5.4)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labelmgr.engine.rules import streams as streams_module
from labelmgr.engine.rules.quality import (
    quality_before_base,
    quality_range,
    song_count_factor,
    song_quality,
)
from labelmgr.engine.rules.streams import first_month_streams, season, stream_revenue, tail_month
from labelmgr.engine.songs import INT_COLUMNS, SongTable


@pytest.mark.parametrize(("songs", "factor"), [(1, 1.0), (2, 0.95), (3, 0.9025),
                                                (4, 0.857375), (5, 0.85), (8, 0.85)])
def test_song_count_factor(balance, songs, factor):
    assert song_count_factor(balance, songs) == pytest.approx(factor)


def test_quality_terms(balance):
    # talent 82 → +9.6; mood 60 → +2; visionary +4; regional +5; standard 0; budget +10
    rest = quality_before_base(balance, talent=82, mood=60, archetype="visionary",
                               producer_bonus=5, time_bonus=0, budget_bonus=10, extra_bonus=0)
    assert rest == pytest.approx(30.6)
    assert song_quality(balance, 50, rest, 1) == 81          # 80.6 → 81
    assert song_quality(balance, 50, rest, 2) == 77          # 80.6 × 0.95 = 76.57 → 77
    assert quality_range(balance, rest, 1) == (71, 90)        # base 40..59


def test_mood_term_floors(balance):
    low = quality_before_base(balance, talent=50, mood=44, archetype="workhorse",
                              producer_bonus=0, time_bonus=0, budget_bonus=0, extra_bonus=0)
    assert low == -2   # floor(-1.2)


def test_quality_is_clamped(balance):
    assert song_quality(balance, 59, 200, 1) == 100
    assert song_quality(balance, 40, -100, 1) == 20


@pytest.mark.parametrize(("quality", "reach", "rep", "streams"),
                         [(40, 0.1, 5, 43_750), (60, 0.1, 5, 61_250), (80, 0.1, 5, 78_750),
                          (60, 0.4, 15, 85_000), (60, 0.8, 35, 120_000), (80, 0.8, 35, 137_500)])
def test_first_month_streams_reference_table(balance, quality, reach, rep, streams):
    """§5.3's table: variance 1.0, no ad spend, season factor and popularity neutralised."""
    got = first_month_streams(balance, quality=quality, reach=reach, reputation=rep,
                              ad_spend=0, variance=1.0, month=4, popularity=0,
                              archetype_bonus=0, stream_boost=0)
    # month 4 is q2 (0.95): undo it to compare with the reference table
    assert got == round(streams * season(balance, 4))


def test_marketing_adds_points(balance):
    # √(4000/1000) × 0.2 × 50 = 20 points → +50,000 streams before season
    base = first_month_streams(balance, quality=60, reach=0.1, reputation=5, ad_spend=0,
                               variance=1.0, month=10, popularity=0, archetype_bonus=0,
                               stream_boost=0)
    pushed = first_month_streams(balance, quality=60, reach=0.1, reputation=5, ad_spend=4_000,
                                 variance=1.0, month=10, popularity=0, archetype_bonus=0,
                                 stream_boost=0)
    assert pushed - base == 62_500   # 50,000 × q4 1.25


def test_seasonality(balance):
    assert [season(balance, m) for m in (1, 4, 7, 10, 12, 13)] == [0.85, 0.95, 0.9, 1.25,
                                                                   1.25, 0.85]


def test_revenue_per_stream(balance):
    assert stream_revenue(balance, 61_250) == 1_776   # $0.029 a stream


def _one_song(initial: int, release_month: int) -> SongTable:
    cols = {c: [0] for c in ("id", "project_id", "quality", "recorded_month", "total_streams",
                             "total_revenue", "last_streams", "last_revenue")}
    cols["release_month"] = [release_month]
    cols["initial_streams"] = [initial]
    return SongTable.from_columns(cols, ["t"], ["a"])


@pytest.mark.parametrize(("months_after", "revenue"),
                         [(1, 1_000), (2, 850), (3, 723), (4, 614), (5, 522)])
def test_tail_decay_reference_example(balance, months_after, revenue):
    """§5.4: quality 60 at none/rep 5, 61,250 initial → 34,490 streams a month later, decaying
    15% a month, at $0.029 a stream: $1,000, $850, $723, $614, $522."""
    songs = _one_song(61_250, 1)
    _, got, _ = tail_month(balance, songs, 1 + months_after, 5, 0.1)
    assert got == revenue


def test_tail_stops_after_max_months_and_skips_new_songs(balance):
    songs = _one_song(61_250, 1)
    assert tail_month(balance, songs, 26, 5, 0.1)[1] == 0
    assert tail_month(balance, songs, 1, 5, 0.1)[1] == 0
    unreleased = _one_song(0, 0)
    assert tail_month(balance, unreleased, 5, 5, 0.1)[1] == 0


@pytest.mark.parametrize("min_revenue", [0, 1, 30])
def test_a_song_below_the_revenue_floor_earns_and_streams_nothing(balance, min_revenue):
    """Revenue under ``min_revenue`` is dropped, and so are the streams of a song that
    earns nothing; a floor of 0 still drops a song whose revenue rounds to $0."""
    tail = replace(balance.streams.tail, min_revenue=min_revenue)
    floor = replace(balance, streams=replace(balance.streams, tail=tail))
    # month 2: 8,000 initial streams -> 4,505 tail streams and $131; 200 -> 113 and $3;
    # 10 -> $0, so no streams either
    songs = SongTable.from_columns(
        {"id": [1, 2, 3], "project_id": [1, 1, 1], "quality": [50, 50, 50],
         "recorded_month": [1, 1, 1], "release_month": [1, 1, 1],
         "initial_streams": [8_000, 200, 10], "total_streams": [0, 0, 0],
         "total_revenue": [0, 0, 0], "last_streams": [0, 0, 0], "last_revenue": [0, 0, 0]},
        ["a", "b", "c"], ["x", "x", "x"])
    new, revenue, streams = tail_month(floor, songs, 2, 5, 0.1)
    paid, played = new.last_revenue.tolist(), new.last_streams.tolist()
    if min_revenue <= 3:
        assert (paid, played) == ([131, 3, 0], [4_505, 113, 0])
    else:
        assert (paid, played) == ([131, 0, 0], [4_505, 0, 0])
    assert (revenue, streams) == (sum(paid), sum(played))


def test_tail_is_vectorised_and_accumulates(balance):
    songs = _one_song(61_250, 1)
    new, revenue, streams = tail_month(balance, songs, 2, 5, 0.1)
    assert int(new.total_revenue[0]) == revenue == 1_000
    assert int(new.last_streams[0]) == streams
    assert not new.total_revenue.flags.writeable
    assert np.array_equal(songs.total_revenue, [0])   # the input is untouched


@settings(max_examples=150)
@given(data=st.data(), month=st.integers(1, 40), reputation=st.integers(0, 100),
       reach=st.sampled_from([0.0, 0.1, 0.4, 1.0]), min_revenue=st.integers(0, 40))
def test_tail_song_by_song_and_vectorised_give_the_same_numbers(balance, data, month,
                                                                reputation, reach,
                                                                min_revenue):
    """A small catalogue is worked out song by song, a large one with numpy: the same
    columns and totals either way (unreleased songs, songs out this month, songs past their
    months and songs under the revenue floor included)."""
    tail = replace(balance.streams.tail, min_revenue=min_revenue)
    b = replace(balance, streams=replace(balance.streams, tail=tail))
    n = data.draw(st.integers(1, 40))
    ints = st.integers(0, 2_000_000)
    columns = {c: data.draw(st.lists(ints, min_size=n, max_size=n)) for c in INT_COLUMNS}
    columns["release_month"] = data.draw(st.lists(st.integers(0, month + 2), min_size=n,
                                                  max_size=n))
    songs = SongTable.from_columns(columns, [f"s{i}" for i in range(n)], ["a"] * n)
    factor = ((1 + (reputation - tail.reputation_center) * tail.reputation_factor)
              * (1 + (reach - 1) * tail.access_factor) * tail.factor)
    small = streams_module._tail_by_song(b, songs, month, factor)
    large = streams_module._tail_vectorised(b, songs, month, factor)
    assert small[0] == large[0]
    assert small[1:] == large[1:]
    assert tail_month(b, songs, month, reputation, reach)[1:] == small[1:]
