"""Snapshots of the profile screen (log in, register)."""

from __future__ import annotations

from pathlib import Path

APPS = Path(__file__).parent / "apps"
SIZE = (100, 32)


class TestProfile:
    def test_log_in(self, snap_compare):
        assert snap_compare(APPS / "profile_app.py", press=["a", "n", "a"], terminal_size=SIZE)

    def test_register_asks_twice(self, snap_compare):
        assert snap_compare(APPS / "profile_app.py", press=["a", "n", "a", "ctrl+r"],
                            terminal_size=SIZE)

    def test_refusal_shown_in_place(self, snap_compare):
        press = ["a", "n", "a", "enter", "x", "y", "enter"]

        async def settle(pilot) -> None:
            await pilot.press(*press)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

        assert snap_compare(APPS / "profile_app.py", terminal_size=SIZE, run_before=settle)

    def test_80x24(self, snap_compare):
        assert snap_compare(APPS / "profile_app.py", press=["ctrl+r"], terminal_size=(80, 24))
