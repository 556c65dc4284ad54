"""Help (?) and the command palette: every global action by key and by name."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from labelmgr.content import load_content
from labelmgr.engine import TalkToArtist
from labelmgr.tui.app import LabelApp
from labelmgr.tui.commands import COMMANDS, GameCommands
from labelmgr.tui.factory import make_app
from labelmgr.tui.screens.dashboard import DashboardScreen
from labelmgr.tui.screens.help import ABOUT, HelpScreen
from labelmgr.tui.screens.modals.advance import AdvanceModal
from labelmgr.tui.screens.modals.choice import ChoiceModal
from labelmgr.tui.screens.modals.confirm import LeaveModal
from labelmgr.tui.screens.planner import PlannerScreen
from labelmgr.tui.widgets.footer import GameFooter
from tests.tui.conftest import SIZE, settle


def test_every_global_binding_has_a_stable_id():
    ids = [b.id for b in LabelApp.BINDINGS]
    assert all(i and i.startswith("app.") for i in ids)
    assert len(set(ids)) == len(ids)
    keys = {b.key for b in LabelApp.BINDINGS}
    assert {"d", "r", "p", "m", "n", "s", "A", "question_mark", "escape", "q"} <= keys


def test_help_names_every_archetype_the_content_has():
    """The help's word on artists covers each archetype (a new one must be described)."""
    archetypes = load_content().balance.artists.archetypes.values()
    for archetype in archetypes:
        assert archetype.name.lower().removesuffix("y") in ABOUT, archetype.name


def test_every_palette_command_runs_an_app_action():
    for _title, _help, action in COMMANDS:
        name = action.partition("(")[0]
        assert callable(getattr(LabelApp, f"action_{name}")), action


async def test_help_opens_over_the_planner_and_keys_still_navigate(make_session):
    app = make_app(session=make_session())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        assert "Advance" in text and "Remove" in text
        # every key's description starts in one column, the palette's ctrl+p included
        rows = [line for line in text.splitlines() if line.startswith("  ")]
        assert {line.index(line.split()[1], len(line.split()[0]) + 2) for line in rows} == {12}
        assert "  ctrl+p    Command palette — every action by name" in rows
        await pilot.press("escape")
        assert isinstance(app.screen, PlannerScreen)
        await pilot.press("question_mark", "d")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert len(app.screen_stack) == 1


async def test_palette_offers_only_what_can_run_here(make_session):
    app = make_app(session=make_session(seed=7))
    async with app.run_test(size=SIZE):
        provider = GameCommands(app.screen)
        titles = {t for t, _h, _a in provider._available()}
        assert "game: advance month" in titles
        assert "go: plan the month" in titles
        assert "go: dashboard" not in titles  # already there
        assert "game: answer the event" not in titles  # no event pending
        assert "game: campaign results" not in titles
        assert "game: main menu" not in titles  # no profile in this run


async def _run_from_palette(pilot, name: str) -> None:
    """Open the command palette, type ``name`` and run the first command found."""
    await pilot.press("ctrl+p")
    await pilot.press(*name)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_palette_command_runs_the_same_action_as_its_key(make_session):
    app = make_app(session=make_session(seed=7))
    async with app.run_test(size=SIZE) as pilot:
        await _run_from_palette(pilot, "advance month")
        assert isinstance(app.screen, AdvanceModal)


async def test_a_conversation_goes_into_the_plan(make_session):
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        actions = app.screen.query_one("#action-list")
        actions.highlighted = actions.get_option_index("talk:mira_vale")
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceModal)
        assert "Mira Vale" in app.screen.prompt.text
        await pilot.press("2")
        await settle(pilot)
        assert session.plan == (TalkToArtist("mira_vale", "vis_vow_of_silence",
                                             "written_answers"),)


async def test_small_terminal_keeps_every_panel_reachable(make_session):
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=(80, 24)) as pilot:
        body = app.screen.query_one("#dash-body")
        assert body.max_scroll_y > 0  # the dashboard scrolls instead of cutting panels
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert body.scroll_y > 0
        assert app.screen.query_one("#effects-panel").region.height > 0


