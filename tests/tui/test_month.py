"""Advancing a month: confirmation, the report, the random event decision, failures."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from labelmgr.engine import ResolveEvent, StartProject, TakeMeeting, TalkToArtist
from labelmgr.errors import LabelError
from labelmgr.tui.factory import make_app
from labelmgr.tui.screens.dashboard import DashboardScreen
from labelmgr.tui.screens.modals.advance import AdvanceModal
from labelmgr.tui.screens.modals.choice import ChoiceModal, event_prompt
from labelmgr.tui.screens.planner import PlannerScreen
from labelmgr.tui.screens.report import ReportScreen
from tests.tui.conftest import SIZE, settle


async def test_advance_asks_first_and_escape_keeps_the_month(make_session):
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A")
        assert isinstance(app.screen, AdvanceModal)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert session.state.month == 1


async def test_advance_shows_the_report_then_the_dashboard(make_session):
    session = make_session(seed=7)
    session.add(TakeMeeting("a_and_r", "demo_pile", "listening_session"))
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "A", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        report = app.screen.report
        assert report.month == 1
        assert session.state.month == 2
        assert session.plan == ()
        assert report.money_start == 75_000
        assert report.money_end == session.state.money
        assert ("meetings", "Meetings", -400) in report.by_category()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.current_mode == "dashboard"


async def test_the_plans_toasts_go_when_the_month_resolves(make_session):
    """"Signing planned: Sable Orchard signs when the month resolves" stayed on screen over
    the report that says she signed; the report opens without the plan's toasts."""
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "tab", "enter")  # sign the first artist in Discover
        await settle(pilot)
        assert [n.title for n in app._notifications] == ["Signing planned"]
        await pilot.press("A", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        assert session.state.month == 2
        assert list(app._notifications) == []


async def _advance_by_keys(pilot, months: int) -> None:
    for _ in range(months):
        await pilot.press("A", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)


async def test_random_event_decision_goes_into_the_plan(make_session):
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await _advance_by_keys(pilot, 3)
        # seed 7 rolls an event at the end of month 3: its decision opens after the report
        assert session.state.pending_event is not None
        assert session.state.pending_event.event_id == "merch_misprint"
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("2")
        await settle(pilot)
        assert session.plan == (ResolveEvent("sell_as_collectibles"),)
        money_before = session.state.money
        await pilot.press("A", "enter")
        await settle(pilot)
        report = app.screen.report
        assert any(e.kind == "EventResolved" and e.choice_id == "sell_as_collectibles"
                   for e in report.events)
        assert ("events", "Events", 2_500) in report.by_category()
        assert report.money_start == money_before


async def test_event_can_be_answered_later_from_the_planner(make_session):
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await _advance_by_keys(pilot, 3)
        await pilot.press("escape")
        assert session.plan == ()
        await pilot.press("m")
        assert isinstance(app.screen, PlannerScreen)
        # the event comes first in the actions, and is highlighted
        await pilot.press("enter", "1")
        await settle(pilot)
        assert session.plan == (ResolveEvent("reprint_shirts"),)


async def test_a_failed_save_leaves_the_month_unresolved(make_session, content):
    from labelmgr.service import GameSession

    def refuse(*_: object) -> None:
        raise LabelError("SAVE_CONFLICT", "Another window advanced this game first")

    base = make_session(seed=7)
    session = GameSession(base.state, content, commit=refuse)
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert not app.advancing
        assert session.state.month == 1
        assert [n.message for n in app._notifications] == [
            "Another window advanced this game first"]


async def test_dashboard_shows_the_planned_answer_instead_of_event_waiting(make_session,
                                                                            content):
    session = make_session(seed=7)
    for _ in range(3):
        session.advance()
    assert session.state.pending_event.event_id == "merch_misprint"
    event = content.event_by_id["merch_misprint"]
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        def label_text() -> str:
            return str(app.screen.query_one("#label-panel", Static).render())

        assert f"! Event waiting: {event.title} (plan: m)" in label_text()
        app.action_answer_event()
        await pilot.pause()
        await pilot.press("2")
        await settle(pilot)
        assert session.plan == (ResolveEvent("sell_as_collectibles"),)
        chosen = next(c.label for c in event.choices if c.id == "sell_as_collectibles")
        assert "Event waiting" not in label_text()
        assert f"Event answered: {event.title} → {chosen}" in label_text()
        assert [n.title for n in app._notifications] == ["Event answered"]


def test_an_events_dialog_is_titled_with_its_category_as_a_word(make_session):
    """The dialog's title showed the content's id: "Event · business"."""
    session = make_session(seed=7)
    for _ in range(3):
        session.advance()
    assert session.state.pending_event.event_id == "merch_misprint"
    assert event_prompt(session).prompt.title == "Event · Business"


async def test_a_planned_answer_shows_what_it_does_in_the_plan_and_the_advance_dialog(
        make_session):
    """The answer's line in the plan had nothing under it, where a meeting's says
    '−$2,500 · +6 quality …': 'Say nothing' cost reputation without the plan saying so."""
    session = make_session(seed=7)
    for _ in range(3):
        session.advance()
    assert session.state.pending_event.event_id == "merch_misprint"
    session.add(ResolveEvent("sell_as_collectibles"))
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        plan = app.screen.query_one("#plan-list", OptionList)
        answer = str(plan.get_option_at_index(0).prompt)
        assert answer.startswith("· Answer “")
        assert "+$2,500 · −1 reputation" in answer
        await pilot.press("A")
        assert isinstance(app.screen, AdvanceModal)
        dialog = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Sell them as limited misprints (no slot)" in dialog
        assert "+$2,500 · −1 reputation" in dialog


async def test_every_line_of_the_reports_ledger_starts_with_a_capital(make_session):
    """A tour's cost read 'mini-tour “Foghorn Tour”' under 'Projects', where a record's
    reads 'Single “Fog Lights”'."""
    session = make_session(seed=7)
    session.add(StartProject("mini_tour", "mira_vale", "Foghorn Tour", venue="clubs", cities=2))
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        ledger = str(app.screen.query_one("#report-ledger", Static).render()).splitlines()
        tour = next(line for line in ledger if "“Foghorn Tour”" in line)
        assert tour.split("  ")[-1] == "Mini-tour “Foghorn Tour”"
        entries = [line.split(maxsplit=1)[1] for line in ledger if line.startswith(" ")]
        assert entries and all(text[0].isupper() for text in entries)


async def test_a_waiting_boost_reads_without_two_brackets_in_a_row(make_session):
    """'… from Talk with Kit Marrow: “Keep the short edit for radio only” (month 3) (until
    month 10)': the talk's source ends with its month, and the end came in brackets too."""
    session = make_session(seed=7)
    talk = next(c for c in session.options().conversations if c.artist_id == "mira_vale")
    later = next(c for c in talk.choices if c.delayed and c.gate is None)
    session.add(TalkToArtist("mira_vale", talk.conversation.id, later.choice.id))
    session.advance()
    session.advance()
    assert session.state.modifiers
    app = make_app(session=session)
    async with app.run_test(size=SIZE):
        text = " ".join(str(app.screen.query_one("#effects-panel", Static).render()).split())
        modifier = session.state.modifiers[0]
        assert f"{modifier.source} · until month {modifier.expires_month}" in text
        assert ") (" not in text
