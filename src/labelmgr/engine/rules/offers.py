"""Which meeting each executive brings this month, and which conversation each artist has.

Both are seeded draws from the state at the start of the month (streams ``meetings`` and
``conversations``), so the planner and the resolution always agree. An artist is not
offered the conversation it held last, nor one already offered to another artist that
month, while its archetype has another scene to offer. The planner and
``check_plan`` ask about the same state many times; states are immutable, so the offers of
the last state asked about are kept (by identity) and handed out again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import repeat
from operator import attrgetter

from labelmgr.content import Content
from labelmgr.content.models import Conversation, Meeting
from labelmgr.engine.memo import PinnedMemo
from labelmgr.engine.rng import first_doubles
from labelmgr.engine.rules.gates import GateContext
from labelmgr.engine.state import GameState


def gate_context(state: GameState, *, role_id: str | None = None,
                 money: int | None = None, creative_capital: int | None = None,
                 released_songs: int | None = None) -> GateContext:
    """The gate context at the start of the planned month (``released_songs`` may be passed
    in when it is already known: counting is the costly part)."""
    return GateContext(
        money=state.money if money is None else money,
        creative_capital=state.creative_capital if creative_capital is None else creative_capital,
        reputation=state.reputation,
        signed_artists=len(state.artists),
        relationship=_relationship(state, role_id),
        month=state.month,
        released_songs=state.released_song_count if released_songs is None else released_songs,
    )


def role_context(base: GateContext, state: GameState, role_id: str | None) -> GateContext:
    """``base`` (a context without a role) for one executive (None: unchanged): only the
    relationship differs, and ``base`` itself is returned when it is the same."""
    relationship = _relationship(state, role_id)
    if relationship == base.relationship:
        return base
    return GateContext(base.money, base.creative_capital, base.reputation, base.signed_artists,
                       relationship, base.month, base.released_songs)


def _relationship(state: GameState, role_id: str | None) -> int:
    """The relationship a gate sees: with the executive, or neutral (50) without one."""
    return state.relationship(role_id) if role_id else 50


class _LastOffers:
    """The offers of the last (state, content) asked about, kept by identity."""

    __slots__ = ("content", "conversations", "meetings", "state")

    def __init__(self) -> None:
        self.state: GameState | None = None
        self.content: Content | None = None
        self.meetings: dict[str, Meeting] | None = None
        self.conversations: dict[str, Conversation] | None = None

    def of(self, state: GameState, content: Content) -> _LastOffers:
        if state is not self.state or content is not self.content:
            self.state, self.content = state, content
            self.meetings = self.conversations = None
        return self


_LAST = _LastOffers()


def offered_meetings(state: GameState, content: Content) -> dict[str, Meeting]:
    """Role id -> the meeting that role brings this month (one uniform draw per role).

    The dict is shared between callers: read it, never change it.
    """
    last = _LAST.of(state, content)
    if last.meetings is None:
        last.meetings = _draw_meetings(state, content)
    return last.meetings


def offered_conversations(state: GameState, content: Content) -> dict[str, Conversation]:
    """Artist id -> the conversation that artist would have this month (shared: read only)."""
    last = _LAST.of(state, content)
    if last.conversations is None:
        last.conversations = _draw_conversations(state, content)
    return last.conversations


class _RoleGates:
    """One executive's meetings with their requirements compiled to (context index, minimum)
    checks; ``concerns_artist`` is the check "at least one signed artist"."""

    __slots__ = ("by_relationship", "meetings", "role_id")

    def __init__(self, role_id: str, meetings: Sequence[Meeting]) -> None:
        self.role_id = role_id
        self.meetings = tuple((m, _checks(m)) for m in meetings)
        self.by_relationship = any(i == _RELATIONSHIP for _, checks in self.meetings
                                   for i, _ in checks)


_FIELDS = ("money", "creative_capital", "reputation", "signed_artists", "role_relationship",
           "month", "released_songs")
"""The requirement fields, in the order of ``GateContext``'s values."""

_SIGNED, _RELATIONSHIP = _FIELDS.index("signed_artists"), _FIELDS.index("role_relationship")


