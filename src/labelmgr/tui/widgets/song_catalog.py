"""``SongCatalog``: the released songs, one page at a time, sorted by the session.

Only one page (``PAGE_SIZE`` rows) is ever in the table, fetched with
``session.songs(order, offset, limit)``, so a catalogue of 10,000 songs pages as fast as
one of ten.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Button, DataTable, Static

from labelmgr.errors import LabelError
from labelmgr.service import GameSession
from labelmgr.tui.widgets.display import artist_name, count, money
from labelmgr.tui.widgets.row_table import RowTable

PAGE_SIZE = 50
"""Songs per page."""

ORDERS: tuple[tuple[str, str], ...] = (
    ("total_revenue", "total revenue"),
    ("last_revenue", "revenue this month"),
    ("total_streams", "total streams"),
    ("quality", "quality"),
    ("release_month", "release month"),
)
"""The sort orders the session offers (all descending), with their names."""

COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("rank", "#", None),
    ("title", "Song", None),
    ("artist", "Artist", None),
    ("quality", "Quality", "quality"),
    ("released", "Released", "release_month"),
    ("last_streams", "Streams/mo", None),
    ("last_revenue", "Revenue/mo", "last_revenue"),
    ("total_streams", "Streams", "total_streams"),
    ("total_revenue", "Revenue", "total_revenue"),
)
"""(column key, header, the sort order a click on its header picks)."""


class SongCatalog(Vertical):
    """A paged, sortable table of released songs."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "next_page", "Next page", show=False,
                id="catalog.next-page"),
        Binding("left_square_bracket", "previous_page", "Previous page", show=False,
                id="catalog.previous-page"),
        Binding("o", "cycle_order", "Sort", show=False, id="catalog.cycle-order"),
    ]
    """Widget-local keys (named in the catalogue's status line)."""

    order: reactive[str] = reactive("total_revenue", init=False)
    """The session sort order."""
    page: reactive[int] = reactive(0, init=False)
    """The page shown, from 0."""

    def __init__(self, session: GameSession, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.total = 0

    def compose(self) -> ComposeResult:
        with Horizontal(id="catalog-bar"):
            yield Button("\u25c0 prev", id="catalog-previous", compact=True)
            yield Static(id="catalog-status")
            yield Button("next \u25b6", id="catalog-next", compact=True)
        yield RowTable(id="catalog-table")

    def on_mount(self) -> None:
        for key, label, _ in COLUMNS:
            self.table.add_column(label, key=key)
        self.load_page()

    @property
    def table(self) -> DataTable[str | Text]:
        return self.query_one("#catalog-table", DataTable)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))

    def load_page(self) -> None:
        """Fetch and show the current page (clamped to the pages there are)."""
        try:
            rows, self.total = self.session.songs(self.order, self.page * PAGE_SIZE, PAGE_SIZE)
        except LabelError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return
        if rows == [] and self.page > 0:
            self.page = self.pages - 1
            return
        content = self.session.content
        table = self.table
        table.clear()
        for i, s in enumerate(rows, start=self.page * PAGE_SIZE + 1):
            table.add_row(
                Text(str(i), justify="right"), Text(s.title), Text(artist_name(content, s.artist_id)),
                Text(str(s.quality), justify="right"), f"month {s.release_month}",
                Text(count(s.last_streams), justify="right"),
                Text(money(s.last_revenue), justify="right"),
                Text(count(s.total_streams), justify="right"),
                Text(money(s.total_revenue), justify="right"), key=str(s.id))
        self._update_status()

    def _update_status(self) -> None:
        name = dict(ORDERS)[self.order]
        if self.total == 0:
            text = "No song released yet: finished records are released when their month resolves."
        else:
            songs = "song" if self.total == 1 else "songs"
            text = (f"{count(self.total)} {songs} \u00b7 page {self.page + 1} of {self.pages} "
                    f"\u00b7 by {name} \u00b7 [ ] pages \u00b7 o sort")
        self.query_one("#catalog-status", Static).update(text)
        self.query_one("#catalog-previous", Button).disabled = self.page == 0
        self.query_one("#catalog-next", Button).disabled = self.page >= self.pages - 1

    def action_next_page(self) -> None:
        if self.page < self.pages - 1:
            self.page += 1

    def action_previous_page(self) -> None:
        if self.page > 0:
            self.page -= 1

    def action_cycle_order(self) -> None:
        keys = [k for k, _ in ORDERS]
        self.order = keys[(keys.index(self.order) + 1) % len(keys)]

    def watch_page(self) -> None:
        self.load_page()
        self.table.move_cursor(row=0, animate=False)

    def watch_order(self) -> None:
        self.set_reactive(SongCatalog.page, 0)
        self.load_page()
        self.table.move_cursor(row=0, animate=False)

    @on(Button.Pressed, "#catalog-previous")
    def previous_clicked(self) -> None:
        self.action_previous_page()

    @on(Button.Pressed, "#catalog-next")
    def next_clicked(self) -> None:
        self.action_next_page()

    @on(DataTable.HeaderSelected)
    def sort_by_header(self, event: DataTable.HeaderSelected) -> None:
        order = next((o for k, _, o in COLUMNS if k == event.column_key.value), None)
        if order is not None:
            self.order = order
