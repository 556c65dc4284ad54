"""``LabelApp``: the modes, the global keys, the service and the open game. No rules, no SQL.

Startup is cheap on purpose: this module imports only Textual and the first screen (help and
the dialogs are imported when first used). The storage-backed service (SQLAlchemy), the
content (pydantic) and the engine (numpy) are loaded in a thread worker once the first screen
is up, which then posts ``ServiceReady``. The in-game screens are imported when their mode is
first shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from labelmgr.errors import LabelError
from labelmgr.tui.commands import GameCommands
from labelmgr.tui.messages import (
    AdvanceFailed,
    MonthAdvanced,
    ServiceFailed,
    ServiceReady,
    StateChanged,
)
from labelmgr.tui.screens.first_resume import KeepStylesOnFirstResume
from labelmgr.tui.screens.profile import ProfileScreen
from labelmgr.tui.widgets.display import game_text, sentence

if TYPE_CHECKING:
    from textual.app import SystemCommand

    from labelmgr.engine import Action
    from labelmgr.service import GameService, GameSession, UserInfo


def lazy_screen(path: str) -> Callable[[], Screen[Any]]:
    """A factory for ``"package.module:ScreenClass"``, imported only when first needed."""

    def build() -> Screen[Any]:
        module, _, name = path.partition(":")
        screen: Screen[Any] = getattr(import_module(module), name)()
        return screen

    build.__qualname__ = path
    return build


def _is_help(screen: Screen[Any]) -> bool:
    """True for the help screen (imported at first use, not before the first screen)."""
    from labelmgr.tui.screens.help import HelpScreen

    return isinstance(screen, HelpScreen)


GAME_SCREENS: dict[str, str] = {
    "dashboard": "labelmgr.tui.screens.dashboard:DashboardScreen",
    "planner": "labelmgr.tui.screens.planner:PlannerScreen",
    "roster": "labelmgr.tui.screens.roster:RosterScreen",
    "projects": "labelmgr.tui.screens.projects:ProjectsScreen",
    "news": "labelmgr.tui.screens.news:NewsScreen",
    "saves": "labelmgr.tui.screens.saves:SavesScreen",
}
"""Each in-game mode and its screen (imported lazily: they pull in the engine)."""


class MenuBase(KeepStylesOnFirstResume, Screen[None]):
    """The ``menu`` mode's base: an empty screen, always under the profile or the main menu.

    Not Textual's default ``Screen``: as a subclass like every other screen, the ``Screen`` and
    ``Widget`` stylesheets are parsed once, not again at a second depth in the class tree.
    Its one resume, at startup, skips Textual's restyle (its styles were just computed).
    """

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = []
    """Empty: no width classes to restyle it for."""


class LabelApp(App[None]):
    """The labelmgr terminal game."""

    CSS_PATH: ClassVar[list[str]] = ["styles/app.tcss", "styles/profile.tcss"]  # type: ignore[misc]
    """The shared look and the first screen's styles; other screens bring their own."""
    TITLE = "labelmgr"
    COMMANDS = App.COMMANDS | {GameCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"), (100, "-wide")]
    """Screens lay panels side by side from 100 columns; below that they stack and scroll."""

    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        mode: lazy_screen(path) for mode, path in GAME_SCREENS.items()}
    """The in-game screens, one mode each."""
    DEFAULT_MODE: ClassVar[str] = "menu"
    """``menu`` holds the profile and main menu, pushed over an empty base screen (Textual
    cannot switch away from a mode's base screen). It starts on Textual's default screen and
    is declared a mode in ``on_mount``: a screen built from ``MODES`` costs a full CSS refresh
    and reparse before the first screen (about 11 ms)."""

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("m", "show('planner')", "Plan", tooltip="Fill this month's focus slots",
                id="app.planner"),
        Binding("A", "advance", "Advance", key_display="A",
                tooltip="Resolve the month with your plan (asks first)", id="app.advance"),
        Binding("question_mark", "help", "Help", key_display="?",
                tooltip="How the game works and every key", id="app.help"),
        Binding("q", "quit_game", "Quit", tooltip="Quit (asks first during a game)",
                id="app.quit"),
        # Textual's own quit key, as ``action_quit`` now does it (its text said it left at once)
        Binding("ctrl+q", "quit", "Quit", tooltip="Quit (asks first during a game)",
                show=False, priority=True, id="app.quit_ctrl"),
        Binding("d", "show('dashboard')", "Dashboard", tooltip="The label at a glance",
                id="app.dashboard"),
        Binding("r", "show('roster')", "Roster", tooltip="Your artists and who to sign",
                id="app.roster"),
        Binding("p", "show('projects')", "Projects", tooltip="Records, tours and songs",
                id="app.projects"),
        Binding("n", "show('news')", "News", tooltip="What happened, newest first",
                id="app.news"),
        Binding("s", "show('saves')", "Saves", tooltip="Save slots and autosaves",
                id="app.saves"),
        Binding("escape", "back", "Back", show=False, id="app.back"),
    ]
    """Global keys, most used first (the footer shows them in this order); every binding
    has a stable id for ``set_keymap``."""

    def __init__(self, service: GameService | None = None, *,
                 service_factory: Callable[[], GameService] | None = None,
                 session: GameSession | None = None, seed_code: str | None = None) -> None:
        super().__init__()
        self.service: GameService | None = service
        """The service, once built (directly, or by ``service_factory`` in a worker)."""
        self.session: GameSession | None = session
        """The open game, or None outside a game."""
        self.seed_code = seed_code
        """Pre-fills New game's seed code (``labelmgr --seed CODE``)."""
        self.advancing = False
        """True while the month resolves in a worker (the month's keys wait)."""
        self.startup_error: str | None = None
        """Why the app could not start (printed by ``run_game`` after exit)."""
        self.crash_note: str | None = None
        """Set when an unexpected error closed the app (printed by ``run_game``)."""
        self._service_factory = service_factory

    def get_default_screen(self) -> Screen[Any]:
        return MenuBase()

    async def on_mount(self) -> None:
        self.add_mode("menu", MenuBase)  # its stack exists already: this lets switch_mode return
        if self.session is not None:
            await self.open_session(self.session)
            return
        await self.push_screen(ProfileScreen())
        if self.service is not None:
            self._service_ready(self.service, self.service.user or self.service.resume())
        elif self._service_factory is not None:
            # after the first paint: the import-heavy worker would compete with it for the GIL
            self.call_after_refresh(self._build_service, self._service_factory)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's palette commands without its Quit, which exits at once, dropping the
        month's plan unasked; the game's own "app: quit" asks first during a game."""
        for command in super().get_system_commands(screen):
            if command.callback != self.action_quit:
                yield command

    def _handle_exception(self, error: Exception) -> None:
        """Textual's exit on an unhandled error, with the traceback in a file, not on screen.

        Overrides Textual's hook (the only place this can be done): ``run_test`` still
        re-raises the error for tests, and ``textual run --dev`` still shows the traceback.
        """
        from labelmgr.tui.crash import crash_note, write_crash_file

        if self.crash_note is None:  # the first error is the cause; later ones follow from it
            self.crash_note = crash_note(write_crash_file(error))
        super()._handle_exception(error)
        if "debug" not in self.features:
            self._exit_renderables.clear()

    def _fatal_error(self) -> None:
        """Textual's exit after an unhandled error, without first rendering the traceback
        that ``_handle_exception`` throws away: with its locals (the game's state, content
        and widgets) it took Rich a minute or more, the game frozen and deaf meanwhile.
        ``textual run --dev`` still gets Textual's traceback."""
        if "debug" in self.features:
            super()._fatal_error()
            return
        self.bell()
        self._close_messages_no_wait()

    # ------------------------------------------------------------------ the service

    @work(thread=True, exclusive=True, group="service", exit_on_error=False)
    def _build_service(self, factory: Callable[[], GameService]) -> None:
        """Build the service off the UI thread, then warm the in-game screens' imports."""
        try:
            service = factory()
            user = service.resume()
            for path in GAME_SCREENS.values():
                import_module(path.partition(":")[0])
        except LabelError as exc:
            self.post_message(ServiceFailed(exc.message))
            return
        except Exception as exc:  # noqa: BLE001 - the player gets a message, not a traceback
            self.post_message(ServiceFailed(f"could not open the game: {exc}"))
            return
        self.post_message(ServiceReady(service, user))

    def on_service_ready(self, message: ServiceReady) -> None:
        self._service_ready(message.service, message.user)

    def on_service_failed(self, message: ServiceFailed) -> None:
        self.startup_error = message.text
        self.exit(return_code=1)

    def _service_ready(self, service: GameService, user: UserInfo | None) -> None:
        self.service = service
        notice = service.take_notice()  # e.g. an empty file became a new database
        if notice:
            self.notify(notice, title="Database", severity="warning", timeout=15, markup=False)
        screen = self.screen
        if isinstance(screen, ProfileScreen):
            screen.service_ready()
        if user is not None:
            self.show_menu(f"Welcome back, {user.username}.")

    def show_menu(self, greeting: str | None = None) -> None:
        """Replace the profile screen with the main menu (after a login)."""
        from labelmgr.tui.screens.menu import MenuScreen

        self.switch_screen(MenuScreen())
        if greeting:
            self.notify(greeting)

    def show_profile(self) -> None:
        """Back to the profile screen (after logging out)."""
        self.switch_screen(ProfileScreen())

    # ------------------------------------------------------------------ the game

    async def open_session(self, session: GameSession) -> None:
        """Play ``session``: fresh in-game screens, starting on the dashboard. The toasts of
        where the player came from ('Signed in as …', 'Pick a game with the arrows …', the
        last game's) go: they are stale in the game just opened."""
        self.clear_notifications()
        self.session = session
        for mode in GAME_SCREENS:
            factory = self.MODES[mode]
            await self.remove_mode(mode)
            self.add_mode(mode, factory)
        await self.switch_mode("dashboard")
        self.refresh_bindings()

    async def leave_game(self) -> None:
        """Close the game and go back to the main menu (or quit when there is no profile)."""
        if self.service is None or self.service.user is None:
            self.exit()
            return
        self.session = None
        await self.switch_mode("menu")
        self.refresh_bindings()

    def add_to_plan(self, action: Action) -> str | None:
        """Add an action to the plan; returns the refusal as the screens show it (a sentence,
        with their minus on its amounts), or None when added."""
        if self.session is None:
            return "No game is open."
        try:
            self.session.add(action)
        except LabelError as exc:
            return sentence(game_text(exc.message))
        self.post_message(StateChanged())
        return None

    def remove_from_plan(self, index: int) -> None:
        """Take planned action ``index`` out (and what depended on it)."""
        if self.session is None:
            return
        try:
            self.session.remove(index)
        except LabelError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return
        self.post_message(StateChanged())

    def on_state_changed(self, message: StateChanged) -> None:
        for screen in self.screen_stack:
            screen.post_message(StateChanged())
        self.refresh_bindings()

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.action_allowed(action, parameters, self.screen)

    def action_allowed(self, action: str, parameters: tuple[object, ...],
                       screen: Screen[Any]) -> bool | None:
        """True when ``action`` can run from ``screen``, None to show it dimmed, False to hide.

        Mode keys and the month's actions work from a mode's own screen or from help, not
        over a modal or the month report.
        """
        session = self.session
        if action == "quit_game" or action == "help":
            return True
        if action == "main_menu":
            return session is not None and self.service is not None \
                and self.service.user is not None
        if session is None or not (screen is self.screen_stack[0] or _is_help(screen)):
            return action not in ("show", "advance", "answer_event", "results")
        state = session.state
        if action == "show":
            if parameters[0] not in GAME_SCREENS:
                return False
            return None if self.current_mode == parameters[0] and screen is \
                self.screen_stack[0] else True
        if action == "advance":
            return None if self.advancing or state.finished else True
        if action == "answer_event":  # once answered, x in the planner takes it back out
            from labelmgr.engine import ResolveEvent

            return state.pending_event is not None \
                and not any(isinstance(a, ResolveEvent) for a in session.plan)
        if action == "results":
            return state.results is not None
        return True

    async def action_show(self, mode: str) -> None:
        """Switch to an in-game mode (closing help first)."""
        if _is_help(self.screen) and len(self.screen_stack) > 1:
            await self.pop_screen()
        await self.switch_mode(mode)

    def action_results(self) -> None:
        """Show the campaign results again."""
        from labelmgr.tui.screens.results import ResultsScreen

        self.push_screen(ResultsScreen())

    def action_answer_event(self) -> None:
        """Open the pending random event's decision."""
        from labelmgr.tui.screens.modals.choice import event_prompt

        if self.session is not None and self.session.state.pending_event is not None:
            self.push_screen(event_prompt(self.session), self.answer_event)

    async def action_main_menu(self) -> None:
        await self.leave_game()

    def action_help(self) -> None:
        from labelmgr.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen.active_bindings))

    async def action_back(self) -> None:
        """Close a pushed screen; on an in-game screen, go back to the dashboard."""
        lowest = 2 if self.current_mode == "menu" else 1  # never below the profile or menu
        if len(self.screen_stack) > lowest and not isinstance(self.screen, ModalScreen):
            await self.pop_screen()
        elif self.session is not None and self.current_mode not in ("dashboard", "menu"):
            await self.switch_mode("dashboard")

    async def action_quit(self) -> None:
        """ctrl+q (Textual's quit key): as q, it asks first during a game; Textual's quit
        left at once, dropping the month's plan unasked. Pressed again in that dialog, it
        quits."""
        from labelmgr.tui.screens.modals.confirm import LeaveModal

        if isinstance(self.screen, LeaveModal):
            self.exit()
        else:
            self.action_quit_game()

    def action_quit_game(self) -> None:
        """Quit at once outside a game; during a game, ask (with a way back to the menu)."""
        if self.session is None:
            self.exit()
            return
        from labelmgr.tui.screens.modals.confirm import LeaveModal

        can_menu = self.service is not None and self.service.user is not None
        self.push_screen(LeaveModal(can_menu, len(self.session.plan)), self._leave_chosen)

    async def _leave_chosen(self, choice: str | None) -> None:
        if choice == "quit":
            self.exit()
        elif choice == "menu":
            await self.leave_game()

    def action_advance(self) -> None:
        """Ask to resolve the month with the plan; the month then resolves in a worker."""
        from labelmgr.tui.screens.modals.advance import AdvanceModal

        if self.session is not None:
            self.push_screen(AdvanceModal(), self._advance_confirmed)

    def _advance_confirmed(self, confirmed: bool | None) -> None:
        if confirmed and self.session is not None:
            if _is_help(self.screen) and len(self.screen_stack) > 1:
                # advanced from help: the report leads to the dashboard, and help would
                # wait, stale, on this mode's screen for its next visit
                self.pop_screen()
            self.advancing = True
            self.refresh_bindings()
            self._advance(self.session)

    @work(thread=True, exclusive=True, group="advance", exit_on_error=False)
    def _advance(self, session: GameSession) -> None:
        """Resolve the month (engine + the save) off the UI thread."""
        try:
            report = session.advance()
        except LabelError as exc:
            self.post_message(AdvanceFailed(exc.message))
            return
        except Exception as exc:  # noqa: BLE001 - shown to the player, never a traceback
            self.post_message(AdvanceFailed(f"The month could not be resolved: {exc}"))
            return
        self.post_message(MonthAdvanced(report))

    @on(AdvanceFailed)
    def show_advance_error(self, message: AdvanceFailed) -> None:
        self.advancing = False
        self.refresh_bindings()
        self.notify(message.text, title="Month not advanced", severity="error", timeout=10,
                    markup=False)

    @on(MonthAdvanced)
    def show_month_report(self, message: MonthAdvanced) -> None:
        from labelmgr.tui.screens.report import ReportScreen

        self.advancing = False
        # the toasts of the plan ("… signs when the month resolves") are stale now that it has
        # resolved: they would linger over the report that says what happened
        self.clear_notifications()
        self.post_message(StateChanged())
        self.push_screen(ReportScreen(message.report), self._after_report)

    async def _after_report(self, month: int | None) -> None:
        """After the report: the results when the game just ended (the campaign's last month,
        a bankruptcy, a bankrupt career), else a pending event."""
        from labelmgr.tui.screens.modals.choice import event_prompt
        from labelmgr.tui.screens.results import ResultsScreen

        session = self.session
        if session is None:
            return
        state = session.state
        if month is not None and state.finished:
            await self.push_screen(ResultsScreen())
            return
        await self.switch_mode("dashboard")
        if state.pending_event is not None:
            self.push_screen(event_prompt(session), self.answer_event)

    def answer_event(self, choice: object) -> None:
        """Put the player's answer to the pending event into the plan."""
        from labelmgr.engine import ResolveEvent
        from labelmgr.tui.screens.modals.choice import ChoiceMade

        if isinstance(choice, ChoiceMade):
            error = self.add_to_plan(ResolveEvent(choice.choice_id))
            if error:
                self.notify(error, severity="error", markup=False)
            else:
                self.notify("Your answer is in the plan; it applies when the month resolves "
                            "(x on it in the planner changes it).", title="Event answered")
