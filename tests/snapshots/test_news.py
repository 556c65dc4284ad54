"""Snapshots of the news feed (seed 7, five months played)."""

from __future__ import annotations

from pathlib import Path

APPS = Path(__file__).parent / "apps"
SIZE = (100, 32)


class TestNews:
    def test_feed_newest_first(self, snap_compare):
        assert snap_compare(APPS / "played_app.py", press=["n"], terminal_size=SIZE)

    def test_feed_filtered_to_releases_and_tours(self, snap_compare):
        assert snap_compare(APPS / "played_app.py", press=["n", "f"], terminal_size=SIZE)
