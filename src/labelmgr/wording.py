"""Small English helpers shared by the engine's texts and the screens (no imports: startup-safe)."""

from __future__ import annotations


def plural(amount: int, one: str, many: str) -> str:
    """``1 city``, ``2 cities``: a count and the word that goes with it."""
    return f"{amount:,} {one if amount == 1 else many}"


def dollars(amount: int) -> str:
    """``$5,086`` or ``-$13,272``: an amount in plain text (the screens use their own minus)."""
    return f"-${-amount:,}" if amount < 0 else f"${amount:,}"


def a_or_an(name: str) -> str:
    """``name`` after its indefinite article, for the start of a sentence: "An EP", "A Single",
    "A PR push" (an initialism by how its first letter sounds, a word by its first vowel)."""
    if len(name) > 1 and name[:2].isupper():
        vowel = name[0] in "AEFHILMNORSX"
    else:
        vowel = name[:1].lower() in ("a", "e", "i", "o", "u")
    return f"{'An' if vowel else 'A'} {name}"


GAME_OVER_STAGES: dict[str, str] = {"campaign_over": "campaign over",
                                    "career_over": "career over"}
"""How a game past its last month reads (its ``month`` is then the month after the last
played, which the player never sees), by ``GameState.phase``."""


def game_stage(phase: str, month: int) -> str:
    """Where a game stands, from ``GameState.phase`` and ``month``: ``month 5``, ``month 15,
    career``, ``campaign over``, ``career over`` (the saves list, its questions and the
    autosaves' names all say it so)."""
    if phase in GAME_OVER_STAGES:
        return GAME_OVER_STAGES[phase]
    return f"month {month}, career" if phase == "career" else f"month {month}"


def shown(value: object, limit: int = 40) -> str:
    """A value quoted as the player typed it (``repr``), cut to ``limit`` characters with an
    ellipsis: an error message names the bad input without echoing a page of it."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit - 1]}…"
