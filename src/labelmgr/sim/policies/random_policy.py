"""``random``: each pick is uniform among the actions the planner offers (or stopping).

It measures the engine rather than any judgement: a project's settings, a marketing
push's spend and a tour's size are drawn uniformly from what the rules allow.
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
    Options,
    ResolveEvent,
    SignArtist,
    StartProject,
    TakeMeeting,
    TalkToArtist,
    plan_options,
    preview_project,
)
from labelmgr.sim.policies.base import PlanDraft


class RandomPolicy:
    """Uniform among valid actions, with its own seeded dice."""

    name: ClassVar[str] = "random"

    def __init__(self, content: Content, seed: int) -> None:
        self.content = content
        self.rng = random.Random(seed)

    def plan(self, state: GameState) -> list[Action]:
        draft = PlanDraft(state, self.content)
        opts = plan_options(state, [], self.content)
        if opts.event is not None:
            open_choices = [c.choice.id for c in opts.event.choices if c.gate is None]
            if open_choices:
                draft.try_add(ResolveEvent(self.rng.choice(open_choices)))
        cands = self._candidates(state, opts)
        while cands:
            pick = self.rng.randrange(len(cands) + 1)
            if pick == len(cands):
                break
            cands[pick], cands[-1] = cands[-1], cands[pick]
            draft.try_add(cands.pop())
        return draft.actions

    def _candidates(self, state: GameState, opts: Options) -> list[Action]:
        out: list[Action] = []
        for m in opts.meetings:
            out.extend(TakeMeeting(m.role.id, m.meeting.id, c.choice.id)
                       for c in m.choices if c.gate is None)
        for conv in opts.conversations:
            out.extend(TalkToArtist(conv.artist_id, conv.conversation.id, c.choice.id)
                       for c in conv.choices if c.gate is None)
        out.extend(SignArtist(s.artist.id) for s in opts.signings if s.gate is None)
        for artist_id in opts.idle_artists:
            out.extend(self._projects(state, opts, artist_id))
        for pid in opts.marketing_targets:
            kind = self.rng.choice(sorted(self.content.balance.marketing))
            lo, hi = self.content.balance.marketing[kind].spend
            out.append(MarketingPush(kind, pid, self.rng.randint(lo, hi)))
        return out

    def _projects(self, state: GameState, opts: Options, artist_id: str) -> list[Action]:
        b = self.content.balance
        rng = self.rng
        out: list[Action] = []
        for kind in sorted(b.projects.types):
            ptype = b.projects.types[kind]
            tier = rng.choice(opts.producer_tiers)
            time = rng.choice([t.id for t in b.projects.time_investments])
            songs = rng.randint(ptype.min_songs, ptype.max_songs)
            draft = StartProject(kind, artist_id, f"{ptype.name} {state.month}",
                                 song_count=songs, producer_tier=tier, time_investment=time)
            preview = preview_project(state, self.content, draft)
            budget = rng.randint(preview.budget_min, preview.budget_max)
            out.append(replace(draft, budget_per_song=budget))
        if opts.venues:
            lo, hi = b.tours.cities
            out.append(StartProject("mini_tour", artist_id, f"Tour {state.month}",
                                    venue=rng.choice(opts.venues), cities=rng.randint(lo, hi)))
        return out

