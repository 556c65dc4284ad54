"""Roster screen: browse the signed artists, sort, sign from the discovery pool by keys."""

from __future__ import annotations

from labelmgr.engine import SignArtist
from labelmgr.tui.factory import make_app
from labelmgr.tui.widgets.sortable_table import SortableTable
from tests.tui.conftest import SIZE, settle


def _discover_order(app) -> list[str]:
    table = app.screen.query_one("#discover-table", SortableTable)
    return [str(k.value) for k in table.rows]


async def test_sign_an_artist_with_keys_puts_the_signing_in_the_plan(make_session):
    session = make_session()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.press("tab")  # to the discovery list (sorted by talent, highest first)
        assert _discover_order(app)[0] == "sable_orchard"
        await pilot.press("down", "enter")  # Kit Marrow
        assert session.plan == (SignArtist("kit_marrow"),)
        assert session.options().money_after_plan == 75_000 - 11_000
        # the title says what that figure is (the planner's "after the month" also has fees)
        title = str(app.screen.title_bar.render())
        assert title.endswith("$75,000 ($64,000 after planned spending)")
        # the places count the planned signing too
        assert title.startswith("Roster · 1 of 2 places (+1 planned) · month 1")
        # g again on the same artist takes the signing back out
        await pilot.press("g")
        assert session.plan == ()
        # with nothing planned, the money is said once: not '$75,000 ($75,000 after …)'
        assert str(app.screen.title_bar.render()) == "Roster · 1 of 2 places · month 1 · $75,000"


async def test_refused_signing_is_explained_and_changes_nothing(make_session):
    session = make_session()
    session.add(SignArtist("kit_marrow"))  # fills the second and last roster place
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.press("tab", "enter")  # Sable Orchard: the roster is full
        await pilot.pause()
        assert session.plan == (SignArtist("kit_marrow"),)
        messages = [n.message for n in app._notifications]
        assert messages[-1] == ("The roster is full (2 places); more places come with "
                                "reputation.")
        detail = str(app.screen.query_one("#artist-detail").render())
        assert ("Cannot sign: The roster is full (2 places); more places come with "
                "reputation.\n") in detail  # a sentence, as the toast above


async def test_sort_keys_and_header_clicks_reorder_the_discovery_pool(make_session):
    app = make_app(session=make_session())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.press("tab")
        await pilot.press("o")  # talent -> popularity, highest first
        assert _discover_order(app)[:3] == ["kairo_blu", "vexa", "tally_neon"]
        await pilot.press("O")  # reversed: least popular first
        assert _discover_order(app)[0] == "ezra_lumen"
        table = app.screen.query_one("#discover-table", SortableTable)
        await pilot.click(table, offset=(2, 0))  # the Artist header: by name, A to Z
        assert _discover_order(app)[:2] == ["dario_fenn", "ezra_lumen"]
        assert table.sort_column == "name"


async def test_detail_pane_follows_the_highlighted_artist(make_session):
    app = make_app(session=make_session())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        detail = app.screen.query_one("#artist-detail")
        text = str(detail.render())
        assert "Mira Vale" in text
        assert "+4 song quality · mood changes ×1.5" in text  # visionaries
        await pilot.press("tab", "down")
        text = str(detail.render())
        assert "Kit Marrow" in text and "$11,000" in text and "$1,400 a month" in text
        assert "+4 song quality · mood changes ×1.5" in text  # a visionary too


async def test_advancing_with_a_signing_highlighted_shows_the_new_artist(make_session):
    """The highlighted discovery row can be the artist the month just signed: the month
    resolves without a crash (the detail used to ask whether they could be signed again),
    and the rebuilt pool shows its top artist and why the roster is closed."""
    session = make_session()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "tab", "down", "enter")  # Kit Marrow, planned
        assert session.plan == (SignArtist("kit_marrow"),)
        await pilot.press("A", "enter")
        await settle(pilot)
        assert session.state.artist("kit_marrow") is not None
        await pilot.press("enter", "r")  # past the report, back to the roster
        await settle(pilot)
        detail = str(app.screen.query_one("#artist-detail").render())
        # the pool's lists are rebuilt: the top of the pool, and why the roster is closed
        assert detail.startswith("Sable Orchard")
        assert "Cannot sign: The roster is full (2 places)" in detail
        assert str(app.screen.title_bar.render()).startswith("Roster · 2 of 2 places · month 2")


def _can_sign(app) -> dict[str, str]:
    """The discovery list's "Can sign" column, by artist id."""
    table = app.screen.query_one("#discover-table", SortableTable)
    return {str(k.value): str(table.get_row(k)[-1]) for k in table.rows}


async def test_can_sign_column_says_why_not_in_short(make_session):
    from dataclasses import replace

    from labelmgr.engine import TakeMeeting

    session = make_session(seed=1)  # Mira Vale signed: one of two places free
    session.state = replace(session.state, money=10_000)
    session.add(TakeMeeting("booking", "van_trouble", "buy_a_van"))  # needs $5,000 on hand
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r", "tab")
        assert _can_sign(app) == {
            "sable_orchard": "no: $ short", "tally_neon": "no: $ short",
            "kit_marrow": "no: $ short", "vexa": "no: $ short", "kairo_blu": "no: $ short",
            # affordable, but the van would then be out of reach
            "ezra_lumen": "no: breaks plan", "tomas_reyne": "no: breaks plan",
            "lowlight_union": "no: breaks plan", "juno_sparks": "no: breaks plan",
            "hattie_crane": "yes", "dario_fenn": "yes"}
        await pilot.press("end", "enter")  # the cheapest signs: the roster is full then
        assert session.plan[-1] == SignArtist("dario_fenn")
        column = _can_sign(app)
        assert column.pop("dario_fenn") == "planned"
        assert set(column.values()) == {"no: roster full"}
        # a refusal still explains itself in full, and changes nothing
        await pilot.press("home", "enter")
        assert app._notifications and [n.title for n in app._notifications][-1] == "Cannot sign"
        assert session.plan[-1] == SignArtist("dario_fenn") and len(session.plan) == 2
        session.clear_plan()
        session.state = replace(session.state, money=-500)
        app.screen.refresh_view()
        await pilot.pause()
        assert set(_can_sign(app).values()) == {"no: money < 0"}


async def test_a_finished_campaigns_roster_lists_the_artists_and_no_one_to_sign(make_session):
    from textual.widgets import Label

    from tests.service.test_career import idle

    session = make_session(seed=8)
    idle(session, 12)
    assert session.state.finished
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "r")  # past the results (this raised before)
        assert app.current_mode == "roster"
        assert str(app.screen.title_bar.render()) == (
            f"Roster · {len(session.state.artists)} of {session.state.roster_places} places "
            "· campaign over · $5,086")
        assert str(app.screen.query_one("#discover-label", Label).render()) == (
            "Discover: The campaign is over: start the label's career to keep playing")
        assert _can_sign(app) == {}
        await pilot.press("tab", "g", "enter")
        assert session.plan == () and not app._notifications
        assert "No signing: the campaign is over." in str(
            app.screen.query_one("#artist-detail").render())
