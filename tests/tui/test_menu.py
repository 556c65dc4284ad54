"""Main menu and new game: start, continue, load, delete with confirmation, leave a game."""

from __future__ import annotations

from textual.widgets import DataTable, Input, RadioButton, RadioSet

from labelmgr.engine import SignArtist, TakeMeeting, parse_seed_code
from labelmgr.tui.factory import make_app
from labelmgr.tui.screens.dashboard import DashboardScreen
from labelmgr.tui.screens.menu import MenuScreen
from labelmgr.tui.screens.modals.confirm import ConfirmModal, LeaveModal
from labelmgr.tui.screens.new_game import NewGameScreen
from labelmgr.tui.screens.report import ReportScreen
from tests.tui.conftest import SIZE, settle


def _signed_in(make_service):
    service = make_service()
    service.register("ana", "secret-pass-1")
    return service


def _app_with_a_game(make_service):
    """The app of a signed-in player with one game (Neon Owl Records, seed 0000-0007)."""
    service = _signed_in(make_service)
    service.new_game("Neon Owl Records", seed_code="0000-0007")
    return make_app(service)


async def _continue(pilot) -> None:
    """From the menu into the game (c: Continue)."""
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)


async def test_new_game_from_the_menu_with_a_seed_code(make_service):
    service = _signed_in(make_service)
    app = make_app(service, seed_code="0000-0007")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        await pilot.press("n")
        assert isinstance(app.screen, NewGameScreen)
        assert app.screen.query_one("#seed", Input).value == "0000-0007"
        await pilot.press(*"Neon Owl Records", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        state = app.session.state
        assert (state.label_name, state.difficulty, state.seed) == ("Neon Owl Records",
                                                                    "normal", 7)
        assert [g.label_name for g in service.list_games()] == ["Neon Owl Records"]


async def test_a_bad_seed_code_is_refused_next_to_the_field(make_service):
    service = _signed_in(make_service)
    app = make_app(service, seed_code="7Q2K-MX4P9")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Neon Owl", "enter")
        await settle(pilot)
        assert isinstance(app.screen, NewGameScreen)
        # the engine words it for the middle of a sentence ('a seed code has …'): under the
        # field it reads as a sentence of its own, as the name's errors do
        assert str(app.screen.query_one("#seed-error").render()) == (
            "A seed code has 8 letters or digits (like 7Q2K-MX4P), not 9")
        assert app.screen.query_one("#seed", Input).has_focus
        assert service.list_games() == []


async def test_an_empty_label_name_is_refused_next_to_the_field(make_service):
    service = _signed_in(make_service)
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "enter")
        await settle(pilot)
        assert isinstance(app.screen, NewGameScreen)
        assert str(app.screen.query_one("#label-name-error").render()) != ""
        assert service.list_games() == []
        await pilot.press("escape")
        assert isinstance(app.screen, MenuScreen)


async def test_advance_saves_and_continue_resumes_the_game(make_service):
    app = _app_with_a_game(make_service)
    async with app.run_test(size=SIZE) as pilot:
        await _continue(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("A", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, LeaveModal)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        assert app.session is None
        assert [g.month for g in app.service.list_games()] == [2]
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.session.state.month == 2


async def test_load_a_game_from_the_list_with_arrows_and_enter(make_service):
    service = _signed_in(make_service)
    older = service.new_game("First Label", seed_code="0000-0001")
    service.new_game("Second Label", seed_code="0000-0002")
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        assert app.screen.query_one("#games", DataTable).has_focus
        assert [n.message for n in app._notifications][-1] == (
            "Pick a game with the arrows and press Enter.")
        rows = [g.label_name for g in service.list_games()]
        await pilot.press(*["down"] * rows.index("First Label"), "enter")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert app.session.game_id == older.game_id
        # the menu's hint stayed over the game it had opened; the game opens without it
        assert list(app._notifications) == []


async def test_delete_asks_first(make_service):
    service = _signed_in(make_service)
    service.new_game("Doomed Label", seed_code="0000-0003")
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l", "x")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("escape")
        assert len(service.list_games()) == 1
        await pilot.press("x", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        assert service.list_games() == []


async def test_quit_from_a_game_asks_and_q_again_quits(make_service):
    service = _signed_in(make_service)
    service.new_game("Neon Owl Records")
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, LeaveModal)
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("q", "q")
        await settle(pilot)
    assert app.return_code == 0


async def test_the_list_tells_a_bankrupt_label_from_a_finished_one(make_service):
    service = _signed_in(make_service)
    last = {}
    for name, difficulty in (("Sunk", "hard"), ("Done", "normal")):
        session = service.new_game(name, difficulty=difficulty, seed_code="0000-0008")
        while not session.state.campaign_complete:
            session.advance()
        last[name] = session.state.results.month
    service.new_game("Fresh", seed_code="0000-0008")
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#games", DataTable)
        status = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[4])
                  for i in range(table.row_count)}
        assert status == {"Fresh": "normal", "Done": "normal, finished",
                          "Sunk": "hard, bankrupt"}
        # the month being played, or the last one played: not the 13th of a 12-month year
        month = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[1])
                 for i in range(table.row_count)}
        assert last["Done"] == 12 and last["Sunk"] < 12
        assert month == {"Fresh": "1", "Done": "12", "Sunk": str(last["Sunk"])}


