"""Dashboard layout: the news takes the room a tall terminal leaves."""

from __future__ import annotations

import pytest

from labelmgr.tui.factory import make_app
from labelmgr.tui.screens.dashboard import NEWS_MOST, NEWS_SHOWN
from tests.snapshots.apps.played import played_session
from tests.tui.conftest import drawn_lines, settle


def _news_items(app) -> int:
    return sum(1 for line in drawn_lines(app.screen.query_one("#news-panel"))
               if line[2:].startswith("M"))


async def test_a_tall_terminal_shows_more_news_without_scrolling():
    """At 160x45 the news stopped at 6 items and the bottom half of the screen was empty."""
    session = played_session()
    news = len(session.news(NEWS_MOST))
    app = make_app(session=session)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        body = app.screen.query_one("#dash-body")
        assert _news_items(app) == news > NEWS_SHOWN + 4  # all of them
        assert body.max_scroll_y == 0
        await pilot.resize_terminal(160, 30)  # as many as fit
        await settle(pilot)
        assert NEWS_SHOWN < _news_items(app) < news
        assert body.max_scroll_y == 0


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_small_terminals_keep_six_news_items(size):
    app = make_app(session=played_session())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert _news_items(app) == NEWS_SHOWN
