"""Which meeting each executive brings this month, and which conversation each artist has.

Both are seeded draws from the state at the start of the month (streams ``meetings`` and
``conversations``), so the planner and the resolution always agree.
"""

from __future__ import annotations

from labelmgr.content import Content
from labelmgr.content.models import Conversation, Meeting
from labelmgr.engine.rng import stream
from labelmgr.engine.rules.gates import GateContext, requirement_gap
from labelmgr.engine.state import GameState


def gate_context(state: GameState, *, role_id: str | None = None,
                 money: int | None = None, creative_capital: int | None = None) -> GateContext:
    """The gate context at the start of the planned month."""
    return GateContext(
        money=state.money if money is None else money,
        creative_capital=state.creative_capital if creative_capital is None else creative_capital,
        reputation=state.reputation,
        signed_artists=len(state.artists),
        relationship=state.relationship(role_id) if role_id else 50,
        month=state.month,
        released_songs=state.released_song_count,
    )


def offered_meetings(state: GameState, content: Content) -> dict[str, Meeting]:
    """Role id -> the meeting that role brings this month (one uniform draw per role)."""
    rng = stream(state.seed, state.month, "meetings")
    draws = rng.random(len(content.roles))
    offers: dict[str, Meeting] = {}
    for role, u in zip(content.roles, draws, strict=True):
        ctx = gate_context(state, role_id=role.id)
        eligible = [m for m in role.meetings
                    if requirement_gap(m.requires, ctx) is None
                    and (not m.concerns_artist or state.artists)]
        if eligible:
            offers[role.id] = eligible[int(u * len(eligible))]
    return offers


def offered_conversations(state: GameState, content: Content) -> dict[str, Conversation]:
    """Artist id -> the conversation that artist would have this month."""
    artists = sorted(state.artists, key=lambda a: a.id)
    if not artists:
        return {}
    rng = stream(state.seed, state.month, "conversations")
    draws = rng.random(len(artists))
    offers: dict[str, Conversation] = {}
    for artist, u in zip(artists, draws, strict=True):
        scenes = content.conversations_by_archetype.get(artist.archetype, ())
        if scenes:
            offers[artist.id] = scenes[int(u * len(scenes))]
    return offers