def _checks(m: Meeting) -> tuple[tuple[int, int], ...]:
    req = m.requires
    checks = [(i, getattr(req, name)) for i, name in enumerate(_FIELDS)
              if getattr(req, name) is not None]
    if m.concerns_artist:
        checks.append((_SIGNED, 1))
    return tuple(checks)


class _MeetingTable:
    """Every role's compiled meetings, and which meetings are eligible, remembered by where
    each context value falls among the minimums the gates ask of its field (all gates are
    minimums, so two contexts that fall alike pass the same gates)."""

    __slots__ = ("eligible", "fields", "minimums", "relationship_minimums", "relationship_roles",
                 "roles")

    def __init__(self, content: Content) -> None:
        self.roles = tuple(_RoleGates(role.id, role.meetings) for role in content.roles)
        self.relationship_roles = tuple(r.role_id for r in self.roles if r.by_relationship)
        found: dict[int, set[int]] = {}
        for role in self.roles:
            for _, checks in role.meetings:
                for i, minimum in checks:
                    found.setdefault(i, set()).add(minimum)
        self.relationship_minimums = sorted(found.pop(_RELATIONSHIP, ()))
        self.fields = tuple(sorted(found))
        self.minimums = tuple(sorted(found[i]) for i in self.fields)
        self.eligible: dict[tuple[int, ...], tuple[tuple[Meeting, ...], ...]] = {}

    def offers_for(self, state: GameState) -> tuple[tuple[Meeting, ...], ...]:
        """Per role (content order), the meetings whose gates the state meets."""
        values = (state.money, state.creative_capital, state.reputation, len(state.artists), 0,
                  state.month, state.released_song_count)  # gate_context's, in _FIELDS order
        key = (*map(bisect_right, self.minimums, map(values.__getitem__, self.fields)),
               *map(bisect_right, repeat(self.relationship_minimums),
                    map(state.relationship, self.relationship_roles)))
        hit = self.eligible.get(key)
        if hit is None:
            if len(self.eligible) >= 4096:
                self.eligible.clear()
            hit = self.eligible[key] = tuple(
                self._eligible(role, values, state) for role in self.roles)
        return hit

    @staticmethod
    def _eligible(role: _RoleGates, values: tuple[int, ...],
                  state: GameState) -> tuple[Meeting, ...]:
        if role.by_relationship:
            values = (*values[:_RELATIONSHIP], state.relationship(role.role_id),
                      *values[_RELATIONSHIP + 1:])
        out = []
        for m, checks in role.meetings:
            for i, minimum in checks:
                if values[i] < minimum:
                    break
            else:
                out.append(m)
        return tuple(out)


_TABLES: PinnedMemo[_MeetingTable] = PinnedMemo(limit=16)
"""The compiled meeting table of each content, by its identity."""


def _draw_meetings(state: GameState, content: Content) -> dict[str, Meeting]:
    table = _TABLES.of(content, _MeetingTable)
    eligible = table.offers_for(state)
    draws = first_doubles(state.seed, state.month, "meetings", len(eligible))
    offers: dict[str, Meeting] = {}
    for role, meetings, u in zip(table.roles, eligible, draws, strict=True):
        if meetings:  # Python floats: the same doubles as numpy's
            offers[role.role_id] = meetings[int(u * len(meetings))]
    return offers


_ID = attrgetter("id")


def _draw_conversations(state: GameState, content: Content) -> dict[str, Conversation]:
    """One draw per artist (in id order) among its archetype's scenes, leaving out the one
    it held last and those already offered to another artist this month while any other
    scene is left."""
    artists = sorted(state.artists, key=_ID)
    if not artists:
        return {}
    draws = first_doubles(state.seed, state.month, "conversations", len(artists))
    offers: dict[str, Conversation] = {}
    offered: set[str] = set()
    held = state.conversations_held
    for artist, u in zip(artists, draws, strict=True):
        scenes = content.conversations_by_archetype.get(artist.archetype, ())
        if not scenes:
            continue
        last = held.get(artist.id)
        if last is not None or offered:
            fresh = [s for s in scenes if s.id != last and s.id not in offered]
            scenes = fresh or [s for s in scenes if s.id != last] or scenes
        scene = offers[artist.id] = scenes[int(u * len(scenes))]
        offered.add(scene.id)
    return offers
