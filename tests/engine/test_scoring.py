"""Score parts, victory types and badges (mechanics.md A12)."""

from __future__ import annotations

import pytest

from labelmgr.engine.rules.scoring import BADGES, Outcome, compute_results, score_parts
from labelmgr.engine.songs import SongTable
from labelmgr.engine.state import Access, Project


def _songs(qualities: list[int], released: bool = True) -> SongTable:
    n = len(qualities)
    cols = {c: [0] * n for c in ("id", "project_id", "recorded_month", "initial_streams",
                                 "total_streams", "total_revenue", "last_streams",
                                 "last_revenue")}
    cols["quality"] = qualities
    cols["release_month"] = [3 if released else 0] * n
    return SongTable.from_columns(cols, ["t"] * n, ["a"] * n)


def _outcome(**kw) -> Outcome:
    base = dict(money=75_000, starting_money=75_000, reputation=5,
                access=Access("none", "none", "clubs"), songs=_songs([]), projects=(),
                lowest_money=75_000, roster=1, bankrupt=False, month=12)
    base.update(kw)
    return Outcome(**base)


def test_parts(balance):
    o = _outcome(money=150_000, reputation=30, songs=_songs([60, 80]),
                 access=Access("mid", "blogs", "theaters"))
    money, rep, quality, access = score_parts(balance, o)
    assert money == 100          # 50 × 2, capped at 100
    assert rep == 30
    assert quality == 70
    assert access == pytest.approx(100 * 5 / 9)


def test_unreleased_songs_do_not_count_and_money_floors_at_zero(balance):
    o = _outcome(money=-5_000, songs=_songs([90], released=False))
    money, _, quality, _ = score_parts(balance, o)
    assert money == 0 and quality == 0


def test_idle_label_is_a_failure(balance):
    # money 9,000 → 6; rep 5; quality 0; access 1/9 → 11.1
    r = compute_results(balance, _outcome(money=9_000))
    assert r.score == pytest.approx(round((0.35 * 6 + 0.3 * 5 + 0.15 * 100 / 9), 1))
    assert r.victory_type == "Failure"


def test_bankrupt_is_failure_whatever_the_score(balance):
    r = compute_results(balance, _outcome(money=-20_000, reputation=90, bankrupt=True))
    assert r.victory_type == "Failure" and r.bankrupt


@pytest.mark.parametrize(
    ("money", "rep", "qualities", "victory"),
    [
        (150_000, 20, [40], "Commercial"),   # money 100 vs critical 30
        (40_000, 60, [80], "Critical"),      # money 26.7 vs critical 70
        (90_000, 50, [70], "Balanced"),      # money 60 vs critical 60
        (60_000, 20, [40], "Survival"),      # score 33.0
    ],
)
def test_victory_types(balance, money, rep, qualities, victory):
    o = _outcome(money=money, reputation=rep, songs=_songs(qualities),
                 access=Access("niche", "blogs", "clubs"))
    assert compute_results(balance, o).victory_type == victory


def test_badges(balance):
    hit = Project(1, "single", "x", "a", 1, 3, 1, "local", "standard", 3000, 3000,
                  stage="released", outcome="hit")
    tour = Project(2, "mini_tour", "y", "a", 4, 5, 0, "", "", 0, 5000, stage="toured",
                   outcome="sold_out")
    o = _outcome(money=160_000, lowest_money=5_000, songs=_songs([75, 76, 80, 90, 77]),
                 projects=(hit, tour), roster=4,
                 access=Access("mid", "national", "theaters"))
    r = compute_results(balance, o)
    assert set(r.badges) == {b.id for b in BADGES}


def test_no_badges_for_an_idle_label(balance):
    assert compute_results(balance, _outcome()).badges == ()
