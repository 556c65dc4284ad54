"""``SortableTable``: a row-cursor DataTable whose rows sort by any column.

Sorting is done on the values given with each cell (not on the rendered text), by clicking a
column header or pressing ``o`` (cycle the column) and ``O`` (reverse). The cursor stays on
the same row across refreshes and re-sorts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable

from labelmgr.tui.widgets.row_table import RowTable


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its key, header label, and whether it first sorts high to low."""

    key: str
    label: str
    descending: bool = False
    right: bool = False


@dataclass(frozen=True, slots=True)
class Row:
    """A row: its key and, per column key, ``(sort value, shown text)``."""

    key: str
    cells: dict[str, tuple[Any, str | Text]]


class SortableTable(RowTable):
    """A table of keyed rows that the player can sort."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "cycle_sort", "Sort", show=False, id="table.cycle-sort"),
        Binding("O", "reverse_sort", "Reverse", show=False, id="table.reverse-sort"),
    ]
    """Widget-local keys (shown in the screen's hint line, not the footer)."""

    sort_column: reactive[str] = reactive("", init=False)
    """The key of the column the rows are sorted by."""
    sort_reverse: reactive[bool] = reactive(False, init=False)
    """True when the sort runs opposite to the column's natural direction."""

    class SortChanged(Message):
        """The player picked another sort column or direction."""

        def __init__(self, table: SortableTable, column: str, reverse: bool) -> None:
            super().__init__()
            self.table = table
            self.column = column
            self.reverse = reverse

        @property
        def control(self) -> SortableTable:
            return self.table

    def __init__(self, columns: Sequence[Column], *, sort_column: str = "",
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._columns = tuple(columns)
        self._rows: list[Row] = []
        self.set_reactive(SortableTable.sort_column, sort_column or columns[0].key)

    def on_mount(self) -> None:
        for col in self._columns:
            self.add_column(self._header(col), key=col.key)

    def _header(self, col: Column) -> Text:
        arrow = ""
        if col.key == self.sort_column:
            down = col.descending != self.sort_reverse
            arrow = " \u25bc" if down else " \u25b2"
        return Text(col.label + arrow, style="bold")

    @property
    def selected_key(self) -> str | None:
        """The key of the row under the cursor, or None when the table is empty."""
        if self.row_count == 0 or not self.is_valid_row_index(self.cursor_row):
            return None
        row_key = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key
        return str(row_key.value)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows (sorted), keeping the cursor on the same key when it is still there."""
        keep = self.selected_key
        self._rows = list(rows)
        self._render_rows(keep)

    def _ordered(self) -> list[Row]:
        col = next((c for c in self._columns if c.key == self.sort_column), self._columns[0])
        down = col.descending != self.sort_reverse
        return sorted(self._rows, key=lambda r: (r.cells[col.key][0], r.key), reverse=down)

    def _render_rows(self, keep: str | None) -> None:
        self.clear()
        for col in self._columns:
            self.columns[col.key].label = self._header(col)
        ordered = self._ordered()
        for row in ordered:
            self.add_row(*(self._cell(row, c) for c in self._columns), key=row.key)
        keys = [r.key for r in ordered]
        if keep in keys:
            self.move_cursor(row=keys.index(keep), animate=False)
        self.refresh()

    @staticmethod
    def _cell(row: Row, col: Column) -> Text:
        """A cell as plain text: a string is never read as markup (a title the player typed
        may hold brackets)."""
        shown = row.cells[col.key][1]
        if isinstance(shown, str):
            return Text(shown, justify="right" if col.right else "left")
        return shown

    def action_cycle_sort(self) -> None:
        keys = [c.key for c in self._columns]
        nxt = keys[(keys.index(self.sort_column) + 1) % len(keys)]
        self._sort_by(nxt, reverse=False)

    def action_reverse_sort(self) -> None:
        self._sort_by(self.sort_column, reverse=not self.sort_reverse)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        key = str(event.column_key.value)
        self._sort_by(key, reverse=not self.sort_reverse if key == self.sort_column else False)

    def _sort_by(self, column: str, *, reverse: bool) -> None:
        keep = self.selected_key
        self.sort_column = column
        self.sort_reverse = reverse
        self._render_rows(keep)
        self.post_message(self.SortChanged(self, column, reverse))
