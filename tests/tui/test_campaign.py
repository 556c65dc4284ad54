"""A whole 12-month campaign played with key presses only, ending on the results screen."""

from __future__ import annotations

from textual.widgets import Button

from labelmgr.content import load_content
from labelmgr.engine import Results, TakeMeeting, advance_month, new_game
from labelmgr.engine.evolve import evolve
from labelmgr.engine.state import Modifier, Project
from labelmgr.service.session import GameSession
from labelmgr.tui.factory import make_app
from labelmgr.tui.screens.dashboard import DashboardScreen
from labelmgr.tui.screens.modals.choice import ChoiceModal
from labelmgr.tui.screens.report import ReportScreen, event_line
from labelmgr.tui.screens.results import ResultsScreen, victory_line
from labelmgr.tui.widgets.display import money
from tests.tui.conftest import SIZE, settle


async def _pick_thrifty_choice(pilot) -> None:
    """In a choice dialog, press the number of the first open choice that costs no money."""
    prompt = pilot.app.screen.prompt
    open_choices = [(i, c) for i, c in enumerate(prompt.choices, 1) if c.gate is None]
    number = next((i for i, c in open_choices if not any(b.startswith("-$")
                                                         for b in c.immediate + c.delayed)),
                  open_choices[0][0])
    await pilot.press(str(number))
    await settle(pilot)


def _campaign_over(session: GameSession) -> GameSession:
    """``session`` played idle through its twelve months, to its results."""
    for _ in range(12):
        session.advance()
    return session


async def test_twelve_months_by_keys_end_on_the_results(make_session, content):
    session = make_session(seed=11)
    app = make_app(session=session)
    plans = []
    async with app.run_test(size=SIZE) as pilot:
        for month in range(1, 13):
            assert isinstance(app.screen, DashboardScreen)
            assert session.state.month == month
            await pilot.press("m")
            await pilot.press("enter")  # the first open action: the event, or a meeting
            assert isinstance(app.screen, ChoiceModal)
            await _pick_thrifty_choice(pilot)
            plans.append(session.plan)
            await pilot.press("A", "enter")
            await settle(pilot)
            assert isinstance(app.screen, ReportScreen)
            assert app.screen.report.month == month
            await pilot.press("enter")
            await settle(pilot)
            if isinstance(app.screen, ChoiceModal):  # an event fired: leave it for the planner
                await pilot.press("escape")
        assert isinstance(app.screen, ResultsScreen)
    state = session.state
    assert state.campaign_complete and not state.career
    assert state.results is not None and state.results.month == 12
    assert [h.month for h in state.history] == list(range(1, 13))
    assert all(len(plan) >= 1 for plan in plans)
    assert sum(isinstance(a, TakeMeeting) for plan in plans for a in plan) >= 9
    replay = new_game(content, seed=11, label_name="Neon Owl Records")
    for plan in plans:
        replay = advance_month(replay, plan, content).state
    assert replay.money == state.money
    assert replay.results == state.results


async def test_continue_career_from_the_results(make_session):
    session = _campaign_over(make_session(seed=11))
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert session.state.career
        await pilot.press("A", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        assert session.state.month == 14
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ResultsScreen)


