"""News screen: the feed of the session's events, newest first, with a topic filter."""

from __future__ import annotations

import re

from textual.widgets import OptionList, Static

from labelmgr.engine import StartProject
from labelmgr.engine.events import ReputationChanged
from labelmgr.tui.factory import make_app
from labelmgr.tui.screens.news import news_line
from labelmgr.tui.screens.report import event_line
from tests.tui.conftest import SIZE


def _lines(app) -> list[str]:
    feed = app.screen.query_one("#news-feed", OptionList)
    return [str(feed.get_option_at_index(i).prompt) for i in range(feed.option_count)]


async def test_feed_lists_events_newest_first_and_filters_by_topic(make_session):
    session = make_session()
    session.add(StartProject("single", "mira_vale", "Low Tide"))
    for _ in range(3):
        session.advance()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        lines = _lines(app)
        texts = [e.text for e in session.news(500)]
        assert len(lines) == len(texts) == 5
        assert lines[0] == "M3  ! Event: Five hundred wrong shirts — decide next month"
        assert all(t in line for t, line in zip(texts, lines, strict=True))
        assert lines[0].startswith("M3") and lines[-1].startswith("M1")
        assert "Started Single “Low Tide” with Mira Vale ($3,000)" in lines[-1]
        await pilot.press("f")  # releases and tours only
        music = _lines(app)
        assert [m.split(maxsplit=2)[2] for m in music] == [
            "“Low Tide” released: 70,684 streams, $2,049",
            "Mira Vale recorded 1 song for “Low Tide” (1/1)",
            "Started Single “Low Tide” with Mira Vale ($3,000)"]
        title = str(app.screen.query_one("#news-title", Static).render())
        assert "3 items · showing releases and tours" in title


async def test_a_new_game_has_an_empty_feed_that_says_so(make_session):
    app = make_app(session=make_session())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert _lines(app) == ["Nothing yet: news arrives as months resolve."]


def test_a_reputation_drop_is_marked_down_in_the_report_and_the_news():
    """Every reputation change was marked ▲, the drop of month 13 ('Reputation 7 → 6')
    included."""
    drop = ReputationChanged(13, "Reputation 7 → 6 (…)", before=7, after=6)
    rise = ReputationChanged(2, "Reputation 5 → 6 (…)", before=5, after=6)
    assert event_line(drop).startswith("▼ Reputation 7 → 6")
    assert event_line(rise).startswith("▲ Reputation 5 → 6")
    assert news_line(drop).plain.startswith("M13 ▼ Reputation 7 → 6")
    assert news_line(rise).plain.startswith("M2  ▲ Reputation 5 → 6")


def test_the_report_and_the_news_mark_every_kind_of_event_alike(make_session):
    """The two screens had marks of their own, and two swapped meanings: ★ was a choice's
    later effect in the report and a tier unlocked in the news, ✓ a tier unlocked in the
    report and an answered event in the news."""
    session = make_session(seed=7)
    session.add(StartProject("single", "mira_vale", "Low Tide"))
    seen: dict[str, str] = {}
    for _ in range(12):
        session.advance()
    for event in session.news():
        report_mark = re.sub(r"^\[[^\]]*\]", "", event_line(event)).split(" ", 1)[0]
        news_mark = news_line(event).plain[4:].split(" ", 1)[0]  # after 'M12 ', 'M9  '

        assert report_mark == news_mark, (event.kind, report_mark, news_mark)
        seen[event.kind] = report_mark
    assert {"ProjectReleased", "DelayedEffectFired", "EventResolved"} <= set(seen)
    assert len(set(seen.values())) > 3
