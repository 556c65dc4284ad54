"""Snapshots of the dashboard (seed 7): fresh, played, narrow, wide, help."""

from __future__ import annotations

from pathlib import Path

APPS = Path(__file__).parent / "apps"
SIZE = (100, 32)


class TestDashboard:
    def test_fresh_game(self, snap_compare):
        assert snap_compare(APPS / "fresh_app.py", terminal_size=SIZE)

    def test_five_months_in(self, snap_compare):
        assert snap_compare(APPS / "played_app.py", terminal_size=SIZE)

    def test_80x24_stacks_the_panels(self, snap_compare):
        assert snap_compare(APPS / "played_app.py", terminal_size=(80, 24))

    def test_wide_terminal(self, snap_compare):
        assert snap_compare(APPS / "played_app.py", terminal_size=(140, 40))

    def test_event_waiting(self, snap_compare):
        assert snap_compare(APPS / "event_app.py", terminal_size=SIZE)


class TestHelp:
    def test_help_lists_every_key(self, snap_compare):
        assert snap_compare(APPS / "played_app.py", press=["m", "question_mark"],
                            terminal_size=SIZE)