async def test_results_in_80x24_open_on_the_score_not_the_buttons(make_session):
    session = _campaign_over(make_session(seed=11))
    app = make_app(session=session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        body = app.screen.query_one("#results-body")
        assert body.max_scroll_y > 0  # the page scrolls at this size...
        assert body.scroll_y == 0  # ...and opens at its top, on the score
        assert app.screen.query_one("#results-career").has_focus


async def test_continue_career_is_saved_at_once(make_service):
    service = make_service()
    service.register("ana", "secret-pass-1")
    session = service.new_game("Career Records", seed_code="0000-0008")
    for _ in range(12):
        session.advance()
    app = make_app(service, session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
    again = make_service()  # quit at once, start labelmgr again: the career is there
    again.login("ana", "secret-pass-1")
    [game] = again.list_games()
    assert game.complete and game.career
    assert again.open_game(game.id).state == session.state


async def test_a_bankrupt_career_ends_on_its_results(make_session):
    # idle on normal: bankrupt in the career's third month
    session = _campaign_over(make_session(seed=8))
    session.start_career()
    session.advance()
    session.advance()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        over = str(app.screen.query_one("#results-career-over").render())
        assert over == ("Career over: the label went bankrupt in month 15 of its career "
                        "(money −$13,272, below the −$10,000 line). It cannot go on; the "
                        "campaign's score below stays as it was at month 12.")
        score = str(app.screen.query_one("#results-score").render()).splitlines()[0]
        campaign_end = next(h.money for h in session.state.history if h.month == 12)
        assert campaign_end != session.state.money
        assert score.endswith(f"month 12 · money {money(campaign_end)}")
        assert app.screen.query_one("#results-career").disabled
        assert app.screen.query_one("#results-menu").has_focus
        assert not app.screen.check_action("career", ())
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen) and not session.state.career
        await pilot.press("escape")
        await settle(pilot)
        assert app.check_action("advance", ()) is None  # shown dimmed: the game is over


async def test_results_give_every_weight_with_two_decimals(make_session):
    """The weights read "× 0.35", "× 0.30", … (the 0.3 read "× 0.3" beside "× 0.35")."""
    session = _campaign_over(make_session(seed=11))
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        weights = [str(label.render()).split("×")[1].strip()
                   for label in app.screen.query(".score-bar--value")]
    assert weights == ["0.35", "0.30", "0.20", "0.15"]


async def test_results_say_whether_a_failed_label_went_bankrupt(make_session):
    """Idle on normal keeps its money but scores under the Failure line; idle on hard goes
    bankrupt: the line under the victory type tells them apart."""
    lines = {}
    for difficulty in ("normal", "hard"):
        session = make_session(seed=11, difficulty=difficulty)
        while not session.state.campaign_complete:
            session.advance()
        assert session.state.results is not None
        assert session.state.results.victory_type == "Failure"
        assert session.state.results.bankrupt == (difficulty == "hard")
        app = make_app(session=session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("v")
            assert isinstance(app.screen, ResultsScreen)
            lines[difficulty] = str(
                app.screen.query_one("#results-score").render()).splitlines()[1]
    assert lines == {
        "normal": "The label kept its doors open but made no mark: a score under 25 is a "
                  "Failure.",
        "hard": "The label went bankrupt: its money fell below the −$10,000 line.",
    }


def test_a_bankrupt_label_lifted_back_over_the_line_is_told_why():
    """Bankruptcy is decided when the month resolves; the deals still running are settled
    after it (a payout can lift the money back over the line: random seed 98 on normal ends
    at −$8,757). The line under the victory type says both."""
    balance = load_content().balance
    results = Results(12.5, "Failure", True, (), 0.0, 10.0, 40.0, 0.0, 11)
    assert victory_line(results, balance, -12_300) == (
        "The label went bankrupt: its money fell below the −$10,000 line.")
    assert victory_line(results, balance, -8_757) == (
        "The label went bankrupt: its money fell below the −$10,000 line. Settling the deals "
        "still running at the end left it at −$8,757.")
    survived = evolve(results, victory_type="Survival", bankrupt=False, score=30.0)
    assert victory_line(survived, balance, 2_000) == "The label survived its first year, just."


async def test_a_finished_game_dashboard_says_what_can_still_happen(make_session):
    """After the campaign nothing is started from the dashboard; waiting effects apply only
    in a career, and never once the label went bankrupt."""
    panels = {}
    for difficulty in ("normal", "hard"):
        session = make_session(seed=11, difficulty=difficulty)
        while not session.state.campaign_complete:
            session.advance()
        # a boost still waiting when the campaign ended
        boost = Modifier("quality_bonus", 4.0, "House producer", 12, 15, None)
        session = GameSession(evolve(session.state, modifiers=(boost,)), session.content)
        app = make_app(session=session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("escape")  # the results screen opens on a finished game
            await settle(pilot)
            assert isinstance(app.screen, DashboardScreen)
            panels[difficulty] = (
                str(app.screen.query_one("#projects-panel").render()).splitlines()[0],
                str(app.screen.query_one("#effects-panel").render()).splitlines()[0])
    assert panels["normal"][0] == panels["hard"][0] == "No project under way."
    assert panels["hard"][1] == "Nothing more takes effect: the label went bankrupt."
    assert panels["normal"][1] == ("The campaign is over: these apply only if the label goes "
                                   "on into a career.")


async def test_a_finished_game_dashboard_says_whether_its_projects_can_still_come_out(
        make_session):
    """A record still in production when the campaign ends comes out only in a career, and
    never once the label went bankrupt (the dashboard said 'out in month 14' either way)."""
    panels = {}
    for difficulty in ("normal", "hard"):
        session = make_session(seed=11, difficulty=difficulty)
        while not session.state.campaign_complete:
            session.advance()
        state, content = session.state, session.content
        artist = state.artists[0].id
        record = Project(99, "ep", "Fog City", artist, 11, 14, 5, state.producer_tiers[0],
                         content.balance.projects.time_investments[0].id, 2_000, 10_000,
                         songs_recorded=2)
        session = GameSession(evolve(state, projects=(*state.projects, record)), content)
        app = make_app(session=session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("escape")  # the results screen opens on a finished game
            await settle(pilot)
            panels[difficulty] = str(
                app.screen.query_one("#projects-panel").render()).splitlines()[:2]
    assert panels["normal"][0] == ("The campaign is over: these go on only if the label goes "
                                   "on into a career.")
    assert panels["hard"][0] == "Stopped for good: the label went bankrupt."
    for _, line in panels.values():
        assert line.startswith("“Fog City” EP") and "2/5 songs" in line


async def test_a_bankruptcy_reads_with_the_screens_minus_everywhere(make_session):
    """The engine writes "Bankrupt: money fell to -$13,831"; the report around that line,
    and every other amount on screen, reads −$13,831."""
    session = make_session(seed=11, difficulty="hard")
    while not session.state.campaign_complete:
        session.advance()
    bankrupt = next(e for e in session.news() if e.kind == "Bankrupt")
    assert "-$" in bankrupt.text
    shown = f"Bankrupt: money fell to {money(session.state.money)}"
    assert "−$" in shown
    assert event_line(bankrupt) == f"[$text-error]✖ {shown}[/]"
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        assert shown in str(app.screen.query_one("#news-panel").render())
        await pilot.press("n")
        await settle(pilot)
        feed = app.screen.query_one("#news-feed")
        lines = [str(feed.get_option_at_index(i).prompt) for i in range(feed.option_count)]
        assert any(shown in line for line in lines)
        assert not any("-$" in line for line in lines)


async def test_the_planner_of_a_finished_game_says_what_can_come_next(make_session):
    """The planner of a label that went bankrupt said "The campaign is over: start the
    label's career to keep playing", which it cannot; a campaign that can go on now says how."""
    lines = {}
    for difficulty in ("normal", "hard"):  # idle: under the Failure line, or bankrupt
        session = make_session(seed=11, difficulty=difficulty)
        while not session.state.campaign_complete:
            session.advance()
        app = make_app(session=session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("m")
            await settle(pilot)
            lines[difficulty] = str(
                app.screen.query_one("#plan-title").render()).splitlines()[-1]
    assert lines == {
        "normal": "The campaign is over: start the label's career to keep playing "
                  "(v: the results, then c).",
        "hard": "The label went bankrupt: this game is over.",
    }


async def test_the_results_looked_up_during_the_career_go_back_to_it_with_enter(make_session):
    """v in the career showed 'Continue career' dimmed with 'Back to menu' focused: Enter,
    to close the page, left the game for the main menu."""
    session = _campaign_over(make_session(seed=11))
    session.start_career()
    session.advance()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        assert isinstance(app.screen, ResultsScreen)
        assert not app.screen.query("#results-career")
        close = app.screen.query_one("#results-close", Button)
        assert str(close.label) == "Back to the game" and close.has_focus
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.session is session and session.state.month == 14
