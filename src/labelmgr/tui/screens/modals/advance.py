"""``AdvanceModal``: confirm resolving the month, with the plan and the money outlook."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from labelmgr.tui.screens.plan_text import action_lines, outlook_lines

if TYPE_CHECKING:
    from labelmgr.tui.app import LabelApp


class AdvanceModal(ModalScreen[bool]):
    """Enter resolves the month; Escape goes back to planning."""

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("escape", "dismiss(False)", "Cancel", id="advance.cancel"),
    ]
    """Escape cancels; Enter presses the focused Advance button."""

    def compose(self) -> ComposeResult:
        app: LabelApp = self.app  # type: ignore[assignment]
        session = app.session
        assert session is not None
        state = session.state
        options = session.options()
        lines = []
        for action in session.plan:
            first, second = action_lines(session, options, action)
            lines.append(f"• {first}" + (f"\n    {second}" if second else ""))
        if not lines:
            lines.append("[$text-warning]Nothing planned: the month passes with overheads "
                         "and fees only.[/]")
        elif options.free_slots:
            lines.append(f"[$text-warning]{options.free_slots} focus slot"
                         f"{'s' if options.free_slots > 1 else ''} unused.[/]")
        if options.event is not None and not any(a.kind == "resolve_event"
                                                 for a in session.plan):
            default = next(c.choice.label for c in options.event.choices
                           if c.choice.id == options.event.event.default_choice)
            lines.append(f"[$text-warning]The event is unanswered: “{default}” will apply.[/]")
        with Vertical(classes="dialog", id="advance-dialog") as box:
            box.border_title = f"Advance month {state.month}?"
            with VerticalScroll(id="advance-scroll"):
                yield Static("\n".join(lines), classes="dialog-text")
                yield Static("\n".join(outlook_lines(session.outlook(), career=state.career)),
                             classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Advance", id="advance-confirm", variant="primary")
                yield Button("Keep planning", id="advance-cancel")

    def on_mount(self) -> None:
        self.query_one("#advance-confirm", Button).focus()

    @on(Button.Pressed, "#advance-confirm")
    def confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#advance-cancel")
    def cancel(self) -> None:
        self.dismiss(False)
