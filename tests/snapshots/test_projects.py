"""Snapshots of the projects screen: table, create form, catalogue (seed 7)."""

from __future__ import annotations

from pathlib import Path

APPS = Path(__file__).parent / "apps"
SIZE = (100, 32)


def _keys(text: str) -> list[str]:
    return [{" ": "space"}.get(ch, ch) for ch in text]


class TestProjects:
    def test_projects_table_with_detail(self, snap_compare):
        assert snap_compare(APPS / "played_app.py", press=["p"], terminal_size=SIZE)

    def test_form_with_live_preview(self, snap_compare):
        assert snap_compare(APPS / "fresh_app.py",
                            press=["p", "c", "tab", "tab", *_keys("Low Tide")],
                            terminal_size=SIZE)

    def test_form_inline_error_on_the_budget(self, snap_compare):
        press = ["p", "c", "tab", "tab", *_keys("Low Tide"), "tab", "tab", "tab", "tab",
                 *_keys("100"), "enter"]
        assert snap_compare(APPS / "fresh_app.py", press=press, terminal_size=SIZE)

    def test_form_wide_with_preview_beside(self, snap_compare):
        assert snap_compare(APPS / "fresh_app.py",
                            press=["p", "c", "tab", "tab", *_keys("Low Tide")],
                            terminal_size=(130, 36))

    def test_catalogue_first_page_of_a_long_catalogue(self, snap_compare):
        assert snap_compare(APPS / "catalogue_app.py", press=["p", "k"], terminal_size=SIZE)

    def test_catalogue_second_page_by_quality(self, snap_compare):
        press = ["p", "k", "o", "o", "o", "right_square_bracket"]
        assert snap_compare(APPS / "catalogue_app.py", press=press, terminal_size=SIZE)
