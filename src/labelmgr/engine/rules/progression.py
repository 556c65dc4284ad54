"""Reputation decay, access tiers, producer tiers, focus slots and roster places.

Tiers follow reputation thresholds and never drop once unlocked (mechanics.md A11).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from labelmgr.content.models import AccessStep, Balance, Threshold
from labelmgr.engine.events import TierUnlocked
from labelmgr.engine.memo import PinnedMemo
from labelmgr.engine.state import Access
from labelmgr.engine.turn import Turn

LADDERS: tuple[str, ...] = ("playlist", "press", "venue")


_LADDERS: PinnedMemo[dict[str, int]] = PinnedMemo(limit=256)
"""Tier id -> position, by the identity of a (content) ladder."""


def ladder_index(steps: Sequence[AccessStep], tier_id: str) -> int:
    """The position of a tier on its ladder (KeyError for an unknown tier)."""
    return _LADDERS.of(steps, _positions)[tier_id]


def _positions(steps: Sequence[AccessStep]) -> dict[str, int]:
    return {s.id: i for i, s in enumerate(steps)}


def tier_for(steps: Sequence[AccessStep], reputation: int, current: str | None = None) -> str:
    """The highest tier whose threshold ≤ reputation, never below ``current``."""
    best = 0
    for i, step in enumerate(steps):
        if step.threshold <= reputation:
            best = i
    if current is not None:
        best = max(best, ladder_index(steps, current))
    return steps[best].id


def step_value(steps: Sequence[Threshold], reputation: int) -> int:
    """The value of the highest reputation step reached."""
    value = steps[0].value
    for s in steps:
        if s.reputation <= reputation:
            value = max(value, s.value)
    return value


def initial_access(balance: Balance, reputation: int) -> Access:
    a = balance.access
    return Access(tier_for(a.playlist, reputation), tier_for(a.press, reputation),
                  tier_for(a.venue, reputation))


def producer_tiers_for(balance: Balance, reputation: int) -> list[str]:
    return [t.id for t in balance.projects.producer_tiers if t.unlock_reputation <= reputation]


def playlist_reach(balance: Balance, access: Access) -> float:
    steps = balance.access.playlist
    return steps[ladder_index(steps, access.playlist)].value


def press_tier_chance(balance: Balance, access: Access) -> float:
    steps = balance.access.press
    return steps[ladder_index(steps, access.press)].value


def update_progression(turn: Turn) -> None:
    """Decay reputation, then unlock whatever the reputation now reaches."""
    b = turn.balance
    decay = math.floor(turn.reputation * b.reputation.monthly_decay)
    if decay:
        turn.change_reputation(-decay, "reputation fades")
    rep = turn.reputation
    old = turn.access
    tiers, slots, places = len(turn.producer_tiers), turn.focus_slots, turn.roster_places
    # the access tiers as strings: hashing and comparing an Access runs its Python methods
    settled = (id(b), rep, old.playlist, old.press, old.venue, tuple(turn.producer_tiers),
               slots, places)
    if settled in _SETTLED:
        return
    _unlock(turn, rep, old)
    if (turn.access == old and len(turn.producer_tiers) == tiers
            and turn.focus_slots == slots and turn.roster_places == places):
        if len(_SETTLED) >= 4096:
            _SETTLED.clear()
        _SETTLED[settled] = b


_SETTLED: dict[tuple[object, ...], Balance] = {}
"""Reputations and tiers that unlock nothing more, keyed with the identity of the balance
(pinned as the value): most months unlock nothing, and the tiers are a pure function of
the balance, the reputation and what is already unlocked."""


def _unlock(turn: Turn, rep: int, old: Access) -> None:
    """Access tiers, producer tiers, focus slots and roster places that ``rep`` reaches."""
    b = turn.balance
    new = Access(*(tier_for(getattr(b.access, lad), rep, getattr(old, lad)) for lad in LADDERS))
    for lad in LADDERS:
        if getattr(new, lad) != getattr(old, lad):
            step = next(s for s in getattr(b.access, lad) if s.id == getattr(new, lad))
            if turn.news:
                turn.events.append(TierUnlocked(turn.month, f"{lad.title()} access unlocked: "
                                                f"{step.name}", ladder=lad, tier=step.id))
    turn.access = new
    for tier in b.projects.producer_tiers:
        if tier.unlock_reputation <= rep and tier.id not in turn.producer_tiers:
            turn.producer_tiers.append(tier.id)
            if turn.news:
                turn.events.append(TierUnlocked(turn.month, f"Producer tier unlocked: {tier.name}",
                                                ladder="producer", tier=tier.id))
    slots = max(turn.focus_slots, step_value(b.progression.focus_slot_steps, rep))
    if slots > turn.focus_slots:
        if turn.news:
            turn.events.append(TierUnlocked(turn.month, f"Focus slot {slots} unlocked",
                                            ladder="focus_slots", tier=str(slots)))
        turn.focus_slots = slots
    places = max(turn.roster_places, step_value(b.progression.roster_places, rep))
    if places > turn.roster_places:
        if turn.news:
            turn.events.append(TierUnlocked(turn.month, f"Roster place {places} unlocked",
                                            ladder="roster", tier=str(places)))
        turn.roster_places = places
