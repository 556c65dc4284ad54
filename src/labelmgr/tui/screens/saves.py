"""``SavesScreen``: the open game's save slots and autosaves; save, load, delete."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Input, Label, Static

from labelmgr.errors import LabelError
from labelmgr.service import GameSession, SlotInfo, slot_name
from labelmgr.tui.screens.base import GameScreen
from labelmgr.tui.screens.modals.confirm import ConfirmModal
from labelmgr.tui.widgets.display import plain, plural
from labelmgr.tui.widgets.footer import GameFooter
from labelmgr.tui.widgets.row_table import RowTable
from labelmgr.wording import GAME_OVER_STAGES, game_stage

if TYPE_CHECKING:
    from labelmgr.service import GameService

TIME_FORMAT = "%Y-%m-%d %H:%M"
"""How a slot's time reads (local time)."""


def slot_time(when: datetime) -> str:
    """A slot's creation time in local time (naive times are taken as they are)."""
    if when.tzinfo is not None:
        when = when.astimezone()
    return when.strftime(TIME_FORMAT)


def slot_stage(slot: SlotInfo) -> str:
    """Where a slot's game stood (``game_stage``)."""
    return game_stage(slot.phase, slot.month)


def slot_title(slot: SlotInfo) -> str:
    """How a question or a toast names a slot: “Month two” (month 2), or for an autosave,
    whose name only says where it stood, the autosave (month 15, career) — not “Autosave,
    month 15, career” (month 15, career)."""
    if slot.kind == "auto":
        return f"the autosave ({slot_stage(slot)})"
    return f"\u201c{plain(slot.name)}\u201d ({slot_stage(slot)})"


def _load_question(slot: SlotInfo, planned: bool) -> str:
    """The load confirmation: where the game goes back to (``planned``: the open game has a
    plan, which loading drops)."""
    name = slot_title(slot)
    if slot.phase in GAME_OVER_STAGES:
        what = "campaign" if slot.phase == "campaign_over" else "career"
        goes = f"The game goes back to the end of that save's {what}"
    else:
        goes = f"The game continues from that save's month {slot.month}"
    return f"Load {name}? {goes}" + ("; this month's plan is dropped." if planned else ".")


