"""Test helpers: a fake clock, a fast service factory and a simple deterministic player."""

from __future__ import annotations

from pathlib import Path

from labelmgr.content import Content
from labelmgr.engine import Action, GameState, StartProject, check_plan, plan_options
from labelmgr.errors import LabelError
from labelmgr.service import GameService, GameSession, open_service

FAST_SCRYPT = 2**4
PASSWORD = "correct horse"


class FakeClock:
    """A clock the test moves by hand (Unix seconds)."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_service(folder: Path, content: Content, clock: FakeClock | None = None,
                 db_name: str = "labelmgr.db") -> GameService:
    return open_service(folder / db_name, content=content, config_dir=folder / "config",
                        clock=clock or FakeClock(), scrypt_n=FAST_SCRYPT)


def simple_plan(state: GameState, content: Content) -> list[Action]:
    """Start a single with the first idle artist when it fits the money, else nothing."""
    opts = plan_options(state, [], content)
    if state.pending_event is not None or not opts.idle_artists:
        return []
    action = StartProject("single", opts.idle_artists[0], f"Song {state.month}")
    try:
        check_plan(state, [action], content)
    except LabelError:
        return []
    return [action]


def play(session: GameSession, months: int) -> None:
    """Advance ``months`` months with ``simple_plan``."""
    for _ in range(months):
        for action in simple_plan(session.state, session.content):
            session.add(action)
        session.advance()
