"""The screenshot script plays a seeded game by keys and pictures every screen and modal."""

from __future__ import annotations

from pathlib import Path

import pytest

from labelmgr.tui.screenshots import capture

EXPECTED = [
    "01-profile", "02-register", "03-menu", "04-new-game", "05-dashboard", "06-roster",
    "07-roster-discover", "08-project-form", "09-projects", "10-planner", "11-meeting",
    "12-advance", "13-report", "14-news", "15-saves", "16-saves-delete", "17-help",
    "18-marketing", "19-event", "20-catalogue", "21-dashboard-later", "22-results",
    "23-leave",
]
"""Every picture, in the order the game reaches it."""

MARKS = {
    "01-profile": "Log in", "06-roster": "Roster", "08-project-form": "Preview",
    "11-meeting": "now:", "13-report": "Money in and out", "15-saves": "Autosave, month 2", "16-saves-delete": "After month one",
    "20-catalogue": "songs", "22-results": "Badges earned", "23-leave": "Leave the game?",
}
"""A phrase each of some pictures must show (proof the keys reached the right screen)."""


@pytest.mark.slow
async def test_capture_writes_every_screen_and_modal(tmp_path: Path):
    (tmp_path / "99-stale.svg").write_text("old", encoding="utf-8")
    written = await capture(tmp_path)
    assert [p.stem for p in written] == EXPECTED
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{n}.svg" for n in EXPECTED]
    for name, phrase in MARKS.items():
        text = (tmp_path / f"{name}.svg").read_text(encoding="utf-8").replace("&#160;", " ")
        assert phrase in text, name
