"""``make_app``: the one builder of the game app, for the CLI and for tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from labelmgr.tui.app import LabelApp

if TYPE_CHECKING:
    from labelmgr.service import GameService, GameSession


def make_app(service: GameService | None = None, *,
             service_factory: Callable[[], GameService] | None = None,
             session: GameSession | None = None, seed_code: str | None = None) -> LabelApp:
    """Build the app.

    Args:
        service: A ready service (tests); the profile or, with a remembered login, the menu
            opens at once.
        service_factory: Builds the service in a thread worker after the first screen is
            shown (the CLI: heavy imports never delay the first screen).
        session: Open straight on the dashboard of this game (screen tests, snapshots).
        seed_code: Pre-fills New game's seed code.
    """
    return LabelApp(service, service_factory=service_factory, session=session,
                    seed_code=seed_code)
