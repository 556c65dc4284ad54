"""Delayed effects: queued by a choice, fired when their trigger month resolves."""

from __future__ import annotations

from labelmgr.content.models import Choice
from labelmgr.engine.events import DelayedEffectFired
from labelmgr.engine.frozen import builder
from labelmgr.engine.rules.effects import (
    EffectTarget,
    apply_effects,
    described,
    effect_target,
    pairs,
)
from labelmgr.engine.state import DelayedEffect
from labelmgr.engine.turn import Turn

_DELAYED_EFFECT = builder(DelayedEffect)
_DELAYED_EFFECT_FIRED = builder(DelayedEffectFired)
"""Built without calling their class (``frozen.builder``): most months queue and fire some."""


def queue_delayed(turn: Turn, choice: Choice, target: EffectTarget) -> None:
    """Queue a choice's delayed effects for month + ``delay``."""
    effects = pairs(choice.effects_delayed)
    if not effects:
        return
    turn.delayed.append(_DELAYED_EFFECT(
        turn.new_effect_id(), turn.month + choice.delay, effects,
        target.source, turn.month, target.artist_id, target.role_id, choice.duration,
        target.category))


def fire_delayed(turn: Turn) -> None:
    """Apply every delayed effect due this month, in queue order, naming its cause."""
    due = [d for d in turn.delayed if d.trigger_month <= turn.month]
    if not due:
        return
    turn.delayed = [d for d in turn.delayed if d.trigger_month > turn.month]
    for d in due:
        target = effect_target(f"{d.source} (month {d.source_month})", d.category,
                               artist_id=d.artist_id, role_id=d.role_id, duration=d.duration)
        apply_effects(turn, d.effects, target)
        if turn.news:
            turn.events.append(_DELAYED_EFFECT_FIRED(
                turn.month, f"Because you chose {d.source} in month {d.source_month}: "
                + described(d.effects, duration=d.duration),
                source=d.source, source_month=d.source_month))
