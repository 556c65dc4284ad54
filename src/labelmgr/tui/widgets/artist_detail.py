"""``ArtistDetail``: everything about one artist, signed or still to discover."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from labelmgr.content.models import ArchetypeSpec, ArtistSpec
from labelmgr.engine import Artist, Project
from labelmgr.tui.widgets.display import (
    archetype_traits,
    count,
    game_text,
    kind_name,
    money,
    sentence,
    stage_name,
)
from labelmgr.tui.widgets.song_stats import SongStats

BAR_WIDTH = 16
"""Cells of a 0–100 stat bar."""
LABEL_WIDTH = 12
"""Width of the label column."""


def stat_line(label: str, value: int) -> Content:
    """``Mood        ██████░░░░  60``: the bar is only a picture of the number."""
    filled = max(0, min(BAR_WIDTH, round(value * BAR_WIDTH / 100)))
    return Content.assemble((f"{label:<{LABEL_WIDTH}}", "bold"),
                            ("\u2588" * filled, "$accent"),
                            ("\u2591" * (BAR_WIDTH - filled), "$foreground-muted"),
                            f" {value:>3}")


def fact_line(label: str, value: str) -> Content:
    """``Fee         $1,000 a month``."""
    return Content.assemble((f"{label:<{LABEL_WIDTH}}", "bold"), value)


class ArtistDetail(Static):
    """A card about one artist; the screen decides whom it shows."""

    DEFAULT_CSS = """
    ArtistDetail {
        padding: 0 1;
        height: auto;
        width: 1fr;
    }
    """

    def show_nobody(self, text: str) -> None:
        """An empty card with a hint."""
        self.update(Content.styled(text, "$text-muted"))

    def show_signed(self, artist: Artist, spec: ArtistSpec, archetype: ArchetypeSpec,
                    stats: SongStats, projects: Sequence[Project]) -> None:
        """A signed artist: archetype, mood, loyalty and stats, songs, revenue, projects."""
        lines = [Content.assemble((artist.name, "bold"),
                                  f"  {archetype.name} \u00b7 {artist.genre}"),
                 Content(archetype_traits(archetype))]
        lines += [stat_line(label, value) for label, value in (
            ("Mood", artist.mood), ("Loyalty", artist.loyalty),
            ("Popularity", artist.popularity), ("Talent", artist.talent),
            ("Work ethic", artist.work_ethic), ("Temperament", artist.temperament))]
        lines.append(Content(""))
        lines += [
            fact_line("Fee", f"{money(artist.monthly_fee)} a month"),
            fact_line("Signed", f"month {artist.signed_month}"),
            fact_line("Songs", f"{stats.recorded} recorded, {stats.released} released"),
            fact_line("Quality", stats.quality_text),
            fact_line("Streams", count(stats.streams)),
            fact_line("Revenue", money(stats.revenue)),
        ]
        if projects:
            lines.append(Content.styled("Projects", "bold"))
            lines += [Content(f" \u2022 \u201c{p.title}\u201d {kind_name(p.kind)}, "
                              f"{stage_name(p.stage)} (month {p.release_month})")
                      for p in projects]
        if spec.bio:
            lines += [Content(""), Content.styled(spec.bio, "italic $text-muted")]
        self.update(Content("\n").join(lines))

    def show_candidate(self, spec: ArtistSpec, archetype: ArchetypeSpec, gate: str | None,
                       planned: bool, money_after: int | None = None) -> None:
        """An artist of the discovery pool: archetype, terms, stats and whether they can be
        signed. ``money_after`` is the money left after the plan with this signing (engine
        figure).
        """
        lines = [Content.assemble((spec.name, "bold"),
                                  f"  {archetype.name} \u00b7 {spec.genre} \u00b7 age "
                                  f"{spec.age}"),
                 Content(archetype_traits(archetype)),
                 fact_line("Signing", money(spec.signing_cost)),
                 fact_line("Fee", f"{money(spec.monthly_fee)} a month")]
        if planned:
            lines.append(Content.styled("Signing is in this month's plan (g takes it out).",
                                        "bold $text-success"))
        elif gate is None:
            if money_after is not None:
                lines.append(fact_line("After", f"{money(money_after)} left in the plan"))
            lines.append(Content.styled("g or enter: sign when the month resolves.", "bold"))
        else:
            # the engine's refusal, closed as the toast closes it: one sentence, its minus
            lines.append(Content.styled(f"Cannot sign: {sentence(game_text(gate))}",
                                        "bold $text-error"))
        lines.append(Content(""))
        lines += [stat_line(label, value) for label, value in (
            ("Talent", spec.talent), ("Popularity", spec.popularity),
            ("Work ethic", spec.work_ethic), ("Mood", spec.mood), ("Loyalty", spec.loyalty),
            ("Temperament", spec.temperament))]
        if spec.bio:
            lines += [Content(""), Content.styled(spec.bio, "italic $text-muted")]
        self.update(Content("\n").join(lines))
