"""``requires`` gates on meetings and choices: what is missing, in words."""

from __future__ import annotations

from labelmgr.content.models import Requires
from labelmgr.engine.frozen import frozen
from labelmgr.engine.memo import PinnedMemo
from labelmgr.wording import plural


@frozen
class GateContext:
    """What a gate is checked against (cash and creative capital after the plan so far)."""

    money: int
    creative_capital: int
    reputation: int
    signed_artists: int
    relationship: int
    month: int
    released_songs: int


_EMPTY: PinnedMemo[bool] = PinnedMemo()


def is_open(req: Requires) -> bool:
    """True when ``req`` requires nothing (remembered by the requirements' identity: content
    is immutable, and most choices have no gate)."""
    return _EMPTY.of(req, Requires.is_empty)


def unmet(req: Requires, ctx: GateContext) -> str | None:
    """The first requirement that does not hold (its field name), or None when all hold."""
    if req.money is not None and ctx.money < req.money:
        return "money"
    if req.creative_capital is not None and ctx.creative_capital < req.creative_capital:
        return "creative_capital"
    if req.reputation is not None and ctx.reputation < req.reputation:
        return "reputation"
    if req.signed_artists is not None and ctx.signed_artists < req.signed_artists:
        return "signed_artists"
    if req.role_relationship is not None and ctx.relationship < req.role_relationship:
        return "role_relationship"
    if req.month is not None and ctx.month < req.month:
        return "month"
    if req.released_songs is not None and ctx.released_songs < req.released_songs:
        return "released_songs"
    return None


def requirement_gap(req: Requires, ctx: GateContext) -> str | None:
    """None when every requirement holds, else the first missing one, in words."""
    field = unmet(req, ctx)
    if field is None:
        return None
    if field == "money":
        return f"needs ${req.money:,} on hand (you have ${max(ctx.money, 0):,})"
    if field == "creative_capital":
        return (f"needs {req.creative_capital} creative capital "
                f"(you have {ctx.creative_capital})")
    if field == "reputation":
        return f"needs reputation {req.reputation} (you have {ctx.reputation})"
    if field == "signed_artists":
        return f"needs {plural(req.signed_artists, 'signed artist', 'signed artists')}"
    if field == "role_relationship":
        return f"needs a relationship of {req.role_relationship} (it is {ctx.relationship})"
    if field == "month":
        return f"not before month {req.month}"
    return f"needs {plural(req.released_songs, 'released song', 'released songs')}"
