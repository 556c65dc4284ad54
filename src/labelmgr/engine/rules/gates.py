"""``requires`` gates on meetings and choices: what is missing, in words."""

from __future__ import annotations

from dataclasses import dataclass

from labelmgr.content.models import Requires


@dataclass(frozen=True, slots=True)
class GateContext:
    """What a gate is checked against (cash and creative capital after the plan so far)."""

    money: int
    creative_capital: int
    reputation: int
    signed_artists: int
    relationship: int
    month: int
    released_songs: int


def requirement_gap(req: Requires, ctx: GateContext) -> str | None:
    """None when every requirement holds, else the first missing one, in words."""
    if req.money is not None and ctx.money < req.money:
        return f"needs ${req.money:,} on hand (you have ${max(ctx.money, 0):,})"
    if req.creative_capital is not None and ctx.creative_capital < req.creative_capital:
        return (f"needs {req.creative_capital} creative capital "
                f"(you have {ctx.creative_capital})")
    if req.reputation is not None and ctx.reputation < req.reputation:
        return f"needs reputation {req.reputation} (you have {ctx.reputation})"
    if req.signed_artists is not None and ctx.signed_artists < req.signed_artists:
        return f"needs {req.signed_artists} signed artist(s)"
    if req.role_relationship is not None and ctx.relationship < req.role_relationship:
        return f"needs a relationship of {req.role_relationship} (it is {ctx.relationship})"
    if req.month is not None and ctx.month < req.month:
        return f"not before month {req.month}"
    if req.released_songs is not None and ctx.released_songs < req.released_songs:
        return f"needs {req.released_songs} released song(s)"
    return None