async def test_help_lists_the_game_keys_of_the_screen_below_not_textual_scrolling(
        make_session):
    app = make_app(session=make_session())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys").render())
        below = keys.split("Keys on the screen you came from")[1]
        assert "Remove — Take the highlighted action out" in below
        for noise in ("Scroll Up", "Focus Next", "Copy selected text", "Page Down"):
            assert noise not in keys
        assert str(app.screen.query_one(".screen-title").render()).startswith("Help · ")


async def test_palette_stops_offering_the_event_once_it_is_answered(make_session):
    """Once the answer is in the plan, "game: answer the event" led to a second answer the
    plan refused ("The event can only be answered once"); the planner says x changes it."""
    session = make_session(seed=7)
    for _ in range(3):
        session.advance()
    assert session.state.pending_event is not None
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        def titles() -> set[str]:
            return {t for t, _h, _a in GameCommands(app.screen)._available()}

        assert "game: answer the event" in titles()
        app.action_answer_event()
        await pilot.pause()
        await pilot.press("1")
        await settle(pilot)
        assert len(session.plan) == 1
        assert "game: answer the event" not in titles()
        session.remove(0)
        assert "game: answer the event" in titles()


async def test_the_palette_has_one_quit_and_it_asks_during_a_game(make_session):
    """Textual's own "Quit" (exit at once, the month's plan lost unasked) stood in the
    palette next to the game's "app: quit"; only the game's is offered."""
    app = make_app(session=make_session())
    async with app.run_test(size=SIZE) as pilot:
        system = [c.title for c in app.get_system_commands(app.screen)]
        assert "Quit" not in system and "Keys" in system
        await _run_from_palette(pilot, "quit")
        assert isinstance(app.screen, LeaveModal)


async def test_advancing_from_help_closes_it(make_session):
    """A from help over the planner resolved the month and went on to the dashboard, but
    help stayed on the planner's screen: the next m opened help, stale, instead of the plan."""
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "question_mark", "A")
        assert isinstance(app.screen, AdvanceModal)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert session.state.month == 2
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, PlannerScreen)


async def test_help_from_the_menu_lists_the_game_keys_apart(make_service):
    """Help over the main menu listed m, A, d, r, p, n and s under "Keys everywhere", where
    they do nothing (and n starts a new game there); they are listed as keys of a game."""
    service = make_service()
    service.register("ana", "secret-pass-1")
    app = make_app(service)
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-keys").render())
        everywhere, _, rest = text.partition("Keys during a game")
        game, _, here = rest.partition("Keys on the screen you came from")
        assert "Dashboard" not in everywhere and "Advance" not in everywhere
        assert "Help" in everywhere and "Quit" in everywhere
        assert "d         Dashboard" in game and "A         Advance" in game
        assert "n         New game" in here
    session_app = make_app(session=service.new_game("Neon Owl"))
    async with session_app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        text = str(session_app.screen.query_one("#help-keys").render())
        assert "Keys during a game" not in text
        assert "d         Dashboard" in text.partition("Keys on the screen")[0]


async def test_the_footer_under_a_dialog_offers_no_key_the_dialog_ignores(make_session):
    """Under a meeting's dialog the footer said '? Help  q Quit', under the menu's and the
    saves' confirmations their screen's keys too ('n New game', 'x Delete'); a dialog takes
    none of them (it lists its own keys), so they did nothing."""
    session = make_session(seed=7)
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")

        def footer_keys() -> list[str]:
            footer = app.screen_stack[0].query_one(GameFooter)
            return [k.description for k in footer.query(FooterKey)
                    if not k.has_class("-command-palette")]

        assert {"Help", "Quit"} <= set(footer_keys())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceModal)
        await pilot.press("question_mark", "q")
        assert isinstance(app.screen, ChoiceModal)  # neither key does anything here...
        assert footer_keys() == []  # ...and the footer no longer offers them
        await pilot.press("escape")
        await settle(pilot)
        assert {"Help", "Quit"} <= set(footer_keys())
