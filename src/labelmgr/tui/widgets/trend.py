"""``TrendLine``: a caption, a sparkline of one value over the months played, the latest value."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label, Sparkline


class TrendLine(Horizontal):
    """One labelled sparkline. Set ``values``; the widget redraws itself."""

    DEFAULT_CSS = """
    TrendLine {
        height: 1;
        width: 1fr;
        & > .trend--caption { width: 12; color: $text-muted; }
        & > Sparkline { width: 1fr; min-width: 8; margin: 0 1 0 0; }
        & > .trend--latest { width: auto; min-width: 9; text-align: right; }
    }
    """

    values: reactive[tuple[int, ...]] = reactive(tuple, init=False)
    """The series, oldest first (one value per resolved month)."""

    def __init__(self, caption: str, formatter: Callable[[int], str] = str, *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self._caption = caption
        self._formatter = formatter

    def compose(self) -> ComposeResult:
        yield Label(self._caption, classes="trend--caption")
        yield Sparkline([], summary_function=max)
        yield Label("–", classes="trend--latest")

    def watch_values(self, values: Sequence[int]) -> None:
        # one month is not a trend: a lone value would fill the whole line
        self.query_one(Sparkline).data = [float(v) for v in values] if len(values) > 1 else []
        latest = self._formatter(values[-1]) if values else "–"
        self.query_one(".trend--latest", Label).update(latest)
