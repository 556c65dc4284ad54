"""One handler per effect key of the closed vocabulary (``labelmgr.content.effects``).

``apply_effects`` runs the handlers for a set of effects in vocabulary order. Modifiers
for the next project/release/tour wait on the state until something consumes them or
they expire; lasting effects hold for their duration.
"""

from __future__ import annotations

from collections.abc import Callable

from labelmgr.content.effects import (
    ARTIST_KEYS,
    LASTING_KEYS,
    NEXT_PROJECT_KEYS,
    NEXT_RELEASE_KEYS,
    NEXT_TOUR_KEYS,
    Effects,
)
from labelmgr.engine.frozen import builder, frozen
from labelmgr.engine.memo import PinnedMemo
from labelmgr.engine.numbers import clamp_int, round_half_away
from labelmgr.engine.rules.artists import change_artist
from labelmgr.engine.state import EffectPairs, LastingEffect, Modifier
from labelmgr.engine.turn import Turn

_MODIFIER = builder(Modifier)
_LASTING_EFFECT = builder(LastingEffect)
"""Built without calling their class (``frozen.builder``): effects make several a month."""


@frozen
class EffectTarget:
    """Where a set of effects lands: its source text, ledger category, artist and role."""

    source: str
    category: str
    artist_id: str | None = None
    role_id: str | None = None
    duration: int = 1


effect_target = builder(EffectTarget)
"""Builds an ``EffectTarget`` without calling its class (``frozen.builder``): every month
makes several, in its meetings, conversations, event and delayed effects."""


_PAIRS: PinnedMemo[EffectPairs] = PinnedMemo()
"""``pairs`` results by the identity of their (immutable) ``Effects``."""


def pairs(effects: Effects) -> EffectPairs:
    """An ``Effects`` model as ``(key, value)`` pairs for the state (remembered: content
    effects are immutable and asked for every month)."""
    return _PAIRS.of(effects, _as_pairs)


def _as_pairs(effects: Effects) -> EffectPairs:
    return tuple((k, float(v)) for k, v in effects.items())


def _money(turn: Turn, v: float, t: EffectTarget) -> None:
    turn.post(t.category, int(v), t.source, t.source)


def _reputation(turn: Turn, v: float, t: EffectTarget) -> None:
    turn.change_reputation(int(v), t.source)


def _creative_capital(turn: Turn, v: float, t: EffectTarget) -> None:
    cap = turn.balance.artists.creative_capital_max
    turn.creative_capital = clamp_int(turn.creative_capital + int(v), 0, cap)


def _artist_mood(turn: Turn, v: float, t: EffectTarget) -> None:
    if t.artist_id is not None:
        change_artist(turn, t.artist_id, mood=v, reason=t.source)


def _artist_loyalty(turn: Turn, v: float, t: EffectTarget) -> None:
    if t.artist_id is not None:
        change_artist(turn, t.artist_id, loyalty=v, reason=t.source)


def _artist_popularity(turn: Turn, v: float, t: EffectTarget) -> None:
    if t.artist_id is not None:
        change_artist(turn, t.artist_id, popularity=v, reason=t.source)


def _modifier(key: str) -> Callable[[Turn, float, EffectTarget], None]:
    def handler(turn: Turn, v: float, t: EffectTarget) -> None:
        expire = turn.month + turn.balance.modifiers.expire_months
        turn.modifiers.append(_MODIFIER(key, v, t.source, turn.month, expire,
                                        t.artist_id if key in NEXT_PROJECT_KEYS else None))
    return handler


def _lasting(key: str) -> Callable[[Turn, float, EffectTarget], None]:
    def handler(turn: Turn, v: float, t: EffectTarget) -> None:
        turn.lasting.append(_LASTING_EFFECT(key, v, t.source, turn.month,
                                            turn.month + t.duration - 1))
    return handler


def _event_chance(turn: Turn, v: float, t: EffectTarget) -> None:
    turn.event_chance_bonus += int(v)


def _role_relationship(turn: Turn, v: float, t: EffectTarget) -> None:
    if t.role_id is not None:
        now = turn.relationships.get(t.role_id, 50)
        turn.set_relationship(t.role_id, clamp_int(now + round_half_away(v), 0, 100))


HANDLERS: dict[str, Callable[[Turn, float, EffectTarget], None]] = {
    "money": _money,
    "reputation": _reputation,
    "creative_capital": _creative_capital,
    "artist_mood": _artist_mood,
    "artist_loyalty": _artist_loyalty,
    "artist_popularity": _artist_popularity,
    "event_chance": _event_chance,
    "role_relationship": _role_relationship,
    **{k: _modifier(k) for k in sorted(NEXT_PROJECT_KEYS | NEXT_RELEASE_KEYS | NEXT_TOUR_KEYS)},
    **{k: _lasting(k) for k in sorted(LASTING_KEYS)},
}
"""The handler of every key; a test checks it covers the vocabulary exactly."""

assert not ARTIST_KEYS - HANDLERS.keys()


def apply_effects(turn: Turn, effects: EffectPairs, target: EffectTarget) -> None:
    """Apply effects in order; artist effects skip an artist who is no longer signed."""
    for key, value in effects:
        HANDLERS[key](turn, value, target)


def describe(effects: EffectPairs, *, duration: int = 1) -> list[str]:
    """Readable badges for effects, e.g. ``-$6,000`` or ``+4 quality (next recording)``."""
    out: list[str] = []
    for key, v in effects:
        out.append(describe_one(key, v, duration))
    return out


_DESCRIBED: dict[tuple[EffectPairs, int], str] = {}
"""``described`` texts by effects and duration (a few hundred at most: content effects)."""


def described(effects: EffectPairs, *, duration: int = 1) -> str:
    """The badges of ``describe`` joined with commas (remembered: the delayed effects that
    fire every month are the content's own few)."""
    key = (effects, duration)
    text = _DESCRIBED.get(key)
    if text is None:
        if len(_DESCRIBED) >= 4096:
            _DESCRIBED.clear()
        text = _DESCRIBED[key] = ", ".join(describe(effects, duration=duration))
    return text


def _signed(v: float) -> str:
    return f"+{v:g}" if v > 0 else f"{v:g}"


def describe_one(key: str, v: float, duration: int = 1) -> str:
    """One effect as a short badge."""
    months = f" for {duration} months" if duration > 1 else ""
    match key:
        case "money":
            return f"+${int(v):,}" if v > 0 else f"-${-int(v):,}"
        case "reputation":
            return f"{_signed(v)} reputation"
        case "creative_capital":
            return f"{_signed(v)} creative capital"
        case "artist_mood":
            return f"{_signed(v)} artist mood"
        case "artist_loyalty":
            return f"{_signed(v)} artist loyalty"
        case "artist_popularity":
            return f"{_signed(v)} artist popularity"
        case "quality_bonus":
            return f"{_signed(v)} quality (next recording)"
        case "stream_boost":
            return f"{_signed(v)}% streams (next release)"
        case "press_boost":
            return f"{_signed(v)}% press chance (next release)"
        case "playlist_boost":
            return f"+{v:g} playlist reach{months}"
        case "tour_boost":
            return f"{_signed(v)}% tickets (next tour)"
        case "cost_discount":
            return f"-{v:g}% cost (next project)"
        case "variance":
            # the release's random band (0.9-1.1 times the streams) widens by v each way
            return f"streams swing ±{v * 100:g}% more (next release)"
        case "event_chance":
            return f"{_signed(v)}% event chance"
        case "role_relationship":
            return f"{_signed(v)} relationship"
        case "monthly_income":
            return f"+${int(v):,}/month{months}"
    raise KeyError(key)
