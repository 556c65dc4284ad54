"""``HelpScreen`` (``?``): what the game is, how a month works, and every key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from labelmgr.tui.widgets.display import plain
from labelmgr.tui.widgets.footer import GameFooter

ABOUT = (
    "[b]labelmgr[/b] puts you in charge of a young record label for a twelve-month "
    "campaign. Sign artists, record singles and EPs, book mini-tours, take meetings with "
    "your executives and answer what the industry throws at you. At the end, money, "
    "reputation, the quality of your releases and the doors you opened make your score.\n\n"
    "[b]How a month works[/b]\n"
    "1. [b]Plan[/b] (m): fill your focus slots (3, a 4th at higher reputation) with "
    "meetings, project starts, marketing pushes and artist conversations. Signing an artist "
    "and answering an event use no slot. Each action is checked as you add it, and the "
    "planner shows the money you would have after the month (before revenue).\n"
    "2. [b]Advance[/b] (A, then Enter): the month resolves. Records in production record "
    "songs and come out when production ends; catalogue songs keep streaming; overheads and "
    "artist fees are paid.\n"
    "3. [b]Read the report[/b]: the ledger by category, releases, tours, effects of earlier "
    "choices and events. A random event that needs a decision asks for it now (or in the "
    "planner); if you never answer, its default choice applies.\n\n"
    "[b]Artists[/b]: each has an archetype, and the roster shows what it does: visionaries "
    "write better songs but their moods swing harder, workhorses take things calmly and "
    "finish records sooner, trendsetters bring listeners of their own. Mood drifts back "
    "toward the middle every month. An artist left without a project, a meeting or a "
    "conversation for a few months feels ignored and loses mood. Happy artists earn "
    "creative capital; unhappy ones lose loyalty, and an artist whose loyalty stays low "
    "leaves once their projects are done.\n\n"
    "Money below zero blocks spending; below the bankruptcy line at a month's end, the "
    "label folds. Lists move with the arrow keys and select with Enter; Tab moves between "
    "panels; ctrl+p finds any action by name."
)
"""What the game is and how a month works."""


GAME_ACTIONS = frozenset({"show", "advance"})
"""The app's key actions that need an open game (the in-game screens, the month)."""


def _key_rows(bindings: list[tuple[str, Binding]]) -> list[str]:
    seen: set[str] = set()
    rows = []
    for key, b in bindings:
        ident = b.id or b.action
        if ident in seen or not b.description:
            continue
        seen.add(ident)
        tip = f" — {b.tooltip}" if b.tooltip else ""
        rows.append(_key_row(key, f"{b.description}{tip}"))
    return rows


def _key_row(key: str, text: str) -> str:
    """One line of the key table: the key in a column of its own, then what it does."""
    return f"  [b]{plain(f'{key:<9}')}[/b] {plain(text)}"  # padded before escaping


class HelpScreen(Screen[None]):
    """The rules in brief and a table of every key (global and of the screen below)."""

    CSS_PATH = "../styles/help.tcss"

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("escape,question_mark", "close", "Close", key_display="esc",
                id="help.close"),
    ]
    """Escape (or ``?`` again) closes help."""

    def __init__(self, screen_bindings: Mapping[str, ActiveBinding] | None = None) -> None:
        super().__init__()
        self._screen_bindings = dict(screen_bindings or {})

    def compose(self) -> ComposeResult:
        app_keys = [(self.app.get_key_display(b), b) for b in self.app.BINDINGS
                    if isinstance(b, Binding)]
        # outside a game (the menu, the profile) the game's keys do nothing yet: listed apart
        playing = getattr(self.app, "session", None) is not None
        game_keys = [] if playing else [
            (key, b) for key, b in app_keys if b.action.partition("(")[0] in GAME_ACTIONS]
        # the game's own keys only: Textual's built-in scroll/focus/copy keys carry no id
        here = [(self.app.get_key_display(a.binding), a.binding)
                for a in self._screen_bindings.values()
                if a.node is not self.app and a.binding.id is not None]
        keys = ["[b]Keys everywhere[/b]",
                *_key_rows([k for k in app_keys if k not in game_keys]),
                _key_row("ctrl+p", "Command palette — every action by name")]
        if game_keys:
            keys += ["", "[b]Keys during a game[/b]", *_key_rows(game_keys)]
        if here:
            keys += ["", "[b]Keys on the screen you came from[/b]", *_key_rows(here)]
        yield Static("[b]Help[/b] · how labelmgr works and every key (esc closes)",
                     classes="screen-title")
        with VerticalScroll(id="help-body"):
            yield Static(ABOUT, id="help-about")
            yield Static("\n".join(keys), id="help-keys")
        yield GameFooter()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)
