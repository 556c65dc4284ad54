"""``ProfileScreen``: log in or register. The first screen, shown before storage is loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from labelmgr.errors import LabelError
from labelmgr.tui.screens.first_resume import KeepStylesOnFirstResume
from labelmgr.tui.widgets.controls import FormButton, FormCheckbox, FormInput
from labelmgr.tui.widgets.display import sentence
from labelmgr.tui.widgets.footer import GameFooter

if TYPE_CHECKING:
    from labelmgr.tui.app import LabelApp

INTRO_LOG_IN = "Run a young record label. New here? ctrl+r registers."
INTRO_REGISTER = "Making a new profile. Have one? esc goes to log in."


class ProfileScreen(KeepStylesOnFirstResume, Screen[None]):
    """Username, password (twice when registering), remember me; Enter logs in."""

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("ctrl+r", "toggle_register", "Register / log in",
                tooltip="Switch between logging in and registering a new profile",
                id="profile.toggle-register"),
        Binding("escape", "cancel_register", "Back to log in", id="profile.cancel-register"),
    ]
    """ctrl+r switches between log in and register; escape leaves registering."""

    AUTO_FOCUS = "#username"
    """Focus starts on the name (Textual's default, the first focusable widget, would be the
    scrolling container: focusing it, then the name, restyled the whole form twice)."""
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = []
    """None: the form is the same at every width (no restyle of it for ``-narrow``)."""

    registering: reactive[bool] = reactive(False, bindings=True)
    """True while the form registers a new profile (asks for the password twice)."""

    def __init__(self) -> None:
        super().__init__()
        self._pending: str | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="profile-scroll"), Vertical(id="profile-box") as box:
            box.border_title = "labelmgr"
            yield Static(INTRO_LOG_IN, id="profile-intro")
            yield Static("Username")
            yield FormInput(id="username", placeholder="your name")
            yield Static("Password")
            yield FormInput(id="password", password=True)
            yield Static("Password again", id="confirm-label")
            yield FormInput(id="confirm", password=True)
            yield FormCheckbox("Remember me on this computer", id="remember")
            with Horizontal(id="profile-buttons"):
                yield FormButton("Log in", id="login", variant="primary")
                yield FormButton("Register", id="register")
            yield Static("", id="profile-status")
        yield GameFooter()

    def on_mount(self) -> None:
        self._show_status("" if self._app.service else "Opening the database…")

    @property
    def _app(self) -> LabelApp:
        return self.app  # type: ignore[return-value]

    def service_ready(self) -> None:
        """Called by the app when the service arrives: run a submit made while loading."""
        if not self.is_mounted:
            return
        self._show_status("")
        pending, self._pending = self._pending, None
        if pending:
            self._submit(pending)

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_register":
            return self.registering
        return True

    def action_toggle_register(self) -> None:
        self.registering = not self.registering

    def action_cancel_register(self) -> None:
        self.registering = False

    @on(FormInput.Submitted, "#username")
    def focus_password(self) -> None:
        self.query_one("#password", FormInput).focus()

    @on(FormInput.Submitted, "#password")
    def password_entered(self) -> None:
        if self.registering:
            self.query_one("#confirm", FormInput).focus()
        else:
            self._submit("login")

    @on(FormInput.Submitted, "#confirm")
    @on(FormButton.Pressed, "#login")
    def log_in_or_register(self, event: FormInput.Submitted | FormButton.Pressed) -> None:
        self._submit("register" if self.registering and isinstance(event, FormInput.Submitted)
                     else "login")

    @on(FormButton.Pressed, "#register")
    def register_pressed(self) -> None:
        if not self.registering:
            self.registering = True
            return
        self._submit("register")

    def watch_registering(self, registering: bool) -> None:
        self.set_class(registering, "-registering")
        self.query_one("#profile-box").border_title = (
            "labelmgr · new profile" if registering else "labelmgr")
        self.query_one("#profile-intro", Static).update(
            INTRO_REGISTER if registering else INTRO_LOG_IN)
        self.query_one("#register", FormButton).variant = "primary" if registering else "default"
        self.query_one("#login", FormButton).variant = "default" if registering else "primary"
        if registering:  # the first field still to fill: ctrl+r may come before the name
            fields = [self.query_one(f"#{name}", FormInput)
                      for name in ("username", "password", "confirm")]
            next(field for field in fields if not field.value or field is fields[-1]).focus()
        self._show_status("")

    # ------------------------------------------------------------------ the service

    def _submit(self, kind: str) -> None:
        username = self.query_one("#username", FormInput).value.strip()
        password = self.query_one("#password", FormInput).value
        if kind == "register" and password != self.query_one("#confirm", FormInput).value:
            self._show_status("The two passwords differ: type the same password twice.",
                              error=True)
            self.query_one("#confirm", FormInput).focus()
            return
        if self._app.service is None:
            self._pending = kind
            self._show_status("Opening the database… you will be signed in in a moment.")
            return
        self._show_status("Signing in…")
        remember = self.query_one("#remember", FormCheckbox).value
        self._authenticate(kind, username, password, remember)

    @work(thread=True, exclusive=True, group="auth")
    def _authenticate(self, kind: str, username: str, password: str, remember: bool) -> None:
        """Password hashing takes a noticeable moment: keep it off the UI thread."""
        service = self._app.service
        assert service is not None
        try:
            if kind == "register":
                user = service.register(username, password, remember=remember)
            else:
                user = service.login(username, password, remember=remember)
        except LabelError as exc:
            self.app.call_from_thread(self._refused, exc)
            return
        self.app.call_from_thread(self._app.show_menu, f"Signed in as {user.username}.")

    def _refused(self, exc: LabelError) -> None:
        hint = " New here? Press Register (ctrl+r) to make a profile." \
            if exc.code == "AUTH_INVALID" and not self.registering else ""
        self._show_status(sentence(exc.message) + hint, error=True)
        field = "#username" if "USER" in exc.code or "NAME" in exc.code else "#password"
        if exc.code == "AUTH_INVALID":  # a mistyped password: retype it, not edit hidden dots
            self.query_one("#password", FormInput).value = ""
        self.query_one(field, FormInput).focus()

    def _show_status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#profile-status", Static)
        status.update(text)
        status.set_class(error, "-error")
