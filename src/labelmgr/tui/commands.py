"""The command palette: every global action, titled "category: action".

Each command runs the same ``action_*`` as its key, and is offered only where that key
would work (the app's ``check_action``, asked about the screen the palette was opened on).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from labelmgr.tui.app import LabelApp

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("go: dashboard", "The label at a glance", "show('dashboard')"),
    ("go: roster", "Your artists and the discovery pool", "show('roster')"),
    ("go: projects", "Records, tours and the song catalogue", "show('projects')"),
    ("go: plan the month", "Fill this month's focus slots", "show('planner')"),
    ("go: news", "What happened, newest first", "show('news')"),
    ("go: saves", "Save slots and autosaves", "show('saves')"),
    ("game: advance month", "Resolve the month with your plan (asks first)", "advance"),
    ("game: answer the event", "Decide the random event waiting for you", "answer_event"),
    ("game: campaign results", "The score of a finished campaign", "results"),
    ("game: main menu", "Leave the game for the main menu", "main_menu"),
    ("help: keys and rules", "How the game works and every key", "help"),
    ("app: quit", "Quit labelmgr (asks first during a game)", "quit_game"),
)
"""(title, help, action) of every palette command."""


def _parse(action: str) -> tuple[str, tuple[object, ...]]:
    name, _, rest = action.partition("(")
    return name, tuple(p.strip("'") for p in rest.rstrip(")").split(",") if p)


class GameCommands(Provider):
    """Palette commands for navigation and the month."""

    def _available(self) -> list[tuple[str, str, str]]:
        app: LabelApp = self.app  # type: ignore[assignment]
        out = []
        for title, help_text, action in COMMANDS:
            name, params = _parse(action)
            if app.action_allowed(name, params, self.screen):
                out.append((title, help_text, action))
        return out

    async def discover(self) -> Hits:
        for title, help_text, action in self._available():
            yield DiscoveryHit(title, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self._available():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self.app.run_action, action),
                          help=help_text)
