"""Game and service states for the core screens' snapshots (seed 7, fixed clock)."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from labelmgr.content import load_content
from labelmgr.engine import StartProject, TakeMeeting
from labelmgr.errors import LabelError
from labelmgr.service import GameService, GameSession, open_service
from tests.snapshots.apps.played import fresh_session, played_session

FIXED_CLOCK = 1_767_225_600.0
"""2026-01-01 00:00 UTC: every time a snapshot shows."""


def event_session() -> GameSession:
    """Seed 7 after three idle months: the misprinted-shirts event awaits an answer."""
    session = fresh_session()
    for _ in range(3):
        session.advance()
    assert session.state.pending_event is not None
    return session


def planned_session() -> GameSession:
    """Month 1 with two meetings planned (one slot left)."""
    session = fresh_session()
    session.add(TakeMeeting("producer", "studio_time", "book_better_room"))
    session.add(TakeMeeting("a_and_r", "demo_pile", "listening_session"))
    return session


def finished_session() -> GameSession:
    """The five-month script, then a single for each idle artist when possible: month 12 over."""
    session = played_session()
    while not session.state.campaign_complete:
        for artist_id in session.options().idle_artists:
            with contextlib.suppress(LabelError):  # an artist who cannot record now
                session.add(StartProject("single", artist_id,
                                         f"Single {session.state.month}"))
        session.advance()
    assert session.state.results is not None
    return session


def service(*, signed_in: bool) -> GameService:
    """A service on a fresh database in a temporary folder, with two games when signed in."""
    folder = Path(tempfile.mkdtemp(prefix="labelmgr-snap-"))
    svc = open_service(folder / "game.db", content=load_content(), config_dir=folder,
                       clock=lambda: FIXED_CLOCK, scrypt_n=2**4)
    if signed_in:
        svc.register("ana", "secret-pass-1")
        svc.new_game("Neon Owl Records", "normal", "0000-0007")
        first = svc.new_game("Paper Moon Sound", "hard", "0000-0042")
        first.advance()
    return svc
