"""Test helpers: a fake clock, a fast service factory and a simple deterministic player."""

from __future__ import annotations

from pathlib import Path

from labelmgr.content import Content
from labelmgr.engine import (
    Action,
    GameState,
    StartProject,
    advance_month,
    check_plan,
    new_game,
    plan_options,
    start_career,
)
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


def played(content: Content, months: int, seed: int = 7) -> GameState:
    """A game after ``months`` months of ``simple_plan`` (a career after month 12)."""
    state = new_game(content, seed=seed, label_name="Round Trip")
    for _ in range(months):
        if state.campaign_complete and not state.career:
            state = start_career(state, content)
        state = advance_month(state, simple_plan(state, content), content).state
    return state


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
    """Advance ``months`` months with ``simple_plan`` (going on as a career after month 12)."""
    for _ in range(months):
        if session.state.campaign_complete and not session.state.career:
            session.start_career()
        for action in simple_plan(session.state, session.content):
            session.add(action)
        session.advance()
