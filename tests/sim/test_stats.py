"""The summary numbers: percentiles, shares and pick rates, exactly."""

from __future__ import annotations

from labelmgr.sim.campaign import CampaignRecord
from labelmgr.sim.runner import Batch
from labelmgr.sim.stats import percentiles, summarize


def _record(seed, *, victory="Failure", bankrupt=False, score=10.0, money=0, badges=(),
            meetings=(), events=()):
    return CampaignRecord("balanced", seed, "normal", bankrupt, victory, score, money, 5, 12,
                          2, 3, badges, meetings, events, ())


def test_percentiles_are_numpy_linear():
    assert percentiles([1, 2, 3, 4, 5]) == {"p5": 1.2, "p50": 3.0, "p95": 4.8, "mean": 3.0}
    assert percentiles([]) == {"p5": 0.0, "p50": 0.0, "p95": 0.0, "mean": 0.0}


def test_summary_shares_badges_and_pick_rates(content):
    key = "manager.roster_checkin"
    records = (
        _record(1, victory="Commercial", score=50, money=100_000, badges=("hit_single",),
                meetings=((key, "set_goals"), (key, "set_goals")),
                events=(("sync_offer", "take_flat_fee"),)),
        _record(2, victory="Failure", bankrupt=True, score=5, money=-20_000,
                meetings=((key, "take_to_dinner"),)),
        _record(3, victory="Critical", score=45, money=30_000,
                badges=("hit_single", "venue_theaters")),
        _record(4, victory="Commercial", score=60, money=160_000),
    )
    s = summarize(Batch("balanced", "normal", 1, records, 2.0, 1), content)
    assert s["campaigns"] == 4 and s["bankruptcies"] == 1 and s["bankrupt_rate"] == 0.25
    assert s["victory_types"] == {"Failure": 0.25, "Survival": 0.0, "Commercial": 0.5,
                                  "Critical": 0.25, "Balanced": 0.0}
    assert s["score"]["p50"] == 47.5
    assert s["final_money"]["p50"] == 65_000
    assert s["badge_rates"]["hit_single"] == 0.5 and s["badge_rates"]["venue_theaters"] == 0.25
    assert s["badge_rates"]["money_doubled"] == 0.0
    rates = s["choice_pick_rates"]["meetings"][key]
    assert rates == {"taken": 3, "choices": {"take_to_dinner": 0.3333, "set_goals": 0.6667,
                                             "leave_them_be": 0.0}}
    assert s["choice_pick_rates"]["meetings"]["a_and_r.demo_pile"]["taken"] == 0
    assert s["choice_pick_rates"]["events"]["sync_offer"]["choices"]["take_flat_fee"] == 1.0
    assert s["campaigns_per_second"] == 2.0 and s["average_releases"] == 2.0
