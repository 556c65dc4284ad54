"""Pilot-test helpers: a seeded game session and a way to let workers and messages settle."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

from labelmgr.content import Content
from labelmgr.engine import new_game
from labelmgr.service import GameSession

SIZE = (100, 32)
"""The terminal size of pilot tests (the snapshot size too)."""


@pytest.fixture
def make_session(content: Content) -> Callable[..., GameSession]:
    """A fresh, unsaved game: ``make_session(seed=7)``."""

    def build(seed: int = 7, difficulty: str = "normal",
              label_name: str = "Neon Owl Records") -> GameSession:
        return GameSession(new_game(content, seed=seed, difficulty=difficulty,
                                    label_name=label_name), content)

    return build


async def settle(pilot: Pilot) -> None:
    """Wait for every worker, then for the messages they posted to be handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


CLOCK_START = 1_767_225_600.0
"""2026-01-01 00:00 UTC: the frozen clock of service-backed tests."""


@pytest.fixture
def make_service(tmp_path, content: Content):
    """A fresh storage-backed service in ``tmp_path`` (cheap password hashing, fixed clock)."""
    from labelmgr.service import open_service

    services = []

    def build(name: str = "game.db"):
        service = open_service(tmp_path / name, content=content, config_dir=tmp_path / "config",
                               clock=lambda: CLOCK_START, scrypt_n=2**4)
        services.append(service)
        return service

    yield build
    for service in services:
        service.close()


def drawn_lines(widget: Widget) -> list[str]:
    """The text a widget draws (border and padding included), line by line."""
    return [line.text for line in widget.render_lines(Region(0, 0, *widget.outer_size))]


def assert_hanging(lines: list[str], lead: int, starts: tuple[str, ...]) -> int:
    """Each line begins an item (one of ``starts``) or goes on under the item's text, ``lead``
    columns in (or deeper); returns how many lines go on (wrapped)."""
    continued = 0
    for line in lines:
        if line.startswith(starts):
            continue
        assert line[:lead].strip() == "", f"a wrapped line lost its indent: {line!r}"
        continued += 1
    return continued
