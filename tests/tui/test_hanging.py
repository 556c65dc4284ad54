"""A wrapped line goes on under its text (right of its number, mark or month), not at the
left edge: choices, Your plan, the news, the dashboard's news and the month report."""

from __future__ import annotations

from textual.widgets import OptionList

from labelmgr.engine import TakeMeeting
from labelmgr.tui.factory import make_app
from labelmgr.tui.screens.report import ReportScreen
from tests.snapshots.apps.played import played_session
from tests.tui.conftest import assert_hanging, drawn_lines, settle

NARROW = (80, 24)
"""The smallest supported terminal, where most lines wrap."""


def _inside(lines: list[str]) -> list[str]:
    """A bordered panel's lines without its border and padding (one cell each side)."""
    return [line[2:-2].rstrip() for line in lines[1:-1]]


async def test_a_choices_wrapped_effects_go_on_under_them(make_session):
    """'in 2 months: +2 creative capital · +3 artist mood · −2 artist' went on 'loyalty'
    at the option's left edge."""
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("m", "enter")
        await settle(pilot)
        lines = _inside(drawn_lines(app.screen.query_one("#choice-list", OptionList)))
        assert "   in 2 months: +2 creative capital · +3 artist mood · −2 artist" in lines
        assert "   loyalty" in lines
        assert assert_hanging(lines, 3, tuple("123")) == 6  # 5 effect lines and 1 wrapped


async def test_your_plans_wrapped_lines_go_on_under_their_text(make_session):
    session = make_session(seed=7)
    for meeting in session.options().meetings[:3]:
        choice = next(c for c in meeting.choices if c.gate is None)
        session.add(TakeMeeting(meeting.role.id, meeting.meeting.id, choice.choice.id))
    app = make_app(session=session)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("m", "tab")
        await settle(pilot)
        plan = app.screen.query_one("#plan-list", OptionList)
        lines = _inside(drawn_lines(plan))
        assert "  a proper dinner" in lines  # the first action's title, wrapped
        # each action's first line, its badges (3 in), and the lines that wrapped
        assert assert_hanging(lines, 2, tuple("123")) > len(session.plan)
        badges = [line for line in lines if line.startswith("   ")]
        assert badges and all(line[:3].strip() == "" for line in badges)


async def test_the_news_and_the_dashboards_news_wrap_under_their_text():
    session = played_session()
    app = make_app(session=session)
    async with app.run_test(size=(100, 30)) as pilot:  # the news beside the projects
        await settle(pilot)
        panel = _inside(drawn_lines(app.screen.query_one("#news-panel")))
        assert assert_hanging(panel, 4, ("M",)) > 0
        await pilot.press("n")
        await settle(pilot)
        feed = [line[1:] for line in drawn_lines(app.screen.query_one("#news-feed"))]
        assert assert_hanging(feed, 6, ("M",)) > 0


async def test_the_reports_wrapped_events_go_on_under_their_text(make_session):
    session = make_session(seed=7)
    meeting = next(m for m in session.options().meetings if m.role.id == "manager")
    session.add(TakeMeeting("manager", meeting.meeting.id, meeting.choices[0].choice.id))
    report = session.advance()  # "• Mira Vale's mood 60 → 68 (Label manager: “Take them …”)"
    app = make_app(session=session)
    async with app.run_test(size=NARROW) as pilot:
        app.push_screen(ReportScreen(report))
        await settle(pilot)
        lines = _inside(drawn_lines(app.screen.query_one("#report-events")))
        marks = tuple(line[0] for line in lines if line[:1].strip())
        assert assert_hanging(lines, 2, marks) > 0
