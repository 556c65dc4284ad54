"""The create-project form's choices and field parsing (labels from content, no rules)."""

from __future__ import annotations

from labelmgr.engine import Options, SignArtist, StartProject
from labelmgr.errors import LabelError
from labelmgr.service import GameSession
from labelmgr.wording import shown

ERROR_FIELDS: dict[str, str] = {
    "VAL_TITLE": "title",
    "GAME_NOT_SIGNED": "artist",
    "GAME_ARTIST_BUSY": "artist",
    "GAME_NO_ARTIST": "artist",
    "VAL_SONG_COUNT": "songs",
    "VAL_PRODUCER_TIER": "producer",
    "GAME_TIER_LOCKED": "producer",
    "GAME_COMBINATION": "time",
    "VAL_TIME_INVESTMENT": "time",
    "VAL_BUDGET": "budget",
    "VAL_VENUE": "venue",
    "GAME_VENUE_LOCKED": "venue",
    "VAL_CITIES": "cities",
}
"""Which form field an engine refusal concerns (anything else shows under the preview)."""

MAX_WHOLE = 10_000_000
"""Bigger numbers are typing accidents; the engine would refuse them anyway."""


def parse_whole(text: str, field: str, errors: dict[str, str]) -> int | None:
    """A whole number typed in a field, or None with a message in ``errors[field]``."""
    text = text.strip().replace(",", "").replace("_", "")
    if not text:
        errors[field] = "Enter a number"
        return None
    if text.isdigit() and len(text) > len(str(MAX_WHOLE)):  # int() refuses 4,300 digits
        errors[field] = f"Enter a number up to {MAX_WHOLE:,}"
        return None
    try:
        value = int(text)
    except ValueError:
        errors[field] = f"{shown(text)} is not a whole number"
        return None
    if value <= 0:
        errors[field] = "Enter a number above zero"
        return None
    if value > MAX_WHOLE:
        errors[field] = f"Enter a number up to {MAX_WHOLE:,}"
        return None
    return value


def options_or_none(session: GameSession) -> Options | None:
    """The session's options, or None for a finished game (the engine plans no month)."""
    try:
        return session.options()
    except LabelError:
        return None


def artist_choices(session: GameSession) -> list[tuple[str, str, bool]]:
    """``(label, artist id, free)`` for the roster and the signings in the plan (a finished
    game's artists are none of them free)."""
    content, state = session.content, session.state
    options = options_or_none(session)
    idle = set(options.idle_artists) if options else set()
    busy = {a.id for a in state.artists if a.id not in idle}
    busy |= {a.artist_id for a in session.plan if isinstance(a, StartProject)}
    ids = [a.id for a in state.artists]
    ids += [a.artist_id for a in session.plan
            if isinstance(a, SignArtist) and a.artist_id not in ids]
    out = []
    for aid in ids:
        name = content.artist_by_id[aid].name
        note = []
        if state.artist(aid) is None:
            note.append("signing this month")
        if aid in busy:
            note.append("busy")
        out.append((f"{name} ({', '.join(note)})" if note else name, aid, aid not in busy))
    return out


def producer_choices(session: GameSession) -> list[tuple[str, str]]:
    """Every producer tier; the locked ones say what unlocks them."""
    unlocked = set(session.state.producer_tiers)
    return [(t.name if t.id in unlocked else f"{t.name} (reputation {t.unlock_reputation})",
             t.id) for t in session.content.balance.projects.producer_tiers]


def time_choices(session: GameSession) -> list[tuple[str, str]]:
    """Every time investment with its cost factor and quality bonus from the content.

    Its months are left to the preview: a record's production time also depends on its
    type and the artist, and the content's one-line description cannot know them.
    """
    out = []
    for t in session.content.balance.projects.time_investments:
        bonus = f"quality {t.quality_bonus:+d}".replace("-", "\u2212") if t.quality_bonus \
            else "quality ±0"
        out.append((f"{t.name} · cost ×{t.cost_multiplier:g} · {bonus}", t.id))
    return out


def venue_choices(session: GameSession) -> list[tuple[str, str]]:
    """Every venue; the ones the label cannot book yet say the reputation they need."""
    balance = session.content.balance
    options = options_or_none(session)
    open_venues = set(options.venues) if options else set()
    needs = {s.id: s.threshold for s in balance.access.venue}
    return [(v.name if v.id in open_venues or v.id not in needs
             else f"{v.name} (reputation {needs[v.id]})", v.id) for v in balance.tours.venues]
