"""Saves screen: save under a name (refusal in place), load with confirmation, delete."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static

from labelmgr.content import Content
from labelmgr.engine import SignArtist, seed_code
from labelmgr.service import GameService, GameSession, open_service
from labelmgr.tui.factory import make_app
from labelmgr.tui.screens.saves import slot_time
from tests.tui.conftest import SIZE

NOW = 1_767_225_600.0
"""2026-01-01 00:00 UTC: the service's frozen clock."""


def _game(tmp_path: Path, content: Content) -> tuple[GameService, GameSession]:
    """A signed-in service and a new stored game in it (seed 7, month 1)."""
    service = open_service(tmp_path / "saves.db", content=content, config_dir=tmp_path,
                           clock=lambda: NOW, scrypt_n=2**4)
    service.register("ana", "correct horse battery")
    return service, service.new_game("Neon Owl Records", seed_code=seed_code(7))


def _names(app) -> list[str]:
    table = app.screen.query_one("#slots-table", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def _type(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])


async def test_save_a_slot_by_name_and_refuse_an_empty_one(tmp_path: Path, content: Content):
    service, session = _game(tmp_path, content)
    session.advance()
    app = make_app(service, session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert _names(app) == [s.name for s in service.list_slots(session.game_id)]
        await pilot.press("c", "space", "enter")
        error = str(app.screen.query_one("#save-error", Static).render())
        assert error == "A save name has 1 to 40 printable characters"
        before = service.list_slots(session.game_id)
        await _type(pilot, "Before the tour")
        await pilot.press("enter")
        slots = service.list_slots(session.game_id)
        assert len(slots) == len(before) + 1
        manual = [s for s in slots if s.kind == "manual"]
        assert [(s.name, s.month) for s in manual] == [("Before the tour", 2)]
        assert _names(app)[0] == "Before the tour"
        assert str(app.screen.query_one("#save-error", Static).render()) == ""


async def test_load_asks_first_then_goes_back_to_the_slot(tmp_path: Path, content: Content):
    service, session = _game(tmp_path, content)
    session.advance()
    slot = service.save_slot(session.game_id, "Month two")
    session.advance()
    session.advance()
    session.add(SignArtist("dario_fenn"))
    app = make_app(service, session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert _names(app)[0] == "Month two"
        await pilot.press("enter")  # the confirmation: escape keeps playing
        assert str(app.screen.query_one(".dialog-text").render()) == (
            "Load “Month two” (month 2)? The game continues from that save's month 2; this "
            "month's plan is dropped.")
        await pilot.press("escape")
        assert app.session is session and app.session.state.month == 4
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert app.session is not session
        assert app.session.state.month == slot.month == 2
        assert app.session.game_id == session.game_id


async def test_delete_asks_first_and_removes_the_slot(tmp_path: Path, content: Content):
    service, session = _game(tmp_path, content)
    service.save_slot(session.game_id, "Keep me")
    service.save_slot(session.game_id, "Drop me")
    app = make_app(service, session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        autosaves = [s.name for s in service.list_slots(session.game_id) if s.kind == "auto"]
        assert _names(app) == ["Drop me", "Keep me", *autosaves]
        await pilot.press("x", "escape")
        assert len(service.list_slots(session.game_id)) == 2 + len(autosaves)
        await pilot.press("x", "enter")
        await pilot.pause()
        names = [s.name for s in service.list_slots(session.game_id)]
        assert names == ["Keep me", *autosaves]
        assert _names(app) == names


async def test_without_a_stored_game_the_screen_explains(make_session):
    app = make_app(None, session=make_session())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.press("c", "a", "enter")
        assert str(app.screen.query_one("#save-error", Static).render()) == (
            "This game is not stored, so it cannot be saved.")


async def test_end_and_home_move_to_the_last_and_first_save(tmp_path: Path, content: Content):
    service, session = _game(tmp_path, content)
    service.save_slot(session.game_id, "First")
    service.save_slot(session.game_id, "Second")
    app = make_app(service, session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        names = _names(app)
        assert len(names) >= 3
        await pilot.press("end", "x")  # End is the last row, not a sideways scroll
        modal = app.screen
        assert names[-1] == "Autosave, month 1"  # an autosave is named by where it stood
        assert str(modal.query_one(".dialog-text").render()) == (
            "Delete the autosave (month 1)? This cannot be undone.")
        await pilot.press("escape", "home", "enter")
        question = str(app.screen.query_one(".dialog-text").render())
        assert question.startswith(f"Load \u201c{names[0]}\u201d (month 1)? The game continues "
                                   "from that save's month 1")


async def test_news_after_an_older_then_a_newer_autosave(tmp_path: Path, content: Content):
    from tests.service.play import play

    service, session = _game(tmp_path, content)
    play(session, 5)
    played = [e.text for e in session.news()]
    assert {e.month for e in session.news()} == {1, 2, 3, 4, 5}
    app = make_app(service, session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert _names(app) == ["Autosave, month 6", "Autosave, month 5", "Autosave, month 4"]
        await pilot.press("end", "enter")
        assert str(app.screen.query_one(".dialog-text").render()) == (
            "Load the autosave (month 4)? The game continues from that save's month 4.")
        await pilot.press("enter")  # back to month 4...
        await pilot.pause()
        assert app.session.state.month == 4
        assert [n.message for n in app._notifications][-1] == "Loaded the autosave (month 4)."
        await pilot.press("s", "home", "enter", "enter")  # ...and forward to month 6 again
        await pilot.pause()
        assert app.session.state.month == 6
        await pilot.press("n")
        feed = app.screen.query_one("#news-feed")
        lines = [str(feed.get_option_at_index(i).prompt) for i in range(feed.option_count)]
        assert len(lines) == len(played) and lines[0].startswith("M5")
        assert all(text in line for text, line in zip(played, lines, strict=True))


async def test_the_title_says_which_month_is_played_or_that_the_campaign_is_over(
        tmp_path: Path, content: Content):
    service, session = _game(tmp_path, content)
    session.advance()
    app = make_app(service, session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        title = str(app.screen.query_one("#saves-title", Static).render())
        assert title == "Saves · Neon Owl Records · playing month 2 · 2 slots"
    while not session.state.campaign_complete:
        session.advance()
    app = make_app(service, session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "s")  # past the results
        title = str(app.screen.query_one("#saves-title", Static).render())
        assert title.startswith("Saves · Neon Owl Records · campaign over · ")
        assert _names(app)[:2] == ["Autosave, campaign over", "Autosave, month 12"]
    session.start_career()
    app = make_app(service, session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # in the career: its month, as the slots' Month column says it
        title = str(app.screen.query_one("#saves-title", Static).render())
        assert title.startswith("Saves · Neon Owl Records · playing month 13, career · ")


def _stages(app) -> dict[str, str]:
    """Each row's name and what its Month column says."""
    table = app.screen.query_one("#slots-table", DataTable)
    return {str(row[0]): str(row[2]) for row in map(table.get_row_at, range(table.row_count))}


async def test_a_finished_campaigns_slots_say_so_not_the_month_after_the_last(
        tmp_path: Path, content: Content):
    from tests.service.test_career import IDLE_BANKRUPT_SEED, idle

    service = open_service(tmp_path / "saves.db", content=content, config_dir=tmp_path,
                           clock=lambda: NOW, scrypt_n=2**4)
    service.register("ana", "correct horse battery")
    session = service.new_game("Neon Owl Records", seed_code=IDLE_BANKRUPT_SEED)
    idle(session, 11)
    service.save_slot(session.game_id, "Last month")
    idle(session, 1)
    assert session.state.finished and session.state.month == 13
    app = make_app(service, session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "s")  # past the results
        assert _stages(app) == {"Last month": "month 12", "Autosave, campaign over": "campaign over",
                                "Autosave, month 12": "month 12", "Autosave, month 11": "month 11"}
        await pilot.press("c")
        await _type(pilot, "The end")
        await pilot.press("enter")
        assert [n.message for n in app._notifications] == ["Saved “The end” (campaign over)."]
        assert _stages(app)["The end"] == "campaign over"
        assert _names(app)[0] == "The end"
        await pilot.press("home", "x")
        assert str(app.screen.query_one(".dialog-text").render()) == (
            "Delete “The end” (campaign over)? This cannot be undone.")
        await pilot.press("escape", "enter")
        assert str(app.screen.query_one(".dialog-text").render()) == (
            "Load “The end” (campaign over)? The game goes back to the end of that save's "
            "campaign.")  # a finished game has no plan to drop
        await pilot.press("enter")
        await pilot.pause()
        assert app.session is not session and app.session.state.finished
        assert [n.message for n in app._notifications][-1] == "Loaded “The end” (campaign over)."
    session = service.open_game(session.game_id)
    session.start_career()
    idle(session, 2)
    service.save_slot(session.game_id, "Career")
    idle(session, 1)  # bankrupt in month 15: the career is over
    assert session.state.career_ended
    app = make_app(service, session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        dashboard = str(app.screen.query_one("#dash-title", Static).render())
        assert dashboard.startswith("Neon Owl Records · Dashboard · Career over · normal")
        await pilot.press("s")
        title = str(app.screen.query_one("#saves-title", Static).render())
        assert title == "Saves · Neon Owl Records · career over · 6 slots"
        stages = _stages(app)
        assert (stages["Career"], stages["Autosave, career over"],
                stages["Autosave, month 15, career"],
                stages["The end"]) == ("month 15, career", "career over", "month 15, career",
                                       "campaign over")
        assert _names(app)[0] == "Career"
        await pilot.press("enter")  # a career month to play again
        assert str(app.screen.query_one(".dialog-text").render()) == (
            "Load “Career” (month 15, career)? The game continues from that save's month 15.")


async def test_saving_under_a_taken_name_asks_before_saving_over_it(tmp_path: Path,
                                                                     content: Content):
    service, session = _game(tmp_path, content)
    service.save_slot(session.game_id, "Before the tour")
    session.advance()
    session.advance()
    app = make_app(service, session=session)

    def manual() -> list[tuple[str, int]]:
        return [(s.name, s.month) for s in service.list_slots(session.game_id)
                if s.kind == "manual"]

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "c")
        await _type(pilot, "Before  the tour")  # the same name once spaces are collapsed
        await pilot.press("enter")
        await pilot.pause()
        question = str(app.screen.query_one(".dialog-text").render())
        when = slot_time(service.list_slots(session.game_id)[0].created_at)
        assert question == (f"“Before the tour” already holds a save of month 1 ({when}). Save "
                            "this game (month 3) over it? The old save is lost.")
        await pilot.press("escape")  # cancel: the old save stays, the name stays typed
        await pilot.pause()
        assert manual() == [("Before the tour", 1)]
        assert app.screen.query_one("#save-name", Input).value == "Before  the tour"
        await pilot.press("enter", "enter")  # ask again, then save over it
        await pilot.pause()
        assert manual() == [("Before the tour", 3)]
        assert _names(app)[0] == "Before the tour"

