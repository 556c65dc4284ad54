"""``GameFooter``: Textual's footer, compact below 100 columns.

In a narrow terminal it drops its padding and the palette hint (ctrl+p still works, and
help lists it), so the most used keys stay visible; the app orders its keys by use.

It is Textual's ``Footer`` with Textual's ``FooterKey``s, cheaper to build (it is on every
screen, the first one included): its stylesheet keeps only the rules of the keys the game
shows (the game has no binding groups, so no group rules), and the footer and its keys start
in the right style for the terminal's width instead of being restyled once mounted.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class GameFooter(Footer, inherit_css=False):
    """The key bar; compact, without the palette hint, in narrow terminals."""

    DEFAULT_CSS = """
    GameFooter {
        width: 1fr;
        overflow: auto auto;
        layout: horizontal;
        color: $footer-foreground;
        background: $footer-background;
        dock: bottom;
        height: 1;
        scrollbar-size: 0 0;
        &.-compact {
            FooterKey {
                margin-right: 1;
            }
            FooterKey.-command-palette  {
                padding-right: 0;
            }
        }
        FooterKey.-command-palette  {
            dock: right;
            padding-right: 1;
            border-left: vkey $foreground 20%;
        }
    }
    """
    """Textual's ``ScrollableContainer`` and ``Footer`` rules, without binding groups."""

    NARROW: int = 100
    """Below this width the footer is compact."""

    def __init__(self) -> None:
        narrow = self.app.size.width < self.NARROW
        super().__init__(compact=narrow, show_command_palette=not narrow)

    def on_resize(self, event: events.Resize) -> None:
        """Across the width line, switch style and add or drop the palette hint (a change of
        ``show_command_palette`` alone would only show at the next change of keys)."""
        narrow = event.size.width < self.NARROW
        if narrow == self.compact and self.show_command_palette != narrow:
            return
        self.compact = narrow
        self.show_command_palette = not narrow
        if self._bindings_ready:
            self.call_after_refresh(self.recompose)

    def compose(self) -> ComposeResult:
        """Textual's keys, one per action (the first binding shown), then the palette's."""
        if not self._bindings_ready:
            return
        active_bindings = self.screen.active_bindings
        shown: dict[str, tuple[Binding, bool, str]] = {}
        for _, binding, enabled, tooltip in active_bindings.values():
            if binding.show:
                shown.setdefault(binding.action, (binding, enabled, tooltip))
        self.styles.grid_size_columns = len(shown)
        compact = "-compact" if self.compact else ""  # as the data binding below would set it
        for binding, enabled, tooltip in shown.values():
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                            binding.action, disabled=not enabled, tooltip=tooltip,
                            classes=compact).data_bind(compact=Footer.compact)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            try:
                _node, binding, enabled, tooltip = active_bindings[
                    self.app.COMMAND_PALETTE_BINDING]
            except KeyError:
                return
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                            binding.action, classes="-command-palette", disabled=not enabled,
                            tooltip=binding.tooltip or binding.description)
