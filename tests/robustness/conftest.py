"""Fixtures of the robustness tests: a player's home folder the CLI subprocess can use."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def home() -> Iterator[Path]:
    """A fresh folder outside pytest's (which may be closed to the unprivileged user)."""
    folder = Path(tempfile.mkdtemp(prefix="labelmgr-robust-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
