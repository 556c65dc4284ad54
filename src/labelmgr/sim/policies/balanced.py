"""``balanced``: a sensible label head who weighs every choice by looking ahead.

Each month it does the routine work (``autopilot.routine_plan``: record, tour, market),
answers the pending event, signs one of the artists ``autopilot.signing_candidates`` proposes
(before the routine spends) if the look-ahead says it pays, and fills its free slots with a
conversation for
every artist who needs one and then meetings, in a seeded random order. For every choice it
resolves the month with that choice in the plan (``advance_month``), plays the rest of the
campaign with the routine alone, and reads the final score: the choice with the best score
outlook wins, and a meeting (or conversation) whose best choice does not beat leaving the
slot empty is not taken. So its pick rates say something about the content.

The routine never spends creative capital or goodwill with the executives, so the
outlook adds what those are worth while months remain (``CC_VALUE``, ``GOODWILL_VALUE``).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import ClassVar

from labelmgr.content import Content
from labelmgr.engine import (
    Action,
    GameState,
    ResolveEvent,
    TakeMeeting,
    TalkToArtist,
    advance_month,
    plan_options,
)
from labelmgr.engine.options import Options
from labelmgr.sim.policies.autopilot import routine_plan, signing_candidates
from labelmgr.sim.policies.base import PlanDraft

CC_VALUE = 0.1
"""Score points one creative capital is worth with the whole campaign ahead."""

GOODWILL_VALUE = 0.01
"""Score points one point of relationship with an executive is worth, likewise."""

Outlook = tuple[bool, float, int]
"""(solvent, score outlook, final money), compared as a tuple: any future without
bankruptcy beats one with it, then the score decides, and money breaks ties."""


class BalancedPolicy:
    """Routine work plus look-ahead choices."""

    name: ClassVar[str] = "balanced"

    def __init__(self, content: Content, seed: int) -> None:
        self.content = content
        self.rng = random.Random(seed)
        self._seen: dict[tuple[int, tuple[Action, ...]], Outlook] = {}

    def plan(self, state: GameState) -> list[Action]:
        opts = plan_options(state, [], self.content)
        head: list[Action] = []
        if opts.event is not None:
            routine = PlanDraft(state, self.content)
            routine_plan(routine)
            answers = [ResolveEvent(c.choice.id) for c in opts.event.choices if c.gate is None]
            best = self._best(state, [], answers, routine.actions)
            if best is not None:
                head.append(best[0])
        draft, baseline = self._sign_or_not(state, head)
        for choices in self._decisions(state, opts)[:draft.free_slots]:
            best = self._best(state, draft.actions, choices, ())
            if best is not None and best[1] > baseline and draft.try_add(best[0]):
                baseline = best[1]
        return draft.actions

    def _sign_or_not(self, state: GameState, head: list[Action]) -> tuple[PlanDraft, Outlook]:
        """The routine work after ``head``, with or without a signing first (the signing
        takes money the records would have had): whichever has the better outlook."""
        base = PlanDraft(state, self.content)
        for a in head:
            base.try_add(a)
        best: tuple[Outlook, PlanDraft] | None = None
        for sign in [None, *signing_candidates(base)]:
            draft = PlanDraft(state, self.content)
            for a in head if sign is None else [*head, sign]:
                draft.try_add(a)
            routine_plan(draft)
            outlook = self.outlook(state, draft.actions)
            if best is None or outlook > best[0]:
                best = (outlook, draft)
        assert best is not None
        return best[1], best[0]

    def _decisions(self, state: GameState, opts: Options) -> list[list[Action]]:
        """What to weigh for the free slots: first a conversation with every artist who
        needs one (unhappy, or about to feel ignored), then the meetings in a seeded
        random order. Each is the list of its choices the plan can take."""
        cfg = self.content.balance.artists
        artists = {a.id: a for a in state.artists}
        talks = []
        for conv in opts.conversations:
            a = artists[conv.artist_id]
            if a.mood <= cfg.happy_mood or (state.month - a.last_attention_month
                                            >= cfg.neglect_months - 1):
                talks.append([TalkToArtist(conv.artist_id, conv.conversation.id, c.choice.id)
                              for c in conv.choices if c.gate is None])
        meetings = [[TakeMeeting(m.role.id, m.meeting.id, c.choice.id)
                     for c in m.choices if c.gate is None] for m in opts.meetings]
        self.rng.shuffle(meetings)
        return [d for d in talks + meetings if d]

    def _best(self, state: GameState, head: Sequence[Action], options: Sequence[Action],
              tail: Sequence[Action]) -> tuple[Action, Outlook] | None:
        """The option with the best outlook when planned after ``head`` (then ``tail``);
        equal outlooks are settled by the policy's dice."""
        scored: list[tuple[Outlook, Action]] = []
        for option in options:
            draft = PlanDraft(state, self.content)
            for a in head:
                draft.try_add(a)
            if not draft.try_add(option):
                continue
            for a in tail:
                draft.try_add(a)
            scored.append((self.outlook(state, draft.actions), option))
        if not scored:
            return None
        top = max(o for o, _ in scored)
        winners = [a for o, a in scored if o == top]
        return self.rng.choice(winners), top

    def outlook(self, state: GameState, actions: Sequence[Action]) -> Outlook:
        """Resolve the month with ``actions``, play the rest with the routine, read the score.

        Remembered for the month being planned (the same plan is often weighed twice).
        """
        key = (state.month, tuple(actions))
        seen = self._seen.get(key)
        if seen is None:
            if self._seen and next(iter(self._seen))[0] != state.month:
                self._seen.clear()
            seen = self._seen[key] = self._play_out(state, actions)
        return seen

    def _play_out(self, state: GameState, actions: Sequence[Action]) -> Outlook:
        content = self.content
        after = advance_month(state, actions, content).state
        length = content.balance.campaign.length_months
        left = max(0, length - after.month + 1) / length
        extra = left * (CC_VALUE * after.creative_capital
                        + GOODWILL_VALUE * sum(v - 50 for v in after.relationships.values()))
        s = after
        while not s.campaign_complete:
            draft = PlanDraft(s, content)
            routine_plan(draft)
            s = advance_month(s, draft.actions, content).state
        assert s.results is not None
        return not s.results.bankrupt, round(s.results.score + extra, 3), s.money

