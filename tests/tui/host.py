"""A tiny host app for screen tests until the app shell (``make_app``) is on main."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.screen import Screen

from labelmgr.content import Content
from labelmgr.engine import new_game
from labelmgr.service import GameSession


def make_session(content: Content, seed: int = 7, label_name: str = "Neon Owl Records"
                 ) -> GameSession:
    """A fresh game's session (no storage)."""
    return GameSession(new_game(content, seed=seed, label_name=label_name), content)


class HostApp(App[None]):
    """Pushes one screen over a session (and an optional service)."""

    def __init__(self, screen: type[Screen[Any]], session: GameSession | None,
                 service: Any = None) -> None:
        super().__init__()
        self.session = session
        self.service = service
        self._screen_type = screen

    def on_mount(self) -> None:
        self.push_screen(self._screen_type())
