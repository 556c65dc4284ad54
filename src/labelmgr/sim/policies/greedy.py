"""``greedy``: the best immediate money, every time.

It answers an event and fills its slots with the meeting choices that bring the most
money this month (never a choice that costs money), books a tour only when the engine's
preview says the worst case pays for it, and never records, markets or signs: investments
pay later, and greedy does not wait.
"""

from __future__ import annotations

from typing import ClassVar

from labelmgr.content import Content
from labelmgr.engine import (
    Action,
    GameState,
    ResolveEvent,
    StartProject,
    TakeMeeting,
    plan_options,
    preview_project,
)
from labelmgr.engine.options import ChoiceOption
from labelmgr.sim.policies.base import PlanDraft


def immediate_money(option: ChoiceOption) -> int:
    """The money a choice brings (or costs) when its month resolves."""
    return option.choice.effects_immediate.money or 0


class GreedyPolicy:
    """Takes money now; ties go to the choice listed first."""

    name: ClassVar[str] = "greedy"

    def __init__(self, content: Content, seed: int) -> None:
        self.content = content

    def plan(self, state: GameState) -> list[Action]:
        draft = PlanDraft(state, self.content)
        opts = plan_options(state, [], self.content)
        if opts.event is not None:
            best = _richest([c for c in opts.event.choices if c.gate is None])
            if best is not None:
                draft.try_add(ResolveEvent(best.choice.id))
        self._tours(state, draft, opts.idle_artists, opts.venues)
        offers = []
        for m in opts.meetings:
            best = _richest([c for c in m.choices if c.gate is None])
            if best is not None and immediate_money(best) > 0:
                offers.append((-immediate_money(best), m.role.id, m.meeting.id, best.choice.id))
        for _, role_id, meeting_id, choice_id in sorted(offers):
            draft.try_add(TakeMeeting(role_id, meeting_id, choice_id))
        return draft.actions

    def _tours(self, state: GameState, draft: PlanDraft, artists: tuple[str, ...],
               venues: tuple[str, ...]) -> None:
        lo, hi = self.content.balance.tours.cities
        last = self.content.balance.campaign.length_months
        for artist_id in artists:
            best: tuple[int, StartProject] | None = None
            for venue in venues:
                for cities in range(lo, hi + 1):
                    tour = StartProject("mini_tour", artist_id, f"Tour {state.month}",
                                        venue=venue, cities=cities)
                    p = preview_project(state, self.content, tour)
                    profit = p.revenue_low - p.cost
                    if p.release_month <= last and profit > 0 and (best is None
                                                                   or profit > best[0]):
                        best = (profit, tour)
            if best is not None:
                draft.try_add(best[1])


def _richest(options: list[ChoiceOption]) -> ChoiceOption | None:
    """The option with the most immediate money (the first of equals), or None."""
    best: ChoiceOption | None = None
    for o in options:
        if best is None or immediate_money(o) > immediate_money(best):
            best = o
    return best
