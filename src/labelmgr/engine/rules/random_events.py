"""Random side events: a seeded, weighted roll after each month, resolved in the next plan.

Chance = ``monthly_chance`` + the month's ``event_chance`` effects; no event within
``min_gap_months`` of the last one, none repeated within its own cooldown. Each month
has its own ``events`` stream, drawn three times (roll, pick, artist) when an event may
fire (not at all within the gap: no other month's draws depend on it). If the player makes
no choice, the event's ``default_choice`` applies.
"""

from __future__ import annotations

from labelmgr.engine.events import EventResolved, EventTriggered
from labelmgr.engine.rng import first_doubles
from labelmgr.engine.rules.choices import choice_by_id
from labelmgr.engine.rules.effects import apply_effects, effect_target, pairs
from labelmgr.engine.rules.gates import GateContext, is_open, unmet
from labelmgr.engine.rules.queue import queue_delayed
from labelmgr.engine.state import PendingEvent
from labelmgr.engine.turn import Turn


def resolve_pending_event(turn: Turn, choice_id: str | None) -> None:
    """Apply the pending event's chosen (or default) choice and clear it."""
    pending = turn.pending_event
    if pending is None:
        return
    event = turn.content.event_by_id[pending.event_id]
    chosen = choice_id or event.default_choice
    choice = choice_by_id(event.choices, chosen)
    assert choice is not None, "the plan was checked, and the default choice is validated"
    source = f"{event.title}: “{choice.label}”"
    target = effect_target(source, "events", artist_id=pending.artist_id,
                           duration=choice.duration)
    apply_effects(turn, pairs(choice.effects_immediate), target)
    queue_delayed(turn, choice, target)
    turn.pending_event = None
    if turn.news:
        note = " (no decision: default)" if choice_id is None else ""
        turn.events.append(EventResolved(turn.month, f"{event.title}: {choice.label}{note}",
                                         event_id=event.id, choice_id=choice.id,
                                         defaulted=choice_id is None))


def roll_event(turn: Turn) -> None:
    """Maybe fire an event for the next month's plan."""
    cfg = turn.balance.events
    chance = cfg.monthly_chance + turn.event_chance_bonus / 100
    turn.event_chance_bonus = 0
    if turn.month - turn.last_event_month < cfg.min_gap_months:
        return
    u_roll, u_pick, u_artist = first_doubles(turn.state.seed, turn.month, "events", 3)
    if u_roll >= chance:
        return
    ctx = GateContext(turn.money, turn.creative_capital, turn.reputation, len(turn.artists),
                      50, turn.month, turn.songs.released_count)
    eligible = [
        e for e in turn.content.events
        if turn.month - turn.event_last_fired.get(e.id, -99) >= e.cooldown
        and (not e.concerns_artist or turn.artists)
        and (is_open(e.requires) or unmet(e.requires, ctx) is None)
    ]
    if not eligible:
        return
    weights = [e.weight for e in eligible]
    point = u_pick * sum(weights)
    acc = 0.0
    event = eligible[-1]
    for e, w in zip(eligible, weights, strict=True):
        acc += w
        if point < acc:
            event = e
            break
    artist_id = None
    if event.concerns_artist:
        ids = sorted(turn.artists)
        artist_id = ids[int(u_artist * len(ids))]
    turn.pending_event = PendingEvent(event.id, turn.month, artist_id)
    turn.last_event_month = turn.month
    turn.mark_event_fired(event.id)
    if turn.news:
        who = f" ({turn.artist_name(artist_id)})" if artist_id else ""
        turn.events.append(EventTriggered(turn.month, f"Event: {event.title}{who} — decide next "
                                          "month", event_id=event.id, artist_id=artist_id or ""))
