"""``RowTable``: a DataTable with a row cursor in which Home and End go to the first and last
row (Textual's DataTable moves sideways on them, which does nothing visible in a row list)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable


class RowTable(DataTable[Any]):
    """A row-cursor table; Home/End jump to the first/last row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "scroll_top", "First row", show=False, id="table.first-row"),
        Binding("end", "scroll_bottom", "Last row", show=False, id="table.last-row"),
    ]
    """Home and End move the row cursor (they override DataTable's column moves)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id, classes=classes)
