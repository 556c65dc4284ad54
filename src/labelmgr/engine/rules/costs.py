"""What an action costs in money and creative capital: the one function the planner,
the previews and the month resolution all use."""

from __future__ import annotations

from collections.abc import Sequence

from labelmgr.content import Content
from labelmgr.engine.actions import (
    Action,
    MarketingPush,
    ResolveEvent,
    SignArtist,
    StartProject,
    TakeMeeting,
    TalkToArtist,
)
from labelmgr.engine.rules.choices import choice_by_id
from labelmgr.engine.rules.modifiers import total
from labelmgr.engine.rules.pricing import apply_discount, default_budget, project_price, tour_cost
from labelmgr.engine.state import GameState, Modifier


def project_cost_now(content: Content, mods: Sequence[Modifier], month: int,
                     action: StartProject) -> int:
    """The money a project start charges, after any usable cost discount."""
    b = content.balance
    if action.project_kind == "mini_tour":
        base = tour_cost(b, action.venue, action.cities)
    else:
        price = project_price(b, action.project_kind, action.song_count, action.producer_tier,
                              action.time_investment)
        per_song = action.budget_per_song or default_budget(price, action.song_count)
        base = per_song * action.song_count
    discount = min(100.0, total(list(mods), "cost_discount", month, action.artist_id))
    return apply_discount(base, discount)


def choice_money(content: Content, state: GameState, action: Action) -> int:
    """The immediate money effect of a meeting, conversation or event choice (0 if none)."""
    choice = None
    if isinstance(action, TakeMeeting):
        meeting = content.meeting_by_key.get((action.role_id, action.meeting_id))
        choice = choice_by_id(meeting.choices, action.choice_id) if meeting else None
    elif isinstance(action, TalkToArtist):
        conv = content.conversation_by_id.get(action.conversation_id)
        choice = choice_by_id(conv.choices, action.choice_id) if conv else None
    elif isinstance(action, ResolveEvent) and state.pending_event is not None:
        event = content.event_by_id.get(state.pending_event.event_id)
        choice = choice_by_id(event.choices, action.choice_id) if event else None
    if choice is None or choice.effects_immediate.money is None:
        return 0
    return choice.effects_immediate.money


def action_money(content: Content, state: GameState, action: Action) -> int:
    """The money an action moves when it resolves (negative = a cost)."""
    if isinstance(action, SignArtist):
        spec = content.artist_by_id.get(action.artist_id)
        return -spec.signing_cost if spec else 0
    if isinstance(action, StartProject):
        return -project_cost_now(content, state.modifiers, state.month, action)
    if isinstance(action, MarketingPush):
        return -action.spend
    return choice_money(content, state, action)


def default_price_per_song(content: Content, action: StartProject) -> int:
    """The budget per song of a record when the player keeps the price."""
    price = project_price(content.balance, action.project_kind, action.song_count,
                          action.producer_tier, action.time_investment)
    return default_budget(price, action.song_count)
