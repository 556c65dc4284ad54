"""``GameFooter``: Textual's footer, compact below 100 columns.

In a narrow terminal it drops its padding and the palette hint (ctrl+p still works, and
help lists it), so the most used keys stay visible; the app orders its keys by use.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Footer


class GameFooter(Footer):
    """The key bar; compact, without the palette hint, in narrow terminals."""

    NARROW: int = 100
    """Below this width the footer is compact."""

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < self.NARROW
        self.compact = narrow
        self.show_command_palette = not narrow