class SavesScreen(GameScreen):
    """Manual slots then autosaves, newest first; enter loads, x deletes, c names a save."""

    CSS_PATH = "../styles/saves.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "new_save", "New save", tooltip="Name a new save slot", id="saves.new"),
        Binding("x", "delete_slot", "Delete", tooltip="Delete the highlighted slot (asks first)",
                id="saves.delete"),
        Binding("delete", "delete_slot", "Delete", show=False, id="saves.delete-key"),
    ]
    """Screen keys (enter on a slot loads it, after a confirmation)."""

    def __init__(self) -> None:
        super().__init__()
        self._slots: dict[str, SlotInfo] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="saves-title", classes="screen-title")
        with Horizontal(id="save-bar"):
            yield Label("New save", id="save-label")
            yield Input(placeholder="name it, then enter", compact=True, id="save-name")
            yield Button("Save", id="save-button", variant="primary", compact=True)
        yield Static(id="save-error", classes="field-error")
        yield RowTable(id="slots-table")
        yield Static("\u2191\u2193 move \u00b7 enter load \u00b7 x delete \u00b7 c new save",
                     classes="hint")
        yield GameFooter()

    def on_mount(self) -> None:
        table = self.table
        for key, label in (("name", "Name"), ("kind", "Kind"), ("month", "Month"),
                           ("when", "Saved"), ("note", "")):
            table.add_column(label, key=key)
        super().on_mount()
        table.focus()

    @property
    def service(self) -> GameService | None:
        return self.game_app.service

    @property
    def table(self) -> DataTable[str]:
        return self.query_one("#slots-table", DataTable)

    # ----------------------------------------------------------------- view

    def refresh_view(self) -> None:
        """Reload the slot list from the service."""
        title = self.query_one("#saves-title", Static)
        session, service = self.session, self.service
        if service is None or session.game_id is None:
            title.update("Saves need a stored game (log in and open a game).")
            self.table.clear()
            self._slots = {}
            return
        try:
            slots = service.list_slots(session.game_id)
        except LabelError as exc:
            title.update(f"Saves: {plain(exc.message)}")
            return
        state = session.state
        stage = game_stage(state.phase, state.month)
        when = stage if state.phase in GAME_OVER_STAGES else f"playing {stage}"
        title.update(f"Saves \u00b7 {plain(state.label_name)} \u00b7 {when} \u00b7 "
                     f"{plural(len(slots), 'slot', 'slots')}")
        self._fill(slots)

    def _fill(self, slots: list[SlotInfo]) -> None:
        table = self.table
        keep = self.selected_slot
        table.clear()
        self._slots = {str(s.id): s for s in slots}
        for s in slots:
            note = "content changed since" if s.content_changed else ""
            table.add_row(Text(s.name), "autosave" if s.kind == "auto" else "manual",
                          slot_stage(s), slot_time(s.created_at), note, key=str(s.id))
        if keep is not None and str(keep.id) in self._slots:
            table.move_cursor(row=list(self._slots).index(str(keep.id)), animate=False)
        if not slots:
            self.query_one("#save-error", Static).update("")

    @property
    def selected_slot(self) -> SlotInfo | None:
        table = self.table
        if table.row_count == 0 or not self._slots:
            return None
        key = list(self._slots)[min(table.cursor_row, len(self._slots) - 1)]
        return self._slots[key]

    # ----------------------------------------------------------------- actions

    def action_new_save(self) -> None:
        self.query_one("#save-name", Input).focus()

    @on(Input.Submitted, "#save-name")
    @on(Button.Pressed, "#save-button")
    def save_slot(self) -> None:
        """Save the open game under the typed name; a refusal shows under the field."""
        session, service = self.session, self.service
        box = self.query_one("#save-name", Input)
        error = self.query_one("#save-error", Static)
        if service is None or session.game_id is None:
            error.update("This game is not stored, so it cannot be saved.")
            return
        try:
            name = slot_name(box.value)
        except LabelError as exc:
            error.update(plain(exc.message))
            return
        error.update("")
        old = next((s for s in self._slots.values() if s.kind == "manual" and s.name == name),
                   None)
        if old is None:
            self._save(name)
            return
        now = game_stage(session.state.phase, session.state.month)
        question = (f"\u201c{plain(name)}\u201d already holds a save of {slot_stage(old)} "
                    f"({slot_time(old.created_at)}). Save this game ({now}) over it? The old "
                    "save is lost.")
        self.app.push_screen(ConfirmModal("Save over a save", question, "Save over"),
                             lambda ok: self._save(name) if ok else box.focus())

    def _save(self, name: str) -> None:
        """Save the open game as ``name`` (over the manual slot of that name)."""
        session, service = self.session, self.service
        assert service is not None and session.game_id is not None
        box = self.query_one("#save-name", Input)
        error = self.query_one("#save-error", Static)
        try:
            slot = service.save_slot(session.game_id, name)
        except LabelError as exc:
            error.update(plain(exc.message))
            return
        error.update("")
        box.value = ""
        self.notify(f"Saved \u201c{slot.name}\u201d ({slot_stage(slot)}).", markup=False)
        self.refresh_view()
        self.table.move_cursor(row=list(self._slots).index(str(slot.id)), animate=False)
        self.table.focus()

    @on(DataTable.RowSelected, "#slots-table")
    def action_load_slot(self) -> None:
        slot = self.selected_slot
        if slot is None:
            return
        question = _load_question(slot, bool(self.session.plan))
        self.app.push_screen(ConfirmModal("Load a save", question, "Load"),
                             lambda ok: self._load(slot) if ok else None)

    def action_delete_slot(self) -> None:
        slot = self.selected_slot
        if slot is None:
            return
        question = f"Delete {slot_title(slot)}? This cannot be undone."
        self.app.push_screen(ConfirmModal("Delete a save", question, "Delete"),
                             lambda ok: self._delete(slot) if ok else None)

    def _load(self, slot: SlotInfo) -> None:
        assert self.service is not None
        try:
            session = self.service.load_slot(slot.id)
        except LabelError as exc:
            self.notify(exc.message, title="Not loaded", severity="error", markup=False)
            return
        self.app.call_later(self._play, session, f"Loaded {slot_title(slot)}.")

    async def _play(self, session: GameSession, loaded: str) -> None:
        """Open the loaded game; its in-game modes (this one too) are rebuilt, so leave first.
        The toast that says what was loaded comes after (opening clears the older ones)."""
        app = self.app
        await app.switch_mode(app.DEFAULT_MODE)
        await self.game_app.open_session(session)
        app.notify(loaded)

    def _delete(self, slot: SlotInfo) -> None:
        assert self.service is not None
        try:
            self.service.delete_slot(slot.id)
        except LabelError as exc:
            self.notify(exc.message, title="Not deleted", severity="error", markup=False)
            return
        self.notify(f"Deleted {slot_title(slot)}.")
        self.refresh_view()
