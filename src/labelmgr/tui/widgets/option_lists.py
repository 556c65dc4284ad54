"""``InlineOptionList``: an option list that scrolls the box around it, not itself."""

from __future__ import annotations

from typing import Any

from textual.geometry import Offset, Region
from textual.widget import Widget
from textual.widgets import OptionList


class InlineOptionList(OptionList):
    """An option list as tall as its options inside a scrolling container (Your plan with
    the money outlook, a dialog's choices under its text): keeping the highlight in view
    scrolls that container, so arrows reach options below its edge."""

    def scroll_to_region(self, region: Region, **kwargs: Any) -> Offset:
        container = self.parent
        if isinstance(container, Widget) and self.is_mounted:
            gutter = self.styles.gutter
            inside = region.translate(self.virtual_region.offset
                                      + Offset(gutter.left, gutter.top))
            # the border's rows too: the first option brings the title back into view
            container.scroll_to_region(inside, spacing=gutter, animate=False, immediate=True)
        return super().scroll_to_region(region, **kwargs)
