"""``GameFooter``: Textual's footer, compact below 100 columns or when its keys would not fit.

In a narrow terminal it drops its padding and the palette hint (ctrl+p still works, and
help lists it), so the most used keys stay visible; the app orders its keys by use. A screen
with keys of its own (the planner's x, the roster's g) needs more than 100 columns for the
padded keys and the hint: there it turns compact until they fit, instead of cutting off the
last keys (Saves, News). Where even the compact keys do not fit (80 columns), a dimmed key
makes room first, then whole keys go from the end: none is cut in the middle of its name.
Under a dialog it shows no keys: the dialog takes none of them.

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
        self._kept: tuple[str, ...] = ()
        """The actions of the keys composed last (a resize that changes them recomposes)."""

    def on_resize(self, event: events.Resize) -> None:
        """When the new width changes the style, switch it and add or drop the palette hint
        (a change of ``show_command_palette`` alone would only show at the next change of
        keys)."""
        if not self._bindings_ready:
            narrow = event.size.width < self.NARROW
            self.compact, self.show_command_palette = narrow, not narrow
            return
        narrow, kept = self._layout(event.size.width)
        if narrow == self.compact and self.show_command_palette != narrow \
                and tuple(kept) == self._kept:
            return
        self.call_after_refresh(self.recompose)

    def _layout(self, width: int) -> tuple[bool, dict[str, tuple[Binding, bool, str]]]:
        """Whether the footer is compact at ``width`` columns, and the keys it shows."""
        shown = self._shown()
        if self._fits(width, shown):
            return False, shown
        return True, self._fitting(width, shown)

    def _shown(self) -> dict[str, tuple[Binding, bool, str]]:
        """The keys to show, one per action (the first binding shown); none under a dialog,
        which takes none of them (its own line lists its keys; ctrl+p still works)."""
        shown: dict[str, tuple[Binding, bool, str]] = {}
        if self.screen is not self.app.screen:
            return shown
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                shown.setdefault(binding.action, (binding, enabled, tooltip))
        return shown

    def _fits(self, width: int, shown: dict[str, tuple[Binding, bool, str]]) -> bool:
        """Whether the padded keys and the palette hint fit in ``width`` columns."""
        if width < self.NARROW:
            return False
        app = self.app
        # a padded key: " key " then "description "; the hint also has its left border
        need = sum(len(app.get_key_display(b)) + len(b.description) + 3
                   for b, _, _ in shown.values())
        palette = self.screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
        if palette is not None and app.ENABLE_COMMAND_PALETTE:
            need += len(app.get_key_display(palette.binding)) + len(palette.binding.description)
            need += 4
        return need <= width

    def _fitting(self, width: int, shown: dict[str, tuple[Binding, bool, str]]
                 ) -> dict[str, tuple[Binding, bool, str]]:
        """The compact keys that fit in ``width`` columns: when all do not, a dimmed key
        (it does nothing here, as the current screen's own) goes first, then whole keys from
        the end (the least used), so that no key is cut in the middle of its name."""
        app = self.app

        def need(keys: dict[str, tuple[Binding, bool, str]]) -> int:
            # a compact key: "key description" and a space after it (the last one's may go)
            return sum(len(app.get_key_display(b)) + len(b.description) + 2
                       for b, _, _ in keys.values()) - 1

        if need(shown) <= width:
            return shown
        kept = {action: key for action, key in shown.items() if key[1]}
        while kept and need(kept) > width:
            kept.popitem()
        return kept

    def compose(self) -> ComposeResult:
        """Textual's keys, one per action (the first binding shown), then the palette's."""
        if not self._bindings_ready:
            return
        active_bindings = self.screen.active_bindings
        narrow, shown = self._layout(self.app.size.width)
        self._kept = tuple(shown)
        self.set_reactive(Footer.compact, narrow)  # the keys below bind to it
        self.set_class(narrow, "-compact")
        self.set_reactive(Footer.show_command_palette, not narrow)
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
