"""``GameScreen``: the base of in-game screens; refreshes on ``StateChanged`` and on resume."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from labelmgr.tui.messages import StateChanged

if TYPE_CHECKING:
    from labelmgr.service import GameSession
    from labelmgr.tui.app import LabelApp


class GameScreen(Screen[Any]):
    """A screen of the open game. Subclasses draw everything in ``refresh_view``."""

    @property
    def game_app(self) -> LabelApp:
        return self.app  # type: ignore[return-value]

    @property
    def session(self) -> GameSession:
        """The open game (in-game screens exist only while one is open)."""
        session = self.game_app.session
        assert session is not None, "in-game screen shown without a game"
        return session

    def refresh_view(self) -> None:
        """Redraw from the session's state, plan and options."""

    def on_mount(self) -> None:
        self.refresh_view()

    def on_screen_resume(self) -> None:
        if self.game_app.session is not None:
            self.refresh_view()

    def on_state_changed(self, _: StateChanged) -> None:
        if self.game_app.session is not None and self.is_mounted:
            self.refresh_view()
