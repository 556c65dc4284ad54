"""Snapshots of the saves screen (frozen clock, times shown in UTC)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

APPS = Path(__file__).parent / "apps"
SIZE = (100, 32)


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch: pytest.MonkeyPatch):
    """Slot times are shown in local time: make local time UTC for stable snapshots."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


class TestSaves:
    def test_slots_with_manual_save_and_autosaves(self, snap_compare):
        assert snap_compare(APPS / "saves_app.py", press=["s"], terminal_size=SIZE)

    def test_refused_save_name_shown_under_the_field(self, snap_compare):
        async def type_blank_name(pilot) -> None:
            await pilot.press("s", "c", "space", "enter")
            pilot.app.screen.query_one("#save-name").cursor_blink = False
            await pilot.pause()

        assert snap_compare(APPS / "saves_app.py", terminal_size=SIZE,
                            run_before=type_blank_name)

    def test_delete_asks_first(self, snap_compare):
        assert snap_compare(APPS / "saves_app.py", press=["s", "x"], terminal_size=SIZE)
