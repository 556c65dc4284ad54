"""Fixtures: a service on a fresh database in tmp_path, with a logged-in player."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from labelmgr.content import Content
from labelmgr.service import GameService
from tests.service.play import PASSWORD, FakeClock, make_service


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
