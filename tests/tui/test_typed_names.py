"""Names the player types (label, project title, save name) read on screen exactly as typed.

Textual reads a plain string as markup in many places (table cells, option prompts, toggle
labels, notifications, ``Static.update``). A name like ``[b]Bold[/b]`` must not turn bold,
and one with a stray ``[/]`` must not stop the game with a markup error.
"""

from __future__ import annotations

import html
from pathlib import Path

from textual.widgets import DataTable, Input, Select

from labelmgr.content import Content
from labelmgr.engine import StartProject, seed_code
from labelmgr.service import GameService, open_service
from labelmgr.tui.factory import make_app
from labelmgr.tui.screens.menu import MenuScreen
from labelmgr.tui.screens.modals.confirm import ConfirmModal
from labelmgr.tui.screens.modals.marketing import MarketingModal
from tests.tui.conftest import SIZE, settle

LABEL = "[b]Bold[/b] [/] Tapes"
TITLE = "[red]Hit[/red] [link=x]"
SLOT = "[i]mine[/i] [/]"


def _service(tmp_path: Path, content: Content) -> GameService:
    service = open_service(tmp_path / "names.db", content=content, config_dir=tmp_path,
                           clock=lambda: 1_767_225_600.0, scrypt_n=2**4)
    service.register("ana", "correct horse battery")
    return service


def _screen_text(app) -> str:
    """The characters on screen (from Textual's own screenshot, its text spans joined)."""
    spans = app.export_screenshot().split("<text")[1:]
    text = "".join(span.split(">", 1)[1].split("</text>", 1)[0] for span in spans)
    return html.unescape(text).replace("\xa0", " ")


async def test_typed_names_show_as_typed_on_every_screen(tmp_path: Path, content: Content):
    service = _service(tmp_path, content)
    session = service.new_game(LABEL, seed_code=seed_code(7))
    session.add(StartProject("ep", "mira_vale", TITLE, song_count=4, producer_tier="local",
                             time_investment="standard"))
    session.advance()
    service.save_slot(session.game_id, SLOT)
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert LABEL in _screen_text(app)  # the games list and "Continue …"
        assert f"Continue “{LABEL[:15]}" in _screen_text(app)  # cut at the menu's width
        await pilot.press("c")
        await settle(pilot)
        for key, needles in (("d", [LABEL, TITLE]), ("p", [TITLE]), ("n", [LABEL, TITLE]),
                             ("s", [LABEL, SLOT])):
            await pilot.press(key)
            await settle(pilot)
            shown = _screen_text(app)
            for needle in needles:
                assert needle in shown, (key, needle)
        table = app.screen.query_one("#slots-table", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        table.move_cursor(row=names.index(SLOT))
        await pilot.press("x")  # delete, which asks first
        assert isinstance(app.screen, ConfirmModal)
        assert f"Delete “{SLOT}” (month 2)?" in _screen_text(app)
        await pilot.press("escape")
        await pilot.press("m")
        await settle(pilot)
        app.push_screen(MarketingModal(app.session))
        await settle(pilot)
        assert f"“{TITLE}”" in _screen_text(app)


async def test_deleting_a_game_with_such_a_name_says_so_as_typed(tmp_path: Path,
                                                                  content: Content):
    service = _service(tmp_path, content)
    service.new_game(LABEL, seed_code=seed_code(3))
    app = make_app(service)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l", "x")
        assert isinstance(app.screen, ConfirmModal)
        assert f"Delete “{LABEL}” (month 1)" in _screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MenuScreen)
        assert service.list_games() == []
        assert [n.message for n in app._notifications][-1] == f"Deleted “{LABEL}”."


async def test_a_refusal_quoting_the_title_shows_it_as_typed(make_session):
    """The engine's "… costs $…" quotes the title; with a stray ``[/]`` in it the form used
    to stop the game with a markup error instead of showing the refusal."""
    session = make_session()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "c")
        app.screen.query_one("#pf-kind", Select).value = "ep"
        await pilot.pause()
        app.screen.query_one("#pf-title", Input).value = "Big [/] Sound"
        app.screen.query_one("#pf-budget", Input).value = "25000"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "“Big [/] Sound” costs $" in _screen_text(app)
        assert session.plan == ()


async def test_a_lone_bracket_shows_as_typed_and_keeps_the_markup_after_it(make_session,
                                                                          content):
    """Textual's escape leaves a "[" that starts no tag alone, and its markup then read on
    from it: a label "Neon [ Owl" showed "Neon [ Owl[/b] · Dashboard · …" in every screen's
    title, and help's row for the catalogue's "[" key read "[        [/b] Previous page"."""
    from labelmgr.engine import new_game
    from labelmgr.service import GameSession

    session = GameSession(new_game(content, seed=7, label_name="Neon [ Owl"), content)
    session.add(StartProject("single", "mira_vale", "Side [A", producer_tier="local",
                             time_investment="standard"))
    app = make_app(session=session)
    async with app.run_test(size=(120, 40)) as pilot:
        assert "Neon [ Owl · Dashboard · Month 1" in _screen_text(app)
        assert "[/b]" not in _screen_text(app)
        await pilot.press("p")
        await settle(pilot)
        assert "Side [A" in _screen_text(app) and "[/" not in _screen_text(app)
        await pilot.press("k", "question_mark")
        await settle(pilot)
        rows = str(app.screen.query_one("#help-keys").render()).splitlines()
        assert "  [         Previous page" in rows
        assert "  ]         Next page" in rows
        assert not any("[/b]" in row for row in rows)
