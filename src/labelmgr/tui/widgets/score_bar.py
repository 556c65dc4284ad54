"""``ScoreBar``: one part of the campaign score as a labelled bar (0–100) and its weight."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class ScoreBar(Horizontal):
    """A caption, a bar filled to ``value`` of 100, the value and its weight in the score."""

    DEFAULT_CSS = """
    ScoreBar {
        height: 1;
        & > .score-bar--caption { width: 12; }
        & > ProgressBar { width: 1fr; max-width: 44; }
        & > .score-bar--value { width: auto; margin: 0 0 0 1; }
    }
    """

    def __init__(self, caption: str, value: float, weight: float, *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self._caption = caption
        self._value = value
        self._weight = weight

    def compose(self) -> ComposeResult:
        yield Label(self._caption, classes="score-bar--caption")
        bar = ProgressBar(total=100, show_eta=False, show_percentage=False)
        bar.progress = self._value
        yield bar
        # two decimals for every weight, so 0.3 reads as 0.30 beside 0.35
        yield Label(f"{self._value:5.1f}  × {self._weight:.2f}", classes="score-bar--value")
