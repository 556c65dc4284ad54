"""``random``: each pick is uniform among the actions the plan can take (or stopping).

It measures the engine rather than any judgement. The candidates come from the engine's
``plan_candidates``, unchecked: every choice of the offered meetings and conversations, a
signing for every free artist, a single, an EP and a tour for every idle artist, and a push
for every record in production, plus "stop planning"; a record's or tour's settings and a
push's kind and spend are drawn uniformly from what the rules allow once it is picked. The
plan checks every pick (``PlanDraft.try_add``); a pick it refuses is dropped and another is
drawn, which is the same as drawing among the valid ones (the cheap cases, a full set of
slots or a full roster, are dropped before they are drawn). Once a pick is taken, the picks
that can no longer join the plan (its rivals: the other choices of the same meeting or
conversation, the artist's other projects) are dropped too, the others keeping their order.
The event's answer is drawn the same way, among its choices, before anything else.
"""

from __future__ import annotations

import random
from typing import ClassVar

from labelmgr.content import Content
from labelmgr.content.models import Conversation, Meeting
from labelmgr.engine import (
    Action,
    Candidates,
    GameState,
    MarketingPush,
    ResolveEvent,
    SignArtist,
    StartProject,
    TakeMeeting,
    TalkToArtist,
    budget_range,
    plan_candidates,
)
from labelmgr.engine.evolve import evolve
from labelmgr.engine.memo import PinnedMemo
from labelmgr.sim.policies.base import PlanDraft

Recipe = tuple[str, ...] | tuple[str, int]
"""What a pick becomes once it is drawn, by its first item: ("meeting", role id, meeting id,
choice id), ("talk", artist id, conversation id, choice id), ("sign", artist id), ("single" |
"ep" | "mini_tour", artist id; settings drawn when taken) or ("marketing", project id)."""


class Pick:
    """One thing the plan may try: its recipe; its action when it has no settings to draw
    (a meeting's or conversation's choice, a signing: made once, and since actions are
    immutable one object serves every plan; None: built when drawn); and its rivals, the
    picks that can no longer join the plan once it is taken (the other choices of the same
    meeting or conversation, the artist's other projects; none for a signing or a push). A
    pick equals only itself, so ``list.remove`` finds it by identity."""

    __slots__ = ("action", "recipe", "rivals", "signing")

    def __init__(self, recipe: Recipe, action: Action | None = None) -> None:
        self.recipe = recipe
        self.action = action
        self.signing = recipe[0] == "sign"
        self.rivals: tuple[Pick, ...] = ()


def _rivals(picks: list[Pick]) -> list[Pick]:
    """Make each of ``picks`` the others' rival; returns them."""
    for pick in picks:
        pick.rivals = tuple(p for p in picks if p is not pick)
    return picks


class _Made:
    """What every campaign with the same content shares (never changed once made): the
    picks of each (kind, who, scene), of each artist's projects (with or without a tour)
    and signing."""

    __slots__ = ("picks", "projects", "signings")

    def __init__(self) -> None:
        self.picks: dict[tuple[str, str, str], list[Pick]] = {}
        self.projects: dict[tuple[str, bool], list[Pick]] = {}
        self.signings: dict[str, Pick] = {}


_MADE: PinnedMemo[_Made] = PinnedMemo(limit=16)
"""Per content: its ``_Made``."""

_SCENE_ACTIONS: dict[str, type[TakeMeeting] | type[TalkToArtist]] = {
    "meeting": TakeMeeting, "talk": TalkToArtist}


