"""Storage fixtures: a service with two players, and a dump of the database for
"nothing was written" checks."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from labelmgr.content import Content
from labelmgr.service import GameService
from tests.service.play import PASSWORD, FakeClock, make_service


def dump(db_path: Path) -> list[str]:
    """Every row of every table as SQL text (comparable before/after an operation)."""
    conn = sqlite3.connect(db_path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def service(tmp_path: Path, content: Content, clock: FakeClock) -> Iterator[GameService]:
    svc = make_service(tmp_path, content, clock)
    yield svc
    svc.close()


@pytest.fixture
def player(service: GameService) -> GameService:
    service.register("alice", PASSWORD)
    return service
