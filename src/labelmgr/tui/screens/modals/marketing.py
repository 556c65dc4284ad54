"""``MarketingModal``: a marketing push (kind, record in production, spend) for the plan.

The push is added to the plan from here, so a refusal (money, spend range) shows in the
dialog next to the field instead of closing it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Select, Static

from labelmgr.engine import MarketingPush
from labelmgr.tui.widgets.display import artist_name, money, plain

if TYPE_CHECKING:
    from labelmgr.service import GameSession
    from labelmgr.tui.app import LabelApp


class MarketingModal(ModalScreen[bool]):
    """Choose the record, the kind of push and the spend; Enter in the spend adds it."""

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("escape", "dismiss(False)", "Cancel", id="marketing.cancel"),
    ]
    """Escape closes without planning anything."""

    def __init__(self, session: GameSession) -> None:
        super().__init__()
        self._session = session
        self._kinds = session.content.balance.marketing
        self._choose_record = False

    def compose(self) -> ComposeResult:
        state, content = self._session.state, self._session.content
        targets = []
        for pid in self._session.options().marketing_targets:
            p = state.project(pid)
            if p is not None:
                who = artist_name(content, p.artist_id)
                targets.append((f"“{plain(p.title)}” · {plain(who)} · out in month "
                                f"{p.release_month}", pid))
        self._choose_record = len(targets) > 1
        with Vertical(classes="dialog") as box:
            box.border_title = "Marketing push"
            with VerticalScroll(id="marketing-scroll"):
                yield Label("Record (in production)")
                yield Select(targets, allow_blank=False, id="marketing-target")
                yield Label("Kind of push")
                with RadioSet(id="marketing-kind"):
                    for i, (kid, kind) in enumerate(self._kinds.items()):
                        lo, hi = kind.spend
                        yield RadioButton(f"{kind.name} · {money(lo)}–{money(hi)}",
                                          value=i == 0, name=kid)
                yield Label("Spend (dollars)")
                yield Input(id="marketing-spend", type="integer")
                yield Static("", id="marketing-range", classes="hint")
                yield Static("", id="marketing-error", classes="-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Add to plan", id="marketing-add", variant="primary")
                yield Button("Cancel", id="marketing-cancel")

    def on_mount(self) -> None:
        self._kind_changed()
        # the first field when there is a record to choose; with one, the kind of push
        first = "#marketing-target" if self._choose_record else "#marketing-kind"
        self.query_one(first).focus()

    @property
    def _kind_id(self) -> str:
        pressed = self.query_one("#marketing-kind", RadioSet).pressed_button
        return pressed.name if pressed and pressed.name else next(iter(self._kinds))

    @on(RadioSet.Changed, "#marketing-kind")
    def _kind_changed(self) -> None:
        kind = self._kinds[self._kind_id]
        lo, hi = kind.spend
        self.query_one("#marketing-spend", Input).value = str(lo)
        self.query_one("#marketing-range", Static).update(
            f"{plain(kind.description)}\nSpend between {money(lo)} and {money(hi)}.")

    @on(Button.Pressed, "#marketing-cancel")
    def cancel(self) -> None:
        self.dismiss(False)

    @on(Input.Submitted, "#marketing-spend")
    @on(Button.Pressed, "#marketing-add")
    def add_push(self) -> None:
        error = self.query_one("#marketing-error", Static)
        target = self.query_one("#marketing-target", Select).value
        spend_text = self.query_one("#marketing-spend", Input).value.strip()
        if not isinstance(target, int):
            error.update("Pick the record to push.")
            return
        if not spend_text.lstrip("-").isdigit():
            error.update("Type the spend in whole dollars, e.g. 3000.")
            self.query_one("#marketing-spend", Input).focus()
            return
        app: LabelApp = self.app  # type: ignore[assignment]
        refused = app.add_to_plan(MarketingPush(self._kind_id, target, int(spend_text)))
        if refused:
            error.update(plain(refused))
            self.query_one("#marketing-spend", Input).focus()
            return
        self.dismiss(True)