class RandomPolicy:
    """Uniform among valid actions, with its own seeded dice."""

    name: ClassVar[str] = "random"

    def __init__(self, content: Content, seed: int) -> None:
        self.content = content
        self.rng = random.Random(seed)
        self._bits = self.rng.getrandbits
        b = content.balance
        self._kinds = sorted(b.projects.types)
        self._times = [t.id for t in b.projects.time_investments]
        self._pushes = sorted(b.marketing)
        made = _MADE.get(content, None, _Made)
        self._made, self._projects, self._signings = made.picks, made.projects, made.signings

    def _scene_picks(self, kind: str, who: str, scene: Meeting | Conversation) -> list[Pick]:
        """Make the picks of a meeting's or conversation's choices (once per content and
        scene: every campaign with the same content shares them, from ``_made``; they are
        never changed)."""
        make = _SCENE_ACTIONS[kind]
        made = self._made[(kind, who, scene.id)] = _rivals([
            Pick((kind, who, scene.id, c.id), make(who, scene.id, c.id))
            for c in scene.choices])
        return made

    def _project_picks(self, artist_id: str, tours: bool) -> list[Pick]:
        """An idle artist's project picks: every record kind, and a tour when a venue is
        open (made once per content, artist and tour flag; never changed)."""
        made = self._projects.get((artist_id, tours))
        if made is None:
            made = [Pick((kind, artist_id)) for kind in self._kinds]
            if tours:
                made.append(Pick(("mini_tour", artist_id)))
            made = self._projects[(artist_id, tours)] = _rivals(made)
        return made

    def _signing_pick(self, artist_id: str) -> Pick:
        pick = self._signings.get(artist_id)
        if pick is None:
            pick = self._signings[artist_id] = Pick(("sign", artist_id), SignArtist(artist_id))
        return pick

    def plan(self, state: GameState) -> list[Action]:
        draft = PlanDraft(state, self.content)
        cand = plan_candidates(state, self.content)
        if cand.event is not None:
            answers = [c.id for c in cand.event.choices]
            while answers:
                i = self._below(len(answers))
                answers[i], answers[-1] = answers[-1], answers[i]
                if draft.try_add(ResolveEvent(answers.pop())):
                    break
        picks: list[Pick] = []
        made = self._made
        for role_id, meeting in cand.meetings:
            picks += (made.get(("meeting", role_id, meeting.id))
                      or self._scene_picks("meeting", role_id, meeting))
        for artist_id, conv in cand.conversations:
            picks += (made.get(("talk", artist_id, conv.id))
                      or self._scene_picks("talk", artist_id, conv))
        if cand.roster_places_left:
            picks += [self._signing_pick(aid) for aid in cand.free_artists]
        tours = bool(cand.venues)
        for artist_id in cand.idle_artists:
            picks += self._project_picks(artist_id, tours)
        picks += [Pick(("marketing", pid)) for pid in cand.marketing_targets]
        self._draw(draft, picks, cand)
        return draft.actions

    def _below(self, n: int) -> int:
        """A uniform integer in ``[0, n)``, drawn as ``random.randrange(n)`` draws it
        (``n.bit_length()`` random bits; a value of ``n`` or more is drawn again)."""
        bits = n.bit_length()
        i = self._bits(bits)
        while i >= n:
            i = self._bits(bits)
        return i

    def _draw(self, draft: PlanDraft, picks: list[Pick], cand: Candidates) -> None:
        below = self._below
        places = cand.roster_places_left
        free = draft.free_slots
        while picks:
            if free <= 0:
                if places <= 0:  # no signing picks either: none added, or all dropped
                    return
                picks = [p for p in picks if p.signing]
                if not picks:
                    return
            i = below(len(picks) + 1)
            if i == len(picks):
                return
            picks[i], picks[-1] = picks[-1], picks[i]
            pick = picks.pop()
            action = pick.action
            if action is None:
                action = self._action(draft.state, pick.recipe, cand)
            if not draft.try_add(action):
                continue
            if pick.signing:  # a signing has no rivals
                places -= 1
                if places <= 0:
                    picks = [p for p in picks if not p.signing]
                continue
            free -= 1  # every other pick takes a slot
            if free > 0:  # slots full: the next pass keeps the signings alone
                for rival in pick.rivals:  # out of the list, its order kept
                    try:  # noqa: SIM105 (a rival is rarely missing: no context manager each)
                        picks.remove(rival)
                    except ValueError:  # refused earlier this month: already out
                        pass

    def _action(self, state: GameState, recipe: Recipe, cand: Candidates) -> Action:
        """The action of a drawn pick with settings (a record's, tour's or push's, drawn
        now)."""
        rng, b = self.rng, self.content.balance
        kind = recipe[0]
        target = recipe[1]
        if kind == "marketing":
            push = rng.choice(self._pushes)
            lo, hi = b.marketing[push].spend
            return MarketingPush(push, int(target), rng.randint(lo, hi))
        artist_id = str(target)
        if kind == "mini_tour":
            lo, hi = b.tours.cities
            return StartProject("mini_tour", artist_id, f"Tour {state.month}",
                                venue=rng.choice(cand.venues), cities=rng.randint(lo, hi))
        ptype = b.projects.types[kind]
        record = StartProject(kind, artist_id, f"{ptype.name} {state.month}",
                              song_count=rng.randint(ptype.min_songs, ptype.max_songs),
                              producer_tier=rng.choice(cand.producer_tiers),
                              time_investment=rng.choice(self._times))
        lo, hi = budget_range(self.content, record)
        return evolve(record, budget_per_song=rng.randint(lo, hi))
