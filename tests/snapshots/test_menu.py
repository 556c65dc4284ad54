"""Snapshots of the main menu, new game, delete confirmation and leaving a game."""

from __future__ import annotations

from pathlib import Path

APPS = Path(__file__).parent / "apps"
SIZE = (100, 32)


class TestMenu:
    def test_menu_with_two_games(self, snap_compare):
        assert snap_compare(APPS / "menu_app.py", terminal_size=SIZE)

    def test_new_game_prefilled_seed(self, snap_compare):
        assert snap_compare(APPS / "menu_app.py", press=["n"], terminal_size=SIZE)

    def test_delete_asks_first(self, snap_compare):
        assert snap_compare(APPS / "menu_app.py", press=["l", "x"], terminal_size=SIZE)

    def test_leave_game_dialog(self, snap_compare):
        async def open_latest(pilot) -> None:
            await pilot.press("c")
            await pilot.pause()

        assert snap_compare(APPS / "menu_app.py", press=["q"], terminal_size=SIZE,
                            run_before=open_latest)
