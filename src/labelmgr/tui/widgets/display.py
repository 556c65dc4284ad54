"""How game values read on screen: money, names, kinds. Formatting only, never arithmetic."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.markup import escape

from labelmgr.wording import a_or_an
from labelmgr.wording import plural as plural  # the screens' count words

if TYPE_CHECKING:  # the first screen imports this module: keep pydantic out of startup
    from labelmgr.content import Content
    from labelmgr.content.models import ArchetypeSpec
    from labelmgr.engine import GameEvent

_LONE_BRACKET = re.compile(r"(?<!\\)\[")
"""A ``[`` that ``escape`` left unescaped."""

_NEGATIVE = re.compile(r"(?<![\w-])-(?=[\d$])")
"""The hyphen of a negative number or amount in the engine's text."""

MINUS = "\u2212"
"""The minus sign used for negative amounts (reads better than a hyphen)."""

KIND_NAMES: dict[str, str] = {"single": "Single", "ep": "EP", "mini_tour": "Mini-tour"}
"""Project kinds as the player reads them."""

STAGE_NAMES: dict[str, str] = {
    "production": "in production", "released": "released", "booked": "booked",
    "toured": "toured", "planned": "planned",
}
"""Project stages as the player reads them."""


EVENT_MARKS: dict[str, str] = {
    "ProjectReleased": "\u266a", "TourCompleted": "\u266b", "ArtistSigned": "+",
    "ArtistLeft": "\u2212", "ReputationChanged": "\u25b2", "TierUnlocked": "\u2605",
    "EventTriggered": "!", "EventResolved": "\u2713", "DelayedEffectFired": "\u21bb",
    "Bankrupt": "\u2716", "CampaignEnded": "\u2691",
}
"""The one-character mark of each kind of event, in the month report and the news alike
(the rest get a bullet)."""


def event_mark(event: GameEvent) -> str:
    """The event's mark (``EVENT_MARKS``); a reputation drop points down: ``▼``."""
    if event.kind == "ReputationChanged" and getattr(event, "after", 0) < getattr(event,
                                                                                 "before", 0):
        return "\u25bc"
    return EVENT_MARKS.get(event.kind, "\u2022")


def line_start(text: str) -> str:
    """``text`` with a capital first letter, to stand as a line or a message of its own (the
    engine words some texts for the middle of a sentence: 'mini-tour “Foghorn Tour”', 'a seed
    code has 8 letters …')."""
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """``text`` as a sentence of its own: a capital first letter and closing punctuation (the
    service words its refusals without a full stop, for the command line as well)."""
    text = line_start(text.rstrip())
    return text if text.endswith((".", "!", "?")) else f"{text}."


def money(amount: int) -> str:
    """``$61,240`` or ``−$4,120``."""
    return f"{MINUS}${-amount:,}" if amount < 0 else f"${amount:,}"


def game_text(text: str) -> str:
    """A line the engine wrote (news, refusals) with the screens' minus on its amounts: the
    engine writes ``-$13,831`` and ``-20% streams``, every screen around it ``−$13,831`` and
    ``−20% streams`` (a hyphen inside a word or a date stays)."""
    return _NEGATIVE.sub(MINUS, text)


def signed_money(amount: int) -> str:
    """``+$1,200`` or ``−$4,120`` (a change, always with its sign)."""
    return f"+${amount:,}" if amount >= 0 else money(amount)


def count(amount: int) -> str:
    """A count with thousands separators."""
    return f"{amount:,}"


def artist_name(content: Content, artist_id: str) -> str:
    """The artist's display name (the id if the content no longer knows it)."""
    spec = content.artist_by_id.get(artist_id)
    return spec.name if spec is not None else artist_id


def kind_name(kind: str) -> str:
    """``Single``, ``EP`` or ``Mini-tour``."""
    return KIND_NAMES.get(kind, kind)


def stage_name(stage: str) -> str:
    """A project stage in plain words."""
    return STAGE_NAMES.get(stage, stage)


def money_range(low: int, high: int) -> str:
    """``$48,000`` when both ends agree, else ``$46,000 – $48,000``."""
    return money(low) if low == high else f"{money(low)} – {money(high)}"


def plain(text: str) -> str:
    """Content text made safe for Textual markup (titles may contain brackets).

    Textual's ``escape`` leaves a ``[`` that does not start a tag as it is, yet its markup
    parser then reads on from it: "Neon [ Owl" in ``[b]…[/b]`` showed "Neon [ Owl[/b]". Every
    ``[`` is escaped."""
    return _LONE_BRACKET.sub(r"\\[", escape(text))


def badge_markup(badges: Sequence[str]) -> str:
    """Effect badges (the engine's wording) joined, money ones coloured by direction."""
    parts = []
    for badge in badges:
        colour = ("$text-error" if badge.startswith("-$") else
                  "$text-success" if badge.startswith("+$") else "$text-accent")
        shown = MINUS + badge[1:] if badge.startswith("-") else badge
        parts.append(f"[{colour}]{plain(shown)}[/]")
    return " · ".join(parts)


def signed_number(value: int) -> str:
    """``+4`` or ``−2`` (a change of a score, always with its sign)."""
    return f"+{value}" if value >= 0 else f"{MINUS}{-value}"


def archetype_traits(archetype: ArchetypeSpec) -> str:
    """``+4 song quality · mood changes ×1.5``: what an archetype does, in the content's
    numbers (the rules that apply them are the engine's)."""
    parts = []
    if archetype.quality_bonus:
        parts.append(f"{signed_number(archetype.quality_bonus)} song quality")
    if archetype.mood_swing != 1:
        parts.append(f"mood changes ×{archetype.mood_swing:g}")
    if archetype.stream_bonus:
        parts.append(f"{signed_number(round(archetype.stream_bonus * 100))}% first-month "
                     "streams")
    if archetype.months_saved:
        parts.append(f"records {plural(archetype.months_saved, 'month', 'months')} sooner")
    return " · ".join(parts) or "no special traits"


def swinging_archetype(content: Content, artist_id: str) -> ArchetypeSpec | None:
    """The archetype of an artist whose mood changes it scales (not ×1), else None (also
    for an artist the content no longer knows)."""
    spec = content.artist_by_id.get(artist_id)
    if spec is None:
        return None
    archetype = content.balance.artists.archetypes[spec.archetype]
    return None if archetype.mood_swing == 1 else archetype


def mood_swing(content: Content, artist_id: str) -> str:
    """``a visionary: mood effects count ×1.5`` for an artist whose archetype scales mood
    changes, else ``""`` (the choices show mood effects before that scaling)."""
    archetype = swinging_archetype(content, artist_id)
    if archetype is None:
        return ""
    return (f"{a_or_an(archetype.name).lower()}: mood effects count "
            f"×{archetype.mood_swing:g}")
