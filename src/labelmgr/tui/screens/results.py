"""``ResultsScreen``: the campaign's score parts as bars, victory type, badges earned and missed.

From here the player goes back to the menu (b) or continues the label's career (c).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from labelmgr.content.models import Balance
from labelmgr.engine import BADGES, Results
from labelmgr.errors import LabelError
from labelmgr.tui.messages import StateChanged
from labelmgr.tui.screens.base import GameScreen
from labelmgr.tui.screens.dashboard import title_line
from labelmgr.tui.widgets.display import money, plain
from labelmgr.tui.widgets.footer import GameFooter
from labelmgr.tui.widgets.score_bar import ScoreBar

VICTORY_TEXT: dict[str, str] = {
    "Survival": "The label survived its first year, just.",
    "Commercial": "Money carried the label: a commercial success.",
    "Critical": "Reputation and quality carried the label: a critical success.",
    "Balanced": "Money, reputation and quality in balance.",
}
"""One line under each victory type but Failure (``victory_line`` says why it failed)."""


def victory_line(results: Results, balance: Balance, final_money: int) -> str:
    """The line under the victory type. A Failure says why: bankruptcy (and, when settling
    the deals still running lifted the money back over the line, that it did), or a score
    under the Failure line."""
    if results.bankrupt:
        line = balance.campaign.bankruptcy_threshold
        text = f"The label went bankrupt: its money fell below the {money(line)} line."
        if final_money >= line:
            text += (f" Settling the deals still running at the end left it at "
                     f"{money(final_money)}.")
        return text
    if results.victory_type == "Failure":
        return (f"The label kept its doors open but made no mark: a score under "
                f"{balance.scoring.failure_below:g} is a Failure.")
    return VICTORY_TEXT.get(results.victory_type, "")


class ResultsScreen(GameScreen):
    """The frozen results of the campaign (shown after month 12, at bankruptcy, or when a
    career went bankrupt: then a line above the score says so and the career cannot go on)."""

    CSS_PATH = "../styles/results.tcss"

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("b", "main_menu", "Back to menu", id="results.menu"),
        Binding("c", "career", "Continue career", tooltip="Keep running the label, open-ended",
                id="results.career"),
        Binding("escape", "close", "Close", id="results.close"),
    ]
    """b back to the menu, c continue the career, escape back to the game."""

    def compose(self) -> ComposeResult:
        session = self.session
        state, content = session.state, session.content
        results = state.results
        assert results is not None, "results shown before the campaign ended"
        w = content.balance.scoring.weights
        yield Static(title_line(state, content, "Campaign results"), classes="screen-title")
        with VerticalScroll(id="results-body"):
            if session.career_bankrupt:
                last = state.history[-1]
                line = content.balance.campaign.bankruptcy_threshold
                yield Static(f"[b $text-error]Career over:[/] the label went bankrupt in month "
                             f"{last.month} of its career (money {money(last.money)}, below "
                             f"the {money(line)} line). It cannot go on; the campaign's score "
                             f"below stays as it was at month {results.month}.",
                             id="results-career-over")
            bankrupt = " · [$text-error]bankrupt[/]" if results.bankrupt else ""
            final = next((h.money for h in state.history if h.month == results.month),
                         state.money)  # the campaign's, not the career's money today
            yield Static(f"[b]Score {results.score:g}[/b] · [b]{results.victory_type}[/b]"
                         f"{bankrupt} · month {results.month} · money {money(final)}\n"
                         f"{victory_line(results, content.balance, final)}\n"
                         "[$text-muted]Each part is scored out of 100; the score is their "
                         "sum, each times its weight (×).[/]", id="results-score")
            yield ScoreBar("Money", results.money_part, w.money)
            yield ScoreBar("Reputation", results.reputation_part, w.reputation)
            yield ScoreBar("Quality", results.quality_part, w.quality)
            yield ScoreBar("Access", results.access_part, w.access)
            earned = [b for b in BADGES if b.id in results.badges]
            missed = [b for b in BADGES if b.id not in results.badges]
            lines = [f"[b]Badges earned ({len(earned)} of {len(BADGES)})[/b]"]
            lines += [f"[$text-success]✓ {plain(b.name)}[/] — {plain(b.description)}"
                      for b in earned] or ["[$text-muted]none[/]"]
            lines += ["", "[b]Missed[/b]"]
            lines += [f"[$text-muted]✗ {plain(b.name)} — {plain(b.description)}[/]"
                      for b in missed] or ["[$text-muted]none: every badge earned![/]"]
            yield Static("\n".join(lines), id="results-badges")
            with Horizontal(classes="dialog-buttons", id="results-buttons"):
                if state.career:  # looked up with v during the career: Enter goes back to it
                    yield Button("Back to the game", id="results-close", variant="primary")
                else:
                    yield Button("Continue career", id="results-career", variant="primary",
                                 disabled=session.career_refusal() is not None)
                yield Button("Back to menu", id="results-menu")
        yield GameFooter()

    def on_mount(self) -> None:
        super().on_mount()
        first = self.query_one("#results-buttons").query(Button).first()
        # without scrolling to the buttons: the score comes first, even in 80x24
        (self.query_one("#results-menu") if first.disabled else first).focus(
            scroll_visible=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        session = self.game_app.session
        if action == "career":
            return session is not None and not session.state.career \
                and session.career_refusal() is None
        if action == "main_menu":
            return self.game_app.action_allowed("main_menu", (), self)
        return True

    @on(Button.Pressed, "#results-menu")
    async def action_main_menu(self) -> None:
        await self.game_app.leave_game()

    @on(Button.Pressed, "#results-career")
    async def action_career(self) -> None:
        try:
            self.session.start_career()
        except LabelError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return
        self.app.post_message(StateChanged())
        self.dismiss(None)
        await self.game_app.switch_mode("dashboard")

    @on(Button.Pressed, "#results-close")
    def action_close(self) -> None:
        self.dismiss(None)
