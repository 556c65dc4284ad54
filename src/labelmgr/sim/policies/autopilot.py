"""The routine work of a sensible label head: sign, record, tour and market.

``routine_plan`` adds to a draft what a careful player does every month without weighing
choices. It keeps a reserve (a few months of the worst-case overhead and fees) and spends
the rest: a record for every idle artist (a big EP when the money is plenty, else a
three-song single with the best producer the money allows, else a plain one-song single;
always released before the campaign ends), a tour when no record fits and the engine's
preview says it pays, a digital campaign behind every record in production, and a new
artist while a roster place is free and the money covers their first record too. It never
takes a meeting or a conversation: those are choices, and ``balanced`` weighs them by
looking ahead. It is also how ``balanced`` plays the months it imagines.
"""

from __future__ import annotations

from dataclasses import replace

from labelmgr.content import Content
from labelmgr.engine import (
    GameState,
    MarketingPush,
    SignArtist,
    StartProject,
    money_outlook,
    preview_project,
)
from labelmgr.sim.policies.base import PlanDraft

RESERVE_MONTHS = 2
"""Months of worst-case overhead and fees the plan keeps in the bank."""

RICH_RESERVES = 3
"""An EP only when the money left after it still covers this many reserves."""

RECORDS: tuple[tuple[str, int, float, bool], ...] = (
    ("ep", 5, 1.5, True),
    ("single", 3, 1.5, False),
    ("single", 1, 1.0, False),
)
"""(kind, songs, budget per song as a multiple of the price per song, needs plenty of money),
in order of preference; the best producer tier the money allows is taken."""

AD_SPEND = 4_000
"""Digital campaign spend per record."""

FIRST_RECORD = 10_000
"""Money a new signing must leave for their first record, beyond the reserves."""

LAST_SIGNING_MONTHS = 4
"""No signing when fewer months than this are left: a new artist would not pay back."""


def reserve(state: GameState, content: Content) -> int:
    """Cash to keep after the plan: a few months of the worst-case overhead and fees."""
    out = money_outlook(state, [], content)
    return RESERVE_MONTHS * (out.burn_high + out.fees)


def routine_plan(draft: PlanDraft) -> None:
    """Add records or tours, marketing and a signing to ``draft`` (see the module doc)."""
    state, content = draft.state, draft.content
    keep = reserve(state, content)
    last = content.balance.campaign.length_months
    busy = {p.artist_id for p in state.projects if p.active}
    for artist_id in sorted(a.id for a in state.artists):
        if artist_id not in busy and draft.free_slots > 0:
            _record_or_tour(draft, artist_id, keep, last)
    for p in state.projects:
        if not p.is_tour and p.stage == "production" and p.ad_spend == 0:
            draft.try_add(MarketingPush("digital_ads", p.id, AD_SPEND), keep=keep)
    _sign(draft, keep, last)


def _sign(draft: PlanDraft, keep: int, last: int) -> None:
    """Sign the best artist the money allows (talent and popularity, less the cost)."""
    state, content = draft.state, draft.content
    if len(state.artists) >= state.roster_places or last - state.month < LAST_SIGNING_MONTHS:
        return
    signed = {a.id for a in state.artists} | set(state.departed)
    budget = draft.money_after() - 2 * keep - FIRST_RECORD
    ranked = sorted((-(spec.talent + spec.popularity - spec.signing_cost / 1_000), spec.id)
                    for spec in content.artists
                    if spec.id not in signed and spec.signing_cost <= budget)
    for _, artist_id in ranked:
        if draft.try_add(SignArtist(artist_id), keep=2 * keep + FIRST_RECORD):
            return


def _record_or_tour(draft: PlanDraft, artist_id: str, keep: int, last: int) -> None:
    state, content = draft.state, draft.content
    for kind, songs, ratio, rich in RECORDS:
        for tier in reversed(state.producer_tiers):
            record = StartProject(kind, artist_id, f"{kind.title()} {state.month}",
                                  song_count=songs, producer_tier=tier)
            p = preview_project(state, content, record)
            if p.release_month > last:
                break
            budget = min(p.budget_max, round(p.budget_default * ratio))
            if draft.try_add(replace(record, budget_per_song=budget),
                             keep=keep * (RICH_RESERVES if rich else 1)):
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
