"""A batch of campaigns summed up (numpy): the numbers the report and ``--json`` show.

Percentiles use numpy's default (linear) method. Pick rates: how often each choice was
taken out of the times its meeting (or event, or conversation) came up and was decided.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np

from labelmgr.content import Content
from labelmgr.engine import BADGES
from labelmgr.engine.rules.scoring import VICTORY_TYPES
from labelmgr.sim.campaign import CampaignRecord, Pick
from labelmgr.sim.runner import Batch

PERCENTILES: tuple[int, ...] = (5, 50, 95)


def percentiles(values: Iterable[float]) -> dict[str, float]:
    """``{"p5": .., "p50": .., "p95": .., "mean": ..}`` of the values (0s when empty)."""
    arr = np.fromiter(values, dtype=np.float64)
    if arr.size == 0:
        return {**{f"p{p}": 0.0 for p in PERCENTILES}, "mean": 0.0}
    cuts = np.percentile(arr, PERCENTILES)
    out = {f"p{p}": round(float(v), 2) for p, v in zip(PERCENTILES, cuts, strict=True)}
    out["mean"] = round(float(arr.mean()), 2)
    return out


def _pick_rates(picks: Iterable[Pick], choices: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """Per decision: how many times it was decided and the share of each of its choices."""
    counts = Counter(picks)
    decided = Counter(key for key, _ in counts.elements())
    out: dict[str, Any] = {}
    for key, ids in choices.items():
        n = decided[key]
        out[key] = {"taken": n,
                    "choices": {c: round(counts[(key, c)] / n, 4) if n else None for c in ids}}
    return out


def choice_ids(content: Content) -> dict[str, dict[str, tuple[str, ...]]]:
    """Every decision of the content and its choice ids, by kind."""
    return {
        "meetings": {f"{r.id}.{m.id}": tuple(c.id for c in m.choices)
                     for r in content.roles for m in r.meetings},
        "events": {e.id: tuple(c.id for c in e.choices) for e in content.events},
        "conversations": {c.id: tuple(ch.id for ch in c.choices)
                          for c in content.conversations},
    }


def summarize(batch: Batch, content: Content) -> dict[str, Any]:
    """The JSON-ready summary of one policy's batch (keys documented in the README)."""
    recs = batch.records
    n = len(recs)
    bankrupt = sum(r.bankrupt for r in recs)
    victory = Counter(r.victory_type for r in recs)
    badges = Counter(b for r in recs for b in r.badges)
    ids = choice_ids(content)
    return {
        "policy": batch.policy,
        "difficulty": batch.difficulty,
        "first_seed": batch.first_seed,
        "campaigns": n,
        "bankruptcies": bankrupt,
        "bankrupt_rate": _share(bankrupt, n),
        "victory_types": {v: _share(victory[v], n) for v in VICTORY_TYPES},
        "final_money": percentiles(r.money for r in recs),
        "final_reputation": percentiles(r.reputation for r in recs),
        "score": percentiles(r.score for r in recs),
        "badge_rates": {b.id: _share(badges[b.id], n) for b in BADGES},
        "average_releases": round(float(np.mean([r.releases for r in recs])) if n else 0.0, 3),
        "average_songs_released": round(float(np.mean([r.songs_released for r in recs]))
                                        if n else 0.0, 3),
        "choice_pick_rates": {
            "meetings": _pick_rates((p for r in recs for p in r.meeting_picks),
                                    ids["meetings"]),
            "events": _pick_rates((p for r in recs for p in r.event_picks), ids["events"]),
            "conversations": _pick_rates((p for r in recs for p in r.conversation_picks),
                                         ids["conversations"]),
        },
        "campaigns_per_second": round(batch.campaigns_per_second, 1),
        "workers": batch.workers,
    }


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def campaign_row(r: CampaignRecord) -> dict[str, Any]:
    """One campaign as a CSV row."""
    return {
        "policy": r.policy, "difficulty": r.difficulty, "seed": r.seed,
        "victory_type": r.victory_type, "bankrupt": int(r.bankrupt), "score": r.score,
        "money": r.money, "reputation": r.reputation, "months": r.months,
        "releases": r.releases, "songs_released": r.songs_released,
        "badges": ";".join(r.badges),
    }
