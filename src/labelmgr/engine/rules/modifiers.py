"""Pending boosts: consumed by the next project, release or tour, or expiring unused.

A modifier takes effect from the month after the choice that created it, so that what
the planner shows for this month's plan is exactly what the month charges.
"""

from __future__ import annotations

from labelmgr.engine.events import ModifierExpired
from labelmgr.engine.rules.effects import describe_one
from labelmgr.engine.state import Modifier
from labelmgr.engine.turn import Turn


def usable(mod: Modifier, month: int, artist_id: str | None) -> bool:
    """True when ``mod`` may be consumed in ``month`` by work of ``artist_id``."""
    return mod.created_month < month and (mod.artist_id is None or mod.artist_id == artist_id)


def total(modifiers: tuple[Modifier, ...] | list[Modifier], kind: str, month: int,
          artist_id: str | None) -> float:
    """Sum of the usable modifiers of one kind (what a preview shows)."""
    value: float = 0
    for m in modifiers:
        if m.kind == kind and usable(m, month, artist_id):
            value += m.value
    return value


def consume(turn: Turn, kinds: frozenset[str] | set[str], artist_id: str | None) -> dict[str, float]:
    """Remove the usable modifiers of these kinds and return their sums by kind."""
    sums: dict[str, float] = {k: 0.0 for k in kinds}
    kept: list[Modifier] = []
    for m in turn.modifiers:
        if m.kind in kinds and usable(m, turn.month, artist_id):
            sums[m.kind] += m.value
        else:
            kept.append(m)
    turn.modifiers = kept
    return sums


def expire(turn: Turn) -> None:
    """Drop modifiers whose time ran out, and say so."""
    month = turn.month
    kept: list[Modifier] = []
    for m in turn.modifiers:
        if m.expires_month <= month:
            if turn.news:
                turn.events.append(ModifierExpired(
                    month, f"Unused boost expired: {describe_one(m.kind, m.value)} "
                    f"(from {m.source})", modifier=m.kind))
        else:
            kept.append(m)
    turn.modifiers = kept
    if turn.lasting:
        turn.lasting = [e for e in turn.lasting if e.end_month > month]
