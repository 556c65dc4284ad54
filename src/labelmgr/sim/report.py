"""The simulator's report as rich tables, and its progress bar."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from labelmgr.engine import BADGES
from labelmgr.engine.rules.scoring import VICTORY_TYPES

PICK_RATE_POLICIES: tuple[str, ...] = ("balanced", "greedy")
"""Policies whose choice pick rates the tables show (``--json`` has them for all)."""


@contextmanager
def progress_bar(console: Console, enabled: bool) -> Iterator[Progress | None]:
    """A progress bar on ``console`` (None when disabled)."""
    if not enabled:
        yield None
        return
    bar = Progress(TextColumn("{task.description:>10}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=console, transient=True)
    with bar:
        yield bar


def _pct(share: float) -> str:
    return f"{100 * share:.1f}%"


def _money(v: float) -> str:
    return f"${v:,.0f}"


def outcome_table(report: dict[str, Any]) -> Table:
    """One row per policy: bankruptcies, victory type shares, releases and speed."""
    t = Table(title=f"Outcomes: {report['campaigns_per_policy']:,} campaigns per policy on "
              f"{report['difficulty']} (seeds from {report['first_seed']})")
    t.add_column("policy")
    for col in ("bankrupt", *VICTORY_TYPES, "releases", "camp/s"):
        t.add_column(col, justify="right")
    for name, s in report["policies"].items():
        v = s["victory_types"]
        t.add_row(name, _pct(s["bankrupt_rate"]), *(_pct(v[k]) for k in VICTORY_TYPES),
                  f"{s['average_releases']:.2f}", f"{s['campaigns_per_second']:,.1f}")
    return t


def numbers_table(report: dict[str, Any]) -> Table:
    """One row per policy: score, final money and reputation percentiles."""
    t = Table(title="Final numbers (p5 / p50 / p95)")
    for col in ("policy", "score", "money", "reputation"):
        t.add_column(col, justify="left" if col == "policy" else "right")
    for name, s in report["policies"].items():
        sc, m, r = s["score"], s["final_money"], s["final_reputation"]
        t.add_row(name, f"{sc['p5']:g} / {sc['p50']:g} / {sc['p95']:g}",
                  f"{_money(m['p5'])} / {_money(m['p50'])} / {_money(m['p95'])}",
                  f"{r['p5']:g} / {r['p50']:g} / {r['p95']:g}")
    return t


def badge_table(report: dict[str, Any]) -> Table:
    """Badge rates: one row per badge, one column per policy."""
    t = Table(title="Badges earned (share of campaigns)")
    t.add_column("badge")
    for name in report["policies"]:
        t.add_column(name, justify="right")
    for b in BADGES:
        t.add_row(b.name, *(_pct(s["badge_rates"][b.id]) for s in report["policies"].values()))
    return t


def pick_table(policy: str, summary: dict[str, Any], kind: str) -> Table:
    """How often ``policy`` took each choice of each meeting or event it decided."""
    t = Table(title=f"{policy}: {kind} choice pick rates (share of the times decided)")
    t.add_column(kind[:-1])
    t.add_column("decided", justify="right")
    t.add_column("choices")
    never = []
    for key, row in summary["choice_pick_rates"][kind].items():
        if not row["taken"]:
            never.append(key)
            continue
        shares = "  ".join(f"{c} {_pct(r)}" for c, r in row["choices"].items())
        t.add_row(key, str(row["taken"]), shares)
    if never:
        t.caption = f"never decided: {', '.join(never)}"
    return t


def print_report(console: Console, report: dict[str, Any],
                 pick_policies: Sequence[str] = PICK_RATE_POLICIES) -> None:
    """Every table of the report."""
    console.print(outcome_table(report))
    console.print(numbers_table(report))
    console.print(badge_table(report))
    for name in pick_policies:
        summary = report["policies"].get(name)
        if summary is not None:
            for kind in ("meetings", "events"):
                console.print(pick_table(name, summary, kind))
