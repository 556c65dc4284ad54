"""The routine work of a sensible label head: sign, record, tour and market.

``routine_plan`` adds to a draft what a careful player does every month without weighing
choices: it signs an artist while a roster place is free and the money allows, starts a
record for every idle artist (the best producer the reserve allows, released before the
campaign ends), books a tour when no record fits and the engine's preview says it pays,
and puts a digital campaign behind records in production. It never takes a meeting or a
conversation: those are choices, and ``balanced`` weighs them by looking ahead. It is also
how ``balanced`` plays the months it imagines.
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

RESERVE_MONTHS = 3
"""Months of overhead and fees the plan keeps in the bank."""

BUDGET_RATIO = 1.5
"""Budget per song as a multiple of the price per song."""

AD_SPEND = 4_000
"""Digital campaign spend per record."""

LAST_SIGNING_MONTHS = 4
"""No signing when fewer months than this are left: a new artist would not pay back."""


def reserve(state: GameState, content: Content) -> int:
    """Cash to keep after the plan: a few months of the worst-case overhead and fees."""
    out = money_outlook(state, [], content)
    return RESERVE_MONTHS * (out.burn_high + out.fees)


def routine_plan(draft: PlanDraft) -> None:
    """Add signings, records or tours, and marketing to ``draft`` (see the module doc)."""
    state, content = draft.state, draft.content
    keep = reserve(state, content)
    last = content.balance.campaign.length_months
    _sign(draft, keep, last)
    busy = {p.artist_id for p in state.projects if p.active}
    for artist_id in sorted(a.id for a in state.artists):
        if artist_id not in busy and draft.free_slots > 0:
            _record_or_tour(draft, artist_id, keep, last)
    for p in state.projects:
        if not p.is_tour and p.stage == "production" and p.ad_spend == 0:
            draft.try_add(MarketingPush("digital_ads", p.id, AD_SPEND), keep=keep)


def _sign(draft: PlanDraft, keep: int, last: int) -> None:
    state, content = draft.state, draft.content
    if len(state.artists) >= state.roster_places or last - state.month < LAST_SIGNING_MONTHS:
        return
    signed = {a.id for a in state.artists} | set(state.departed)
    ranked = sorted((-(spec.talent + spec.popularity - spec.signing_cost / 1_000), spec.id)
                    for spec in content.artists if spec.id not in signed)
    for _, artist_id in ranked:
        if draft.try_add(SignArtist(artist_id), keep=2 * keep):
            return


def _record_or_tour(draft: PlanDraft, artist_id: str, keep: int, last: int) -> None:
    state, content = draft.state, draft.content
    for kind, songs in (("ep", 3), ("single", 1)):
        for tier in reversed(state.producer_tiers):
            record = StartProject(kind, artist_id, f"{kind.title()} {state.month}",
                                  song_count=songs, producer_tier=tier)
            p = preview_project(state, content, record)
            budget = min(p.budget_max, round(p.budget_default * BUDGET_RATIO))
            if p.release_month <= last and draft.try_add(
                    replace(record, budget_per_song=budget), keep=keep):
                return
    _tour(draft, artist_id, keep, last)


def _tour(draft: PlanDraft, artist_id: str, keep: int, last: int) -> None:
    """The most profitable tour by the preview's middle estimate, if it pays (the
    shortest and the longest tour of each venue are weighed: takings and costs grow with
    the cities alike)."""
    state, content = draft.state, draft.content
    if state.month + 1 > last:
        return
    lo, hi = content.balance.tours.cities
    tours = []
    for venue in content.balance.tours.venues:
        for cities in (lo, hi):
            tour = StartProject("mini_tour", artist_id, f"Tour {state.month}", venue=venue.id,
                                cities=cities)
            p = preview_project(state, content, tour)
            profit = (p.revenue_low + p.revenue_high) // 2 - p.cost
            if profit > 0:
                tours.append((-profit, venue.id, cities, tour))
    for *_, tour in sorted(tours):
        if draft.try_add(tour, keep=keep):
            return
