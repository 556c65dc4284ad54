"""``ReportScreen``: what the month just resolved did — ledger, releases, tours, events.

It dismisses with the report's month; the app then shows the results (campaign over), the
pending event's decision, or the dashboard.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from labelmgr.engine import GameEvent, MonthReport
from labelmgr.engine.report import ReleaseLine, TourLine
from labelmgr.tui.widgets.display import (
    EVENT_MARKS,
    event_mark,
    game_text,
    kind_name,
    line_start,
    money,
    plain,
    plural,
    signed_money,
)
from labelmgr.tui.widgets.footer import GameFooter
from labelmgr.tui.widgets.hanging import Hanging


def ledger_lines(report: MonthReport) -> list[str]:
    """Each category with its total, and the entries under it (amount first)."""
    lines = []
    for category, label, total in report.by_category():
        colour = "$text-success" if total > 0 else "$text-error"
        lines.append(f"[b]{plain(label):<30}[/b][{colour}]{signed_money(total):>12}[/]")
        lines += [f"[$text-muted]{signed_money(e.amount):>11}  {plain(line_start(e.text))}[/]"
                  for e in report.entries if e.category == category]
    lines.append(f"[b]{'Revenue':<30}{signed_money(report.revenue):>12}[/b]")
    lines.append(f"[b]{'Costs':<30}{money(-report.costs):>12}[/b]")
    return lines


def release_lines(releases: tuple[ReleaseLine, ...], tours: tuple[TourLine, ...]) -> list[str]:
    """Two lines per release or tour: what it was, then how it did."""
    lines = []
    for r in releases:
        songs = plural(r.songs, "song", "songs")
        outcome = f" · [b]{plain(r.outcome)}[/b]" if r.outcome else ""
        lines += [f"{EVENT_MARKS['ProjectReleased']} “{plain(r.title)}” {kind_name(r.kind)} · "
                  f"{plain(r.artist_name)} · {songs} · quality {r.mean_quality}",
                  f"    {r.streams:,} streams · [$text-success]{money(r.revenue)}[/] · "
                  f"{plural(r.press_pickups, 'press pickup', 'press pickups')}"
                  f"{outcome}"]
    for t in tours:
        lines += [f"{EVENT_MARKS['TourCompleted']} “{plain(t.title)}” mini-tour · "
                  f"{plain(t.artist_name)} · {plain(t.venue)} × "
                  f"{plural(t.cities, 'city', 'cities')}",
                  f"    {t.tickets:,} of {t.capacity:,} tickets · "
                  f"[$text-success]{money(t.revenue)}[/] takings · cost {money(t.cost)}"]
    return lines


def event_line(event: GameEvent) -> str:
    mark = event_mark(event)
    text = plain(game_text(event.text))
    if event.kind == "EventTriggered":
        return f"[$text-warning]{mark} {text} (Enter: decide now)[/]"
    if event.kind in ("ArtistLeft", "Bankrupt"):
        return f"[$text-error]{mark} {text}[/]"
    if event.kind == "DelayedEffectFired":
        return f"[$text-accent]{mark} {text}[/]"
    return f"{mark} {text}"


class ReportScreen(Screen[int]):
    """The month's report; Enter (or Escape) continues."""

    CSS_PATH = "../styles/report.tcss"

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("enter,escape", "continue", "Continue", key_display="enter",
                id="report.continue"),
    ]
    """Enter continues (to the results, the event's decision, or the dashboard)."""

    def __init__(self, report: MonthReport) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        r = self.report
        yield Static(
            f"[b]Month {r.month} report[/b] · {plain(r.label_name)} · net "
            f"[b]{signed_money(r.net)}[/b] · money {money(r.money_start)} → "
            f"{money(r.money_end)} · reputation {r.reputation_start} → {r.reputation_end}",
            id="report-title", classes="screen-title")
        with VerticalScroll(id="report-body"):
            yield Static("\n".join(ledger_lines(r)), id="report-ledger", classes="panel")
            releases = release_lines(r.releases, r.tours)
            yield Static("\n".join(releases) or "[$text-muted]No release or tour this "
                         "month.[/]", id="report-releases", classes="panel")
            happened = [event_line(e) for e in r.events if e.kind not in (
                "ProjectReleased", "TourCompleted")]
            # a long line goes on under its text, right of its mark
            yield Static(Hanging((line, 2) for line in happened) if happened
                         else "[$text-muted]A quiet month.[/]",
                         id="report-events", classes="panel")
        yield GameFooter()

    def on_mount(self) -> None:
        self.query_one("#report-ledger").border_title = "Money in and out"
        self.query_one("#report-releases").border_title = "Releases and tours"
        self.query_one("#report-events").border_title = "What happened"
        self.query_one("#report-body").focus()

    def action_continue(self) -> None:
        self.dismiss(self.report.month)
