"""How numbers and names are written on screen. Formatting only: no game rule lives here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.markup import escape

if TYPE_CHECKING:
    from labelmgr.content import Content
    from labelmgr.engine import GameState

MINUS = "\N{MINUS SIGN}"


def money(amount: int) -> str:
    """``$61,240`` or ``−$4,120``."""
    return f"{MINUS}${-amount:,}" if amount < 0 else f"${amount:,}"


def signed_money(amount: int) -> str:
    """``+$1,200``, ``−$1,200`` or ``$0``."""
    return f"+${amount:,}" if amount > 0 else money(amount)


def money_range(low: int, high: int) -> str:
    """``$48,000`` when both ends agree, else ``$46,000 – $48,000``."""
    return money(low) if low == high else f"{money(low)} – {money(high)}"


def plain(text: str) -> str:
    """Content text made safe for Textual markup (titles may contain brackets)."""
    return escape(text)


def artist_name(state: GameState, content: Content, artist_id: str | None) -> str:
    """The artist's name, also for an artist who has left the label."""
    if artist_id is None:
        return ""
    artist = state.artist(artist_id)
    if artist is not None:
        return artist.name
    spec = content.artist_by_id.get(artist_id)
    return spec.name if spec else artist_id


def badge_markup(badges: Sequence[str]) -> str:
    """Effect badges (the engine's wording) joined, money ones coloured by direction."""
    parts = []
    for badge in badges:
        if badge.startswith("-$"):
            parts.append(f"[$text-error]{plain(badge)}[/]")
        elif badge.startswith("+$"):
            parts.append(f"[$text-success]{plain(badge)}[/]")
        else:
            parts.append(f"[$text-accent]{plain(badge)}[/]")
    return " · ".join(parts)


def columns(rows: Sequence[Sequence[str]], widths: Sequence[int]) -> list[str]:
    """Plain-text rows padded to fixed widths (negative width = right aligned)."""
    out = []
    for row in rows:
        cells = []
        for cell, width in zip(row, widths, strict=False):
            cells.append(cell.rjust(-width) if width < 0 else cell.ljust(width))
        out.append(" ".join(cells).rstrip())
    return out
