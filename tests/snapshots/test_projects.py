"""Snapshots of the projects screen: table, create form, catalogue (seed 7)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

APPS = Path(__file__).parent / "apps"
SIZE = (100, 32)


def _keys(text: str) -> list[str]:
    return [{" ": "space"}.get(ch, ch) for ch in text]


def _typed(*keys: str):
    """A ``run_before`` that presses ``keys`` and then stops text cursors blinking, so the
    snapshot does not depend on the blink phase (the cursor stays shown)."""

    async def run(pilot) -> None:
        await pilot.press(*keys)
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False
        await pilot.pause()

    return run


class TestProjects:
    def test_projects_table_with_detail(self, snap_compare):
        assert snap_compare(APPS / "played_app.py", press=["p"], terminal_size=SIZE)

    def test_form_with_live_preview(self, snap_compare):
        assert snap_compare(APPS / "fresh_app.py", terminal_size=SIZE,
                            run_before=_typed("p", "c", "tab", "tab", *_keys("Low Tide")))

    def test_form_inline_error_on_the_budget(self, snap_compare):
        press = ["p", "c", "tab", "tab", *_keys("Low Tide"), "tab", "tab", "tab", "tab",
                 *_keys("100"), "enter"]
        assert snap_compare(APPS / "fresh_app.py", terminal_size=SIZE,
                            run_before=_typed(*press))

    def test_form_wide_with_preview_beside(self, snap_compare):
        assert snap_compare(APPS / "fresh_app.py", terminal_size=(130, 36),
                            run_before=_typed("p", "c", "tab", "tab", *_keys("Low Tide")))

    def test_catalogue_first_page_of_a_long_catalogue(self, snap_compare):
        assert snap_compare(APPS / "catalogue_app.py", press=["p", "k"], terminal_size=SIZE)

    def test_catalogue_second_page_by_quality(self, snap_compare):
        press = ["p", "k", "o", "o", "o", "right_square_bracket"]
        assert snap_compare(APPS / "catalogue_app.py", press=press, terminal_size=SIZE)
