"""Snapshots of the roster screen (100x32 unless a test says otherwise, seed 7)."""

from __future__ import annotations

from pathlib import Path

from labelmgr.engine import SignArtist

APPS = Path(__file__).parent / "apps"
SIZE = (100, 32)


class TestRoster:
    def test_signed_artists_and_detail(self, snap_compare):
        assert snap_compare(APPS / "played_app.py", press=["r"], terminal_size=SIZE)

    def test_discovery_artist_with_signing_cost(self, snap_compare):
        assert snap_compare(APPS / "fresh_app.py", press=["r", "tab", "down"],
                            terminal_size=SIZE)

    def test_refused_signing_explained(self, snap_compare):
        async def plan_a_signing(pilot) -> None:
            pilot.app.session.add(SignArtist("kit_marrow"))

        assert snap_compare(APPS / "fresh_app.py", press=["r", "tab", "enter"],
                            terminal_size=SIZE, run_before=plan_a_signing)

    def test_narrow_terminal_stacks_the_detail(self, snap_compare):
        assert snap_compare(APPS / "played_app.py", press=["r"], terminal_size=(80, 24))

    def test_wide_terminal_puts_the_detail_beside(self, snap_compare):
        assert snap_compare(APPS / "played_app.py", press=["r", "tab"],
                            terminal_size=(130, 36))
