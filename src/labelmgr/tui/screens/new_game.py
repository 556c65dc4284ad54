"""``NewGameScreen``: label name (Enter starts), difficulty and an optional seed code."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from labelmgr.errors import LabelError
from labelmgr.tui.widgets.display import line_start, money, plain
from labelmgr.tui.widgets.footer import GameFooter

if TYPE_CHECKING:
    from labelmgr.tui.app import LabelApp


class NewGameScreen(Screen[None]):
    """Start a campaign. Enter in the name starts it with the difficulty and seed shown."""

    CSS_PATH = "../styles/new_game.tcss"

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("escape", "cancel", "Back", id="new-game.cancel"),
    ]
    """Escape goes back to the menu."""

    def compose(self) -> ComposeResult:
        app: LabelApp = self.app  # type: ignore[assignment]
        assert app.service is not None
        presets = app.service.content.balance.difficulties
        with VerticalScroll(id="new-game-scroll"), Vertical(id="new-game-box") as box:
            box.border_title = "New game"
            yield Label("Label name")
            yield Input(id="label-name", placeholder="e.g. Neon Owl Records", max_length=40)
            yield Static("", id="label-name-error", classes="-error")
            yield Label("Difficulty")
            with RadioSet(id="difficulty"):
                for ident, preset in presets.items():
                    yield RadioButton(f"{preset.name} · {money(preset.starting_money)}",
                                      value=ident == "normal", name=ident)
            yield Static("", id="difficulty-text", classes="hint")
            yield Label("Seed code (optional: the same code gives the same world)")
            yield Input(app.seed_code or "", id="seed", placeholder="random, e.g. 7Q2K-MX4P")
            yield Static("", id="seed-error", classes="-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start", id="start", variant="primary")
                yield Button("Back", id="back")
        yield GameFooter()

    def on_mount(self) -> None:
        self.query_one("#label-name", Input).focus()
        difficulty = self.query_one("#difficulty", RadioSet)
        # Textual highlights the first button, not the pressed one (normal): a player who
        # tabs in and presses down expects the one after normal
        difficulty._selected = difficulty.pressed_index  # no public setter for the highlight
        self.describe_difficulty()

    @on(RadioSet.Changed, "#difficulty")
    def describe_difficulty(self) -> None:
        """Show what the chosen difficulty means (from the content)."""
        app: LabelApp = self.app  # type: ignore[assignment]
        assert app.service is not None
        preset = app.service.content.balance.difficulties[self._difficulty]
        self.query_one("#difficulty-text", Static).update(plain(preset.description))

    @property
    def _difficulty(self) -> str:
        pressed = self.query_one("#difficulty", RadioSet).pressed_button
        return pressed.name if pressed and pressed.name else "normal"

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#back")
    def back(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#start")
    async def start(self) -> None:
        app: LabelApp = self.app  # type: ignore[assignment]
        assert app.service is not None
        name = self.query_one("#label-name", Input).value.strip()
        seed = self.query_one("#seed", Input).value.strip() or None
        difficulty = self._difficulty
        name_error = self.query_one("#label-name-error", Static)
        seed_error = self.query_one("#seed-error", Static)
        name_error.update("")
        seed_error.update("")
        try:
            session = app.service.new_game(name, difficulty, seed)
        except LabelError as exc:
            on_seed = "SEED" in exc.code
            (seed_error if on_seed else name_error).update(plain(line_start(exc.message)))
            self.query_one("#seed" if on_seed else "#label-name", Input).focus()
            return
        self.dismiss(None)
        await app.open_session(session)
