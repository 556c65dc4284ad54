"""The routine work of a sensible label head: sign, record, tour and market.

``routine_plan`` adds to a draft what a careful player does every month without weighing
choices. It keeps a reserve (a few months of the worst-case overhead and fees) and spends
the rest: a record for every idle artist (a big EP when the money is plenty, else a
three-song single with the best producer the money allows, else a plain one-song single;
always released before the campaign ends), a tour when no record fits and the engine's
preview says it pays, and a digital campaign behind every record in production. Budgets
and ad spend follow the money available, so a little more or less money changes the plan a
little (the look-ahead of ``balanced`` compares futures that differ by a choice).
``signing_candidates`` names the artists worth signing when a roster place is free and the
money covers their first record too; ``balanced`` looks ahead before it signs. It never
takes a meeting or a conversation: those are choices, and ``balanced`` weighs them by
looking ahead. It is also how ``balanced`` plays the months it imagines.
"""

from __future__ import annotations

from labelmgr.content import Content
from labelmgr.engine import (
    GameState,
    MarketingPush,
    SignArtist,
    StartProject,
    money_outlook,
    preview_project,
)
from labelmgr.engine.evolve import evolve
from labelmgr.sim.policies.base import PlanDraft

RESERVE_MONTHS = 2
"""Months of worst-case overhead and fees the plan keeps in the bank."""

RICH_RESERVES = 3
"""An EP only when the money left after it still covers this many reserves."""

RECORDS: tuple[tuple[str, int, bool], ...] = (
    ("ep", 5, True),
    ("single", 3, False),
    ("single", 1, False),
)
"""(kind, songs, needs plenty of money), in order of preference; the best producer tier the
money allows is taken."""

BUDGET_RATIOS = (0.8, 1.6)
"""Budget per song between these multiples of the price per song: as much as the money
allows, so a little more or less money changes the record a little, not all at once."""

AD_SPEND = (1_000, 4_000)
"""Digital campaign spend per record: up to the most, as the money allows, if at least the
least."""

FIRST_RECORD = 10_000
"""Money a new signing must leave for their first record, beyond the reserves."""

LAST_SIGNING_MONTHS = 4
"""No signing when fewer months than this are left: a new artist would not pay back."""


def reserve(state: GameState, content: Content) -> int:
    """Cash to keep after the plan: a few months of the worst-case overhead and fees."""
    out = money_outlook(state, [], content)
    return RESERVE_MONTHS * (out.burn_high + out.fees)


def routine_plan(draft: PlanDraft) -> None:
    """Add records or tours and marketing to ``draft`` (see the module doc)."""
    state, content = draft.state, draft.content
    keep = reserve(state, content)
    last = content.balance.campaign.length_months
    busy = {p.artist_id for p in state.projects if p.active}
    for artist_id in sorted(a.id for a in state.artists):
        if artist_id not in busy and draft.free_slots > 0:
            _record_or_tour(draft, artist_id, keep, last)
    least, most = AD_SPEND
    for p in state.projects:
        if not p.is_tour and p.stage == "production" and p.ad_spend == 0:
            spend = min(most, draft.money_after() - keep)
            if spend >= least:
                draft.try_add(MarketingPush("digital_ads", p.id, spend), keep=keep)


def signing_candidates(draft: PlanDraft) -> list[SignArtist]:
    """Artists worth signing after the plan so far: the best one (talent and popularity,
    less the cost) and the cheapest one, if a roster place is free, enough months are left
    and the money left covers the reserve and their first record."""
    state, content = draft.state, draft.content
    last = content.balance.campaign.length_months
    if len(state.artists) >= state.roster_places or last - state.month < LAST_SIGNING_MONTHS:
        return []
    keep = reserve(state, content) + FIRST_RECORD
    signed = {a.id for a in state.artists} | set(state.departed)
    budget = draft.money_after() - keep
    free = [spec for spec in content.artists
            if spec.id not in signed and spec.signing_cost <= budget]
    best = sorted(free, key=lambda a: (-(a.talent + a.popularity - a.signing_cost / 1_000), a.id))
    cheapest = sorted(free, key=lambda a: (a.signing_cost, a.id))
    out: list[SignArtist] = []
    for ranked in (best, cheapest):
        for spec in ranked:
            sign = SignArtist(spec.id)
            if draft.fits(sign, keep=keep):
                if sign not in out:
                    out.append(sign)
                break
    return out


def _record_or_tour(draft: PlanDraft, artist_id: str, keep: int, last: int) -> None:
    state, content = draft.state, draft.content
    lo, hi = BUDGET_RATIOS
    for kind, songs, rich in RECORDS:
        floor = keep * (RICH_RESERVES if rich else 1)
        spare = draft.money_after() - floor
        for tier in reversed(state.producer_tiers):
            record = StartProject(kind, artist_id, f"{kind.title()} {state.month}",
                                  song_count=songs, producer_tier=tier)
            p = preview_project(state, content, record)
            if p.release_month > last:
                break
            budget = min(p.budget_max, round(p.budget_default * hi), spare // songs)
            if budget >= max(p.budget_min, p.budget_default * lo) and draft.try_add(
                    evolve(record, budget_per_song=budget), keep=floor):
                return
    _tour(draft, artist_id, keep, last)


def _tour(draft: PlanDraft, artist_id: str, keep: int, last: int) -> None:
    """The most profitable tour by the preview's middle estimate, if it pays. Takings and
    costs both grow with the cities, so each venue is weighed at its longest tour."""
    state, content = draft.state, draft.content
    if state.month + 1 > last:
        return
    cities = content.balance.tours.cities[1]
    tours = []
    for venue in content.balance.tours.venues:
        tour = StartProject("mini_tour", artist_id, f"Tour {state.month}", venue=venue.id,
                            cities=cities)
        p = preview_project(state, content, tour)
        profit = (p.revenue_low + p.revenue_high) // 2 - p.cost
        if profit > 0:
            tours.append((-profit, venue.id, tour))
    for *_, tour in sorted(tours):
        if draft.try_add(tour, keep=keep):
            return
