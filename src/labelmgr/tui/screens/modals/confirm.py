"""Small yes/no dialogs: ``ConfirmModal`` and ``LeaveModal`` (quit or back to the menu)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from labelmgr.tui.widgets.display import plural


class ConfirmModal(ModalScreen[bool]):
    """Ask a yes/no question: Enter confirms, Escape cancels."""

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("escape", "cancel", "Cancel", id="confirm.cancel"),
    ]
    """Escape cancels (Enter presses the focused button, the confirm button at first)."""

    def __init__(self, title: str, question: str, confirm: str = "Confirm") -> None:
        super().__init__()
        self._title = title
        self._question = question
        self._confirm = confirm

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = self._title
            yield Static(self._question, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._confirm, id="confirm", variant="error")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#confirm", Button).focus()

    @on(Button.Pressed, "#confirm")
    def confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)


def leave_text(planned: int) -> str:
    """What leaving a game keeps and drops (``planned``: the actions in this month's plan)."""
    if not planned:
        return "Every resolved month is saved: nothing is lost."
    return (f"Every resolved month is saved; this month's plan "
            f"({plural(planned, 'action', 'actions')}) is not.")


class LeaveModal(ModalScreen[str | None]):
    """Leave a game: quit (q), back to the menu (m) or stay (escape)."""

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("q", "choose('quit')", "Quit", id="leave.quit"),
        Binding("m", "choose('menu')", "Main menu", id="leave.menu"),
        Binding("escape", "choose('stay')", "Stay", id="leave.stay"),
    ]
    """q quits, m goes back to the menu, escape stays in the game."""

    def __init__(self, can_menu: bool, planned: int = 0) -> None:
        """``planned``: the actions in this month's plan, which leaving drops."""
        super().__init__()
        self._can_menu = can_menu
        self._planned = planned

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = "Leave the game?"
            yield Static(leave_text(self._planned), classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Quit", id="quit", variant="error")
                if self._can_menu:
                    yield Button("Main menu", id="menu", variant="primary")
                yield Button("Stay", id="stay")

    def on_mount(self) -> None:
        self.query_one("#quit", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self._can_menu or parameters != ("menu",)

    @on(Button.Pressed)
    def chosen(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "stay")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