def test_seed_code_round_trip_used_above():
    assert parse_seed_code("0000-0007") == 7


async def test_delete_names_the_month_the_list_shows(make_service):
    """A finished campaign is listed at its last month played (12), and the question to
    delete it named the next one (month 13 of a twelve-month campaign)."""
    service = _signed_in(make_service)
    session = service.new_game("Done", seed_code="0000-0008")
    while not session.state.campaign_complete:
        session.advance()
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        assert str(app.screen.query_one("#games", DataTable).get_row_at(0)[1]) == "12"
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmModal)
        question = str(app.screen.query_one(".dialog-text").render())
        assert "“Done” (month 12)" in question


async def test_the_difficulty_list_starts_highlighted_on_the_chosen_one(make_service):
    """Tabbing into the difficulty list highlighted Easy while Normal was chosen, so down
    and enter, meant for Hard, chose Normal again."""
    service = _signed_in(make_service)
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Hard Label", "tab")
        difficulty = app.screen.query_one("#difficulty", RadioSet)
        assert difficulty.has_focus
        assert difficulty.query(RadioButton)[difficulty.pressed_index].has_class("-selected")
        await pilot.press("down", "enter")
        assert difficulty.pressed_button.name == "hard"
        await pilot.press("shift+tab", "enter")
        await settle(pilot)
        assert app.session.state.difficulty == "hard"


async def test_leaving_a_game_says_whether_a_plan_would_be_lost(make_service):
    """It always said 'The plan for this month is not [saved].', with nothing planned too."""
    app = _app_with_a_game(make_service)
    async with app.run_test(size=SIZE) as pilot:
        await _continue(pilot)

        async def leave_text() -> str:
            await pilot.press("q")
            assert isinstance(app.screen, LeaveModal)
            text = str(app.screen.query_one(".dialog-text").render())
            await pilot.press("escape")
            return text

        assert await leave_text() == "Every resolved month is saved: nothing is lost."
        app.session.add(SignArtist("dario_fenn"))
        app.session.add(TakeMeeting("producer", "studio_time", "add_two_days"))
        assert await leave_text() == ("Every resolved month is saved; this month's plan "
                                      "(2 actions) is not.")


async def test_ctrl_q_in_a_game_asks_first_as_q_does(make_service):
    """ctrl+q, Textual's quit key (help and the keys panel list it), left the game at once,
    dropping the month's plan unasked."""
    app = _app_with_a_game(make_service)
    async with app.run_test(size=SIZE) as pilot:
        await _continue(pilot)
        app.session.add(SignArtist("dario_fenn"))
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, LeaveModal)
        assert app.return_code is None
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)
        assert app.session.plan == (SignArtist("dario_fenn"),)
        await pilot.press("ctrl+q", "ctrl+q")
        await settle(pilot)
    assert app.return_code == 0


async def test_the_keys_panel_says_ctrl_q_asks_first(make_service):
    """Textual's Keys panel described ctrl+q as 'Quit the app and return to the command
    prompt', at once, though in a game it asks first."""
    app = _app_with_a_game(make_service)
    async with app.run_test(size=SIZE) as pilot:
        await _continue(pilot)
        binding = app.active_bindings["ctrl+q"].binding
        assert (binding.action, binding.tooltip) == ("quit", "Quit (asks first during a game)")


async def test_ctrl_q_outside_a_game_quits_at_once(make_service):
    app = make_app(_signed_in(make_service))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert app.return_code == 0


async def test_a_long_label_name_leaves_the_status_in_view_at_100_columns(make_service):
    """'[b]Neon[/b] Owl 🦉 Records' pushed the list's last column, the status ('normal,
    career'), out of a 100-column terminal; the time it was last played goes instead."""
    service = _signed_in(make_service)
    session = service.new_game("[b]Neon[/b] Owl 🦉 Records", seed_code="0000-0008")
    while not session.state.campaign_complete:
        session.advance()
    session.start_career()
    app = make_app(service)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#games", DataTable)
        shown = "\n".join(line.text for line in table.render_lines(table.region.reset_offset))
        assert "normal, career" in shown
