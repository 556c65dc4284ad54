"""Which meeting each executive brings this month, and which conversation each artist has.

Both are seeded draws from the state at the start of the month (streams ``meetings`` and
``conversations``), so the planner and the resolution always agree. The planner and
``check_plan`` ask about the same state many times; states are immutable, so the offers of
the last state asked about are kept (by identity) and handed out again.
"""

from __future__ import annotations

from collections.abc import Sequence

from labelmgr.content import Content
from labelmgr.content.models import Conversation, Meeting, Requires
from labelmgr.engine.memo import PinnedMemo
from labelmgr.engine.rng import stream
from labelmgr.engine.rules.gates import GateContext, unmet
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


_GATES: PinnedMemo[tuple[tuple[Meeting, Requires | None, bool], ...]] = PinnedMemo()
"""Each meeting of a role with its requirements (None: it has none) and whether they
include the relationship with the role, by the identity of the role's meeting tuple."""


def _meeting_gates(meetings: Sequence[Meeting]) -> tuple[tuple[Meeting, Requires | None,
                                                                bool], ...]:
    def make() -> tuple[tuple[Meeting, Requires | None, bool], ...]:
        out = []
        for m in meetings:
            req = m.requires
            out.append((m, None if req.is_empty() else req, req.role_relationship is not None))
        return tuple(out)

    return _GATES.get(meetings, None, make)


def _draw_meetings(state: GameState, content: Content) -> dict[str, Meeting]:
    rng = stream(state.seed, state.month, "meetings")
    draws = rng.random(len(content.roles)).tolist()  # Python floats: the same doubles
    base = gate_context(state)
    signed = bool(state.artists)
    offers: dict[str, Meeting] = {}
    for role, u in zip(content.roles, draws, strict=True):
        role_ctx: GateContext | None = None  # built only for a relationship requirement
        eligible = []
        for m, req, by_role in _meeting_gates(role.meetings):
            if m.concerns_artist and not signed:
                continue
            if req is not None:
                ctx = base
                if by_role:
                    if role_ctx is None:
                        role_ctx = role_context(base, state, role.id)
                    ctx = role_ctx
                if unmet(req, ctx) is not None:
                    continue
            eligible.append(m)
        if eligible:
            offers[role.id] = eligible[int(u * len(eligible))]
    return offers


def _draw_conversations(state: GameState, content: Content) -> dict[str, Conversation]:
    artists = sorted(state.artists, key=lambda a: a.id)
    if not artists:
        return {}
    rng = stream(state.seed, state.month, "conversations")
    draws = rng.random(len(artists)).tolist()
    offers: dict[str, Conversation] = {}
    for artist, u in zip(artists, draws, strict=True):
        scenes = content.conversations_by_archetype.get(artist.archetype, ())
        if scenes:
            offers[artist.id] = scenes[int(u * len(scenes))]
    return offers
