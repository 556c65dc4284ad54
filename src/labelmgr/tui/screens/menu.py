"""``MenuScreen``: new game, continue, load, delete (with confirmation), log out, quit."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from labelmgr.errors import LabelError
from labelmgr.tui.screens.modals.confirm import ConfirmModal
from labelmgr.tui.widgets.display import money, plain
from labelmgr.tui.widgets.footer import GameFooter
from labelmgr.tui.widgets.row_table import RowTable

if TYPE_CHECKING:
    from labelmgr.service import GameService, GameSummary
    from labelmgr.tui.app import LabelApp

MENU: tuple[tuple[str, str], ...] = (
    ("new", "New game"), ("continue", "Continue"), ("load", "Load a game"),
    ("delete", "Delete a game"), ("logout", "Log out"), ("quit", "Quit"))
"""(id, label) of the menu entries, in order."""


def _month(g: GameSummary) -> str:
    """The month the list shows: the one being played, or for a campaign that is over, the
    last one played (the game has already moved on to the next)."""
    return str(g.month - 1 if g.complete and not g.career else g.month)


def _status(g: GameSummary) -> str:
    parts = [g.difficulty]
    if g.complete:
        parts.append("bankrupt" if g.bankrupt else "career" if g.career else "finished")
    if g.content_changed:
        parts.append("content changed")
    return ", ".join(parts)


class MenuScreen(Screen[None]):
    """The main menu and the list of the player's games (last played first)."""

    CSS_PATH = "../styles/menu.tcss"

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("n", "menu('new')", "New game", id="menu.new"),
        Binding("c", "menu('continue')", "Continue", id="menu.continue"),
        Binding("l", "menu('load')", "Load", id="menu.load"),
        Binding("x,delete", "menu('delete')", "Delete", id="menu.delete"),
        Binding("o", "menu('logout')", "Log out", id="menu.logout"),
    ]
    """One key per menu entry (q quits, from the app)."""

    def __init__(self) -> None:
        super().__init__()
        self._games: list[GameSummary] = []

    def compose(self) -> ComposeResult:
        yield Static(id="menu-title", classes="screen-title")
        with Horizontal(id="menu-row", classes="row"):
            yield OptionList(*[Option(label, id=ident) for ident, label in MENU],
                             id="menu-list", classes="panel")
            with Vertical(id="games-panel", classes="panel"):
                yield RowTable(id="games")
                yield Static("", id="games-empty", classes="hint")
        yield GameFooter()

    @property
    def _app(self) -> LabelApp:
        return self.app  # type: ignore[return-value]

    @property
    def _service(self) -> GameService:
        service = self._app.service
        assert service is not None, "menu shown without a service"
        return service

    def on_mount(self) -> None:
        self.query_one("#menu-list").border_title = "Menu"
        self.query_one("#games-panel").border_title = "Your games"
        table = self.query_one("#games", DataTable)
        # the status before the time: when a long name pushes the last column out of a
        # 100-column terminal, the time goes, not 'career' or 'bankrupt'
        table.add_columns("Label", "Month", "Money", "Rep.", "Status", "Last played")
        self.query_one("#menu-list", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.refresh_games()

    def refresh_games(self) -> None:
        """Reload the games list from the service."""
        service = self._service
        user = service.user
        self.query_one("#menu-title", Static).update(
            f"[b]labelmgr[/b] · signed in as {plain(user.username) if user else '?'}")
        try:
            self._games = service.list_games()
        except LabelError as exc:
            self.notify(exc.message, severity="error", markup=False)
            self._games = []
        table = self.query_one("#games", DataTable)
        table.clear()
        for g in self._games:
            table.add_row(Text(g.label_name), _month(g), money(g.money), str(g.reputation),
                          _status(g), g.updated_at.strftime("%Y-%m-%d %H:%M"), key=str(g.id))
        self.query_one("#games-empty", Static).update(
            "" if self._games else "No game yet: start one with New game (n).")
        menu = self.query_one("#menu-list", OptionList)
        latest = f"Continue “{plain(self._games[0].label_name)}”" if self._games else "Continue"
        menu.replace_option_prompt("continue", latest)
        for ident in ("continue", "load", "delete"):
            menu.get_option(ident).disabled = not self._games
        menu.refresh()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "menu" and parameters[0] in ("continue", "load", "delete"):
            return bool(self._games) or None
        return True

    @on(OptionList.OptionSelected, "#menu-list")
    async def menu_chosen(self, event: OptionList.OptionSelected) -> None:
        await self.action_menu(event.option.id or "")

    async def action_menu(self, choice: str) -> None:
        if choice == "new":
            from labelmgr.tui.screens.new_game import NewGameScreen

            self.app.push_screen(NewGameScreen())
        elif choice == "continue" and self._games:
            await self.open_game(self._games[0].id)
        elif choice == "load" and self._games:
            self.query_one("#games", DataTable).focus()
            self.notify("Pick a game with the arrows and press Enter.")
        elif choice == "delete" and self._games:
            table = self.query_one("#games", DataTable)
            if table.has_focus:
                self._ask_delete()
            else:
                table.focus()
                self.notify("Highlight the game to delete, then press x.")
        elif choice == "logout":
            self._service.logout()
            self._app.show_profile()
        elif choice == "quit":
            self.app.exit()

    @on(DataTable.RowSelected, "#games")
    async def load_selected(self, event: DataTable.RowSelected) -> None:
        await self.open_game(int(event.row_key.value or 0))

    async def open_game(self, game_id: int) -> None:
        """Open a saved game and show its dashboard (warning when the content changed)."""
        try:
            session = self._service.open_game(game_id)
            warning = self._service.content_warning(game_id)
        except LabelError as exc:
            self.notify(exc.message, title="Could not open the game", severity="error",
                        markup=False)
            return
        await self._app.open_session(session)
        if warning:
            self.app.notify(warning, title="Content changed", severity="warning", timeout=10,
                            markup=False)

    def _selected_game(self) -> GameSummary | None:
        table = self.query_one("#games", DataTable)
        if not self._games:
            return None
        return self._games[min(table.cursor_row, len(self._games) - 1)]

    def _ask_delete(self) -> None:
        game = self._selected_game()
        if game is None:
            return

        def done(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                self._service.delete_game(game.id)
            except LabelError as exc:
                self.notify(exc.message, severity="error", markup=False)
                return
            self.notify(f"Deleted “{game.label_name}”.", markup=False)
            self.refresh_games()

        self.app.push_screen(ConfirmModal(
            "Delete a game", f"Delete “{plain(game.label_name)}” (month {_month(game)}) and all "
            "its saves? This cannot be undone.", "Delete"), done)
