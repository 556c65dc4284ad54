"""``DashboardScreen`` (``d``): the label at a glance. Every number is read from the state."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from labelmgr.content import Content
from labelmgr.content.models import AccessStep, Threshold
from labelmgr.engine import GameEvent, GameState, Project, ResolveEvent, seed_code
from labelmgr.engine.rules.effects import describe, describe_one
from labelmgr.tui.screens.base import GameScreen
from labelmgr.tui.widgets.display import artist_name, badge_markup, game_text, money, plain
from labelmgr.tui.widgets.footer import GameFooter
from labelmgr.tui.widgets.hanging import Hanging
from labelmgr.tui.widgets.trend import TrendLine

NEWS_SHOWN = 6
"""News items the dashboard shows at least; a tall terminal shows as many as fit."""

NEWS_MOST = 40
"""News items the dashboard shows at most, however tall the terminal."""

LADDER_LABELS: tuple[tuple[str, str], ...] = (
    ("playlist", "Playlists"), ("press", "Press"), ("venue", "Venues"))
"""The three access ladders, as the dashboard names them."""


def title_line(state: GameState, content: Content, what: str) -> str:
    """The line above every in-game screen: label, month, difficulty, seed."""
    months = content.balance.campaign.length_months
    when = (f"Month {state.month} (career)" if state.career
            else "Career over" if state.career_ended
            else "Campaign over" if state.campaign_complete
            else f"Month {state.month} of {months}")
    return (f"[b]{plain(state.label_name)}[/b] · {what} · {when} · {state.difficulty} · "
            f"seed {seed_code(state.seed)}")


def _ladder(steps: Sequence[AccessStep], current: str) -> str:
    ids = [s.id for s in steps]
    i = ids.index(current)
    if i + 1 < len(steps):
        nxt = steps[i + 1]
        return f"{steps[i].name} → {nxt.name} at {nxt.threshold}"
    return f"{steps[i].name} (top tier)"


def _next_step(steps: Sequence[Threshold], now: int, what: str) -> str:
    nxt = next((s for s in steps if s.value > now), None)
    return f" · {nxt.value} at rep {nxt.reputation}" if nxt else f" · the most {what}"


def label_lines(state: GameState, content: Content, answer: str | None = None) -> list[str]:
    """The Label panel: money, reputation, capital, slots, roster, access, pending event.

    ``answer`` is the label of the choice planned for the pending event, if any.
    """
    b = content.balance
    prog = b.progression
    rows = [
        ("Money", f"[b]{money(state.money)}[/b]"),
        ("Reputation", f"{state.reputation} / {b.reputation.max}"),
        ("Creative cap", str(state.creative_capital)),
        ("Focus slots", f"{state.focus_slots}"
                        f"{_next_step(prog.focus_slot_steps, state.focus_slots, 'slots')}"),
        ("Roster", f"{len(state.artists)} of {state.roster_places} places"
                   f"{_next_step(prog.roster_places, state.roster_places, 'places')}"),
    ]
    rows += [(label, _ladder(getattr(b.access, lad), getattr(state.access, lad)))
             for lad, label in LADDER_LABELS]
    lines = [f"[$text-muted]{name:<13}[/]{value}" for name, value in rows]
    if state.pending_event is not None:
        event = content.event_by_id[state.pending_event.event_id]
        if answer is None:
            lines.append(f"[$text-warning]! Event waiting: {plain(event.title)} (plan: m)[/]")
        else:
            lines.append(f"Event answered: {plain(event.title)} → {plain(answer)} "
                         "[$text-muted](applies when the month resolves)[/]")
    return lines


def _project_line(p: Project, state: GameState, content: Content) -> str:
    who = plain(artist_name(content, p.artist_id))
    if p.is_tour:
        venue = next(v.name for v in content.balance.tours.venues if v.id == p.venue)
        return (f"“{plain(p.title)}” mini-tour · {who} · {venue} × {p.cities} cities · "
                f"runs in month {p.release_month}")
    kind = content.balance.projects.types[p.kind].name
    return (f"“{plain(p.title)}” {kind} · {who} · {p.stage} {p.songs_recorded}/"
            f"{p.song_count} songs · out in month {p.release_month}")


def project_lines(state: GameState, content: Content, *, over_for_good: bool) -> list[str]:
    """Projects under way and the catalogue (for a finished game: whether the projects can
    still come out; ``over_for_good``: no career can follow, as in ``effect_lines``)."""
    active = [_project_line(p, state, content) for p in state.projects if p.active]
    released = sum(1 for p in state.projects if not p.active)
    idle = "No project under way." if state.finished else (
        "No project under way: start one in Projects (p).")
    if active and over_for_good:
        active = ["[$text-muted]Stopped for good: the label went bankrupt.[/]",
                  *(f"[$text-muted]{line}[/]" for line in active)]
    elif active and state.finished:
        active = ["[$text-muted]The campaign is over: these go on only if the label goes on "
                  "into a career.[/]", *active]
    lines = active or [idle]
    if released:
        songs = state.released_song_count
        lines.append(f"[$text-muted]{released} finished · {songs} song{'' if songs == 1 else 's'}"
                     f" in the catalogue[/]")
    return lines


def effect_lines(state: GameState, *, over_for_good: bool) -> list[str]:
    """Boosts waiting for the next project/release/tour and effects queued by choices (for a
    finished game: whether they can still apply; ``over_for_good``: no career can follow,
    as the engine's ``start_career`` says)."""
    if over_for_good:
        return ["[$text-muted]Nothing more takes effect: the label went bankrupt.[/]"]
    # '· until month 10', not '(until month 10)': a talk's source already ends '(month 3)'
    lines = [f"{badge_markup([describe_one(m.kind, m.value)])} · from {plain(m.source)}"
             f" · until month {m.expires_month}" for m in state.modifiers]
    lines += [f"Month {d.trigger_month}: {badge_markup(describe(d.effects, duration=d.duration))}"
              f" · from {plain(d.source)} (month {d.source_month})" for d in state.delayed]
    lines += [f"{badge_markup([describe_one(e.kind, e.value)])} · from {plain(e.source)}"
              f" (months {e.start_month}–{e.end_month})" for e in state.lasting
              if e.end_month >= state.month]
    if state.finished:
        note = "The campaign is over: these apply only if the label goes on into a career."
        return [f"[$text-muted]{note}[/]", *lines] if lines else ["Nothing waiting."]
    return lines or ["Nothing waiting: meetings and conversations can queue effects."]


def _news_lines(news: Sequence[GameEvent]) -> Hanging:
    """News items, a long one going on under its text (right of its month)."""
    return Hanging((f"[$text-muted]M{e.month:<3}[/]{plain(game_text(e.text))}", 4)
                   for e in news)


class DashboardScreen(GameScreen):
    """Month, money, reputation, access, trends, projects, waiting effects and news."""

    CSS_PATH = "../styles/dashboard.tcss"

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("v", "app.results", "Results", tooltip="The campaign's score",
                id="dashboard.results"),
    ]
    """v shows the results once the campaign is over."""

    def __init__(self) -> None:
        super().__init__()
        self._news: list[GameEvent] = []
        self._news_shown = NEWS_SHOWN

    def compose(self) -> ComposeResult:
        yield Static(id="dash-title", classes="screen-title")
        with VerticalScroll(id="dash-body"):
            with Horizontal(classes="row"):
                yield Static(id="label-panel", classes="panel")
                with Vertical(id="money-panel", classes="panel"):
                    yield TrendLine("money", money, id="trend-money")
                    yield TrendLine("revenue", money, id="trend-revenue")
                    yield TrendLine("reputation", str, id="trend-reputation")
                    yield Static(id="last-month")
            with Horizontal(id="projects-row", classes="row"):
                yield Static(id="projects-panel", classes="panel")
                yield Static(id="news-panel", classes="panel")
            yield Static(id="effects-panel", classes="panel")
        yield GameFooter()

    def on_mount(self) -> None:
        titles = {"#label-panel": "Label", "#money-panel": "Trends by month",
                  "#projects-panel": "Projects", "#news-panel": "News",
                  "#effects-panel": "Waiting effects"}
        for selector, title in titles.items():
            self.query_one(selector).border_title = title
        self.query_one("#dash-body").focus()
        super().on_mount()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "results":
            session = self.game_app.session
            return session is not None and session.state.results is not None
        return True

    def _event_answer(self) -> str | None:
        """The label of the choice planned for the pending event, or None."""
        session = self.session
        pending = session.state.pending_event
        answer = next((a for a in session.plan if isinstance(a, ResolveEvent)), None)
        if pending is None or answer is None:
            return None
        event = session.content.event_by_id[pending.event_id]
        return next((c.label for c in event.choices if c.id == answer.choice_id), None)

    def refresh_view(self) -> None:
        state, content = self.session.state, self.session.content
        self.query_one("#dash-title", Static).update(title_line(state, content, "Dashboard"))
        self.query_one("#label-panel", Static).update(
            "\n".join(label_lines(state, content, self._event_answer())))
        history = state.history
        self.query_one("#trend-money", TrendLine).values = tuple(h.money for h in history)
        self.query_one("#trend-revenue", TrendLine).values = tuple(h.revenue for h in history)
        self.query_one("#trend-reputation", TrendLine).values = tuple(
            h.reputation for h in history)
        if history:
            last = history[-1]
            text = (f"Month {last.month}: [$text-success]+{money(last.revenue)}[/] in · "
                    f"[$text-error]{money(-last.costs)}[/] out · "
                    f"{last.streams:,} streams")
        else:
            text = "[$text-muted]No month played yet: plan it (m), then advance (A).[/]"
        self.query_one("#last-month", Static).update(text)
        over = state.finished and self.session.career_refusal() is not None
        self.query_one("#projects-panel", Static).update(
            "\n".join(project_lines(state, content, over_for_good=over)))
        self._news = self.session.news(NEWS_MOST)
        self._show_news(NEWS_SHOWN)
        self.query_one("#effects-panel", Static).update(
            "\n".join(effect_lines(state, over_for_good=over)))
        self.call_after_refresh(self._fit_news)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_news)

    def _show_news(self, shown: int) -> None:
        self._news_shown = shown
        self.query_one("#news-panel", Static).update(
            _news_lines(self._news[:shown]) if self._news else "[$text-muted]Nothing yet.[/]")

    def _fit_news(self) -> None:
        """Show as many news items as the room below the other panels holds (at least
        ``NEWS_SHOWN``): a tall terminal's dashboard left its bottom half empty."""
        if not self.is_mounted or not self._news:
            return
        body = self.query_one("#dash-body")
        row = self.query_one("#projects-row")
        panel = self.query_one("#news-panel", Static)
        width = panel.content_size.width
        if not width:
            return
        others = sum(child.outer_size.height for child in body.children if child is not row)
        if self.has_class("-narrow"):  # the projects stack above the news
            others += self.query_one("#projects-panel").outer_size.height
        chrome = panel.outer_size.height - panel.content_size.height
        room = body.scrollable_content_region.height - others - chrome
        shown = 0
        for event in self._news:
            room -= _news_lines([event]).get_height(panel.styles, width)
            if room < 0:
                break
            shown += 1
        shown = max(NEWS_SHOWN, shown)
        if shown != self._news_shown:
            self._show_news(shown)
