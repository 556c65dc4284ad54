"""``random``: each pick is uniform among the actions the planner offers (or stopping).

It measures the engine rather than any judgement. A pick is uniform over the offered
meeting and conversation choices, signings, a single, an EP and a tour for every idle
artist, and a push for every record in production, plus "stop planning"; a record's or
tour's settings and a push's kind and spend are drawn uniformly from what the rules allow
once it is picked. A pick the plan cannot take is dropped and another is drawn, which is
the same as drawing among the valid ones (the cheap cases, such as a full set of slots,
are dropped before they are drawn). Once a pick is taken, the picks that can no longer join
the plan (the same executive, artist conversation, artist project or signing: the same
clash key) are dropped too.
"""

from __future__ import annotations

import random
from dataclasses import replace
from typing import ClassVar

from labelmgr.content import Content
from labelmgr.engine import (
    Action,
    GameState,
    MarketingPush,
    ResolveEvent,
    SignArtist,
    StartProject,
    TakeMeeting,
    TalkToArtist,
    plan_options,
    preview_project,
)
from labelmgr.sim.policies.base import PlanDraft

Recipe = tuple[str, str | int]
"""A pick whose settings are drawn when it is taken: ("single" | "ep" | "mini_tour",
artist id) or ("marketing", project id)."""

Pick = tuple[tuple[str, str] | None, Action | Recipe]
"""(clash key, pick): picks with the key of a taken one can no longer join the plan (None:
a push never rules out another)."""


class RandomPolicy:
    """Uniform among valid actions, with its own seeded dice."""

    name: ClassVar[str] = "random"

    def __init__(self, content: Content, seed: int) -> None:
        self.content = content
        self.rng = random.Random(seed)
        b = content.balance
        self._kinds = sorted(b.projects.types)
        self._times = [t.id for t in b.projects.time_investments]
        self._pushes = sorted(b.marketing)

    def plan(self, state: GameState) -> list[Action]:
        draft = PlanDraft(state, self.content)
        opts = plan_options(state, [], self.content)
        if opts.event is not None:
            open_choices = [c.choice.id for c in opts.event.choices if c.gate is None]
            if open_choices:
                draft.try_add(ResolveEvent(self.rng.choice(open_choices)))
        picks: list[Pick] = []
        for m in opts.meetings:
            key = ("meeting", m.role.id)
            picks.extend((key, TakeMeeting(m.role.id, m.meeting.id, c.choice.id))
                         for c in m.choices if c.gate is None)
        for conv in opts.conversations:
            key = ("talk", conv.artist_id)
            picks.extend((key, TalkToArtist(conv.artist_id, conv.conversation.id, c.choice.id))
                         for c in conv.choices if c.gate is None)
        picks.extend((("sign", s.artist.id), SignArtist(s.artist.id))
                     for s in opts.signings if s.gate is None)
        for artist_id in opts.idle_artists:
            key = ("project", artist_id)
            picks.extend((key, (kind, artist_id)) for kind in self._kinds)
            if opts.venues:
                picks.append((key, ("mini_tour", artist_id)))
        picks.extend((None, ("marketing", pid)) for pid in opts.marketing_targets)
        self._draw(draft, picks, opts.producer_tiers, opts.venues)
        return draft.actions

    def _draw(self, draft: PlanDraft, picks: list[Pick], tiers: tuple[str, ...],
              venues: tuple[str, ...]) -> None:
        rng = self.rng
        while picks:
            if draft.free_slots <= 0:
                picks = [p for p in picks if type(p[1]) is SignArtist]
                if not picks:
                    return
            i = rng.randrange(len(picks) + 1)
            if i == len(picks):
                return
            picks[i], picks[-1] = picks[-1], picks[i]
            key, pick = picks.pop()
            action = pick if not isinstance(pick, tuple) else self._settle(draft.state, pick,
                                                                            tiers, venues)
            if draft.try_add(action) and key is not None:
                picks = [p for p in picks if p[0] != key]

    def _settle(self, state: GameState, recipe: Recipe, tiers: tuple[str, ...],
                venues: tuple[str, ...]) -> Action:
        """Draw the settings of a picked record, tour or push."""
        rng, b = self.rng, self.content.balance
        kind, target = recipe
        if kind == "marketing":
            push = rng.choice(self._pushes)
            lo, hi = b.marketing[push].spend
            return MarketingPush(push, int(target), rng.randint(lo, hi))
        artist_id = str(target)
        if kind == "mini_tour":
            lo, hi = b.tours.cities
            return StartProject("mini_tour", artist_id, f"Tour {state.month}",
                                venue=rng.choice(venues), cities=rng.randint(lo, hi))
        ptype = b.projects.types[kind]
        record = StartProject(kind, artist_id, f"{ptype.name} {state.month}",
                              song_count=rng.randint(ptype.min_songs, ptype.max_songs),
                              producer_tier=rng.choice(tiers),
                              time_investment=rng.choice(self._times))
        preview = preview_project(state, self.content, record)
        return replace(record, budget_per_song=rng.randint(preview.budget_min,
                                                           preview.budget_max))
