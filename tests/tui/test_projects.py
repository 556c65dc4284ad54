"""Projects screen: create a project by keys (live preview, inline validation, refusals)
and browse the song catalogue page by page."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import DataTable, Input, Select, Static

from labelmgr.engine import Project, SignArtist, SongTable, StartProject, TakeMeeting
from labelmgr.service import GameSession
from labelmgr.tui.factory import make_app
from labelmgr.tui.screens.report import ReportScreen
from labelmgr.tui.widgets.form_fields import time_choices
from labelmgr.tui.widgets.song_catalog import PAGE_SIZE, SongCatalog
from tests.tui.conftest import SIZE, settle


def _text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def _type(pilot, text: str) -> None:
    await pilot.press(*[{" ": "space"}.get(ch, ch) for ch in text])


async def test_create_a_single_by_keys_puts_it_in_the_plan(make_session):
    session = make_session()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.press("c", "tab", "tab")  # type, artist, then the title field
        assert app.focused is app.screen.query_one("#pf-title", Input)
        await _type(pilot, "Low Tide")
        preview = _text(app, "#pf-preview")
        assert "Cost         $3,000\n" in preview  # once: the cost is the price
        assert "66–85" in preview
        assert "$75,000 left in the plan, $72,000 with this project" in preview
        await pilot.press("enter")
        assert session.plan == (StartProject("single", "mira_vale", "Low Tide"),)
        assert app.screen.query_one("#projects-tabs").active == "tab-list"
        table = app.screen.query_one("#projects-table", DataTable)
        assert [str(k.value) for k in table.rows] == ["plan-0"]
        # the planned project can be taken out again with x
        await pilot.press("x")
        assert session.plan == ()


async def test_the_preview_gives_the_price_beside_a_cost_that_differs(make_session):
    """At the default budget the preview said "Cost $3,000 (price $3,000)": the amount
    twice. It says it once, and the price only beside a cost that differs from it."""
    session = make_session()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "c", "tab", "tab")
        await _type(pilot, "Low Tide")
        cost = next(line for line in _text(app, "#pf-preview").splitlines()
                    if line.startswith("Cost"))
        assert cost == "Cost         $3,000"
        await pilot.press("tab", "tab", "tab", "tab")  # songs, producer, time, budget
        await _type(pilot, "4500")
        cost = next(line for line in _text(app, "#pf-preview").splitlines()
                    if line.startswith("Cost"))
        assert cost == "Cost         $4,500 (price $3,000)"


async def test_inline_validation_names_the_field_and_adds_nothing(make_session):
    session = make_session()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.press("c", "tab", "tab")
        await _type(pilot, "Low Tide")
        await pilot.press("tab", "backspace")
        await _type(pilot, "9")  # a single has 1 to 3 songs
        assert _text(app, "#pf-songs-error") == "A Single has 1 to 3 songs, not 9"
        await pilot.press("backspace")  # an empty count is caught before the engine
        assert _text(app, "#pf-songs-error") == "Enter a number"
        assert _text(app, "#pf-preview") == "No preview until the fields marked in red are fixed."
        await _type(pilot, "2")
        assert _text(app, "#pf-songs-error") == ""
        await pilot.press("tab", "tab", "tab")  # producer, time, budget per song
        assert app.focused is app.screen.query_one("#pf-budget", Input)
        await _type(pilot, "100")
        await pilot.press("enter")
        assert _text(app, "#pf-budget-error") == ("The budget per song must be between "
                                                  "$1,620 and $13,500")
        assert session.plan == ()
        budget_row = app.screen.query_one("#pf-budget-row")
        assert budget_row.has_class("-invalid")


async def test_an_empty_title_shows_only_once_the_player_submits(make_session):
    session = make_session()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.press("c")
        assert _text(app, "#pf-title-error") == ""
        await pilot.press("ctrl+s")
        assert _text(app, "#pf-title-error") == "A project needs a title"
        assert session.plan == ()


async def test_refused_project_shows_the_engine_reason_in_place(make_session):
    session = make_session()
    options = session.options()
    for meeting in options.meetings[:3]:  # fill the three focus slots with free choices
        choice = next(c for c in meeting.choices
                      if c.gate is None and (c.choice.effects_immediate.money or 0) >= 0)
        session.add(TakeMeeting(meeting.role.id, meeting.meeting.id, choice.choice.id))
    planned = session.plan
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.press("c", "tab", "tab")
        await _type(pilot, "Low Tide")
        await pilot.press("enter")
        assert _text(app, "#pf-message") == (
            "All 3 focus slots are already planned: to start this project, take an action "
            "out of the plan (m, then x).")
        assert session.plan == planned


async def test_a_mini_tour_swaps_the_fields_and_previews_takings(make_session):
    session = make_session()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.press("c")
        app.screen.query_one("#pf-kind", Select).value = "mini_tour"
        await pilot.pause()
        assert not app.screen.query_one("#pf-songs-row").display
        assert app.screen.query_one("#pf-cities-row").display
        app.screen.query_one("#pf-title", Input).value = "Spring Run"
        app.screen.query_one("#pf-cities", Input).value = "3"
        await pilot.pause()
        preview = _text(app, "#pf-preview")
        expected = session.preview(StartProject("mini_tour", "mira_vale", "Spring Run",
                                                venue="clubs", cities=3))
        assert f"${expected.cost:,}" in preview
        assert f"${expected.revenue_low:,} to ${expected.revenue_high:,}" in preview
        await pilot.press("ctrl+s")
        assert session.plan == (StartProject("mini_tour", "mira_vale", "Spring Run",
                                             venue="clubs", cities=3),)


def _catalogue_session(session: GameSession, n: int) -> GameSession:
    ids = list(range(1, n + 1))
    columns = {
        "id": ids, "project_id": [1] * n, "quality": [(i * 37) % 100 for i in ids],
        "recorded_month": [1] * n, "release_month": [2] * n, "initial_streams": ids,
        "total_streams": [i * 10 for i in ids], "total_revenue": ids,
        "last_streams": ids, "last_revenue": [n - i for i in ids],
    }
    songs = SongTable.from_columns(columns, [f"Song {i}" for i in ids], ["mira_vale"] * n)
    session.state = replace(session.state, songs=songs)
    return session


async def test_the_catalogue_pages_and_sorts_without_loading_every_song(make_session):
    session = _catalogue_session(make_session(), 1234)
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.press("k")
        catalog = app.screen.query_one(SongCatalog)
        table = catalog.table
        assert table.row_count == PAGE_SIZE
        assert [str(k.value) for k in table.rows][:2] == ["1234", "1233"]  # top revenue
        assert "1,234 songs · page 1 of 25 · by total revenue" in _text(app, "#catalog-status")
        await pilot.press("right_square_bracket")
        assert catalog.page == 1
        assert str(next(iter(table.rows)).value) == str(1234 - PAGE_SIZE)
        for _ in range(30):  # past the last page stays on the last page
            await pilot.press("right_square_bracket")
        assert catalog.page == 24 and table.row_count == 1234 - 24 * PAGE_SIZE
        await pilot.press("o")  # revenue this month: the oldest ids earn most here
        assert catalog.order == "last_revenue" and catalog.page == 0
        assert str(next(iter(table.rows)).value) == "1"
        await pilot.press("left_square_bracket")  # already on the first page
        assert catalog.page == 0


async def test_an_empty_catalogue_says_why(make_session):
    app = make_app(session=make_session())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.press("k")
        assert _text(app, "#catalog-status").startswith("No song released yet")
        # 79 characters between the page buttons: it wraps rather than losing its end
        assert app.screen.query_one("#catalog-bar").size.height == 2


async def test_the_catalogues_status_wraps_at_80_columns_with_its_keys_whole(make_session):
    """At 80 columns the status line was cut to '… · by total revenue · [ ]', the keys it
    names lost; it takes a second line there, and one line from 100 columns."""
    app = make_app(session=_catalogue_session(make_session(), 30))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "k")
        bar = app.screen.query_one("#catalog-bar")  # the page buttons and the status
        assert _text(app, "#catalog-status").endswith("· [ ] pages · o sort")
        assert bar.size.height == 2
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert bar.size.height == 1


async def test_escape_leaves_the_form_for_the_projects_list(make_session):
    session = make_session()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.press("c", "tab", "tab", "L", "escape")
        assert app.screen.query_one("#projects-tabs").active == "tab-list"
        assert app.focused is app.screen.query_one("#projects-table")
        assert session.plan == ()


async def test_after_adding_a_project_the_form_moves_to_a_free_artist(make_session):
    session = make_session()
    session.add(SignArtist("ezra_lumen"))
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "c")
        artist = app.screen.query_one("#pf-artist", Select)
        assert artist.value == "mira_vale"
        await pilot.press("tab", "tab")
        await _type(pilot, "Low Tide")
        await pilot.press("enter")
        assert artist.value == "ezra_lumen"  # Mira Vale is busy with "Low Tide" now


async def test_advancing_from_projects_with_a_planned_project_shows_the_report(make_session):
    """The month empties the plan while the table still shows the planned row: its stale
    row message must not crash the app (it did, right after the first advance)."""
    session = make_session()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "c", "tab", "tab")
        await _type(pilot, "Low Tide")
        await pilot.press("enter")
        await pilot.pause()
        assert [a.title for a in session.plan] == ["Low Tide"]
        await pilot.press("A", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        assert session.state.month == 2
        assert [p.title for p in session.state.projects] == ["Low Tide"]
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("p")
        await pilot.pause()
        table = app.screen.query_one("#projects-table", DataTable)
        assert [str(k.value) for k in table.rows] == [str(session.state.projects[0].id)]
        assert "x" not in {b.key for b in app.screen.active_bindings.values()
                           if b.enabled and b.binding.action == "remove_planned"}


async def test_the_form_says_what_is_missing_and_starts_clean_after_adding(make_session):
    session = make_session()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "c")
        preview = _text(app, "#pf-preview")
        assert "Money        $75,000 left in the plan\n" in preview
        assert preview.endswith("To add it    A project needs a title")
        assert time_choices(session)[:2] == [("Rushed · cost ×0.7 · quality −10", "rushed"),
                                             ("Standard · cost ×1 · quality ±0", "standard")]
        await pilot.press("tab", "tab")
        await _type(pilot, "Low Tide")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert _text(app, "#pf-title-error") == ""  # not touched yet in this new form



async def test_the_artist_list_empty_entry_asks_for_a_choice_once_someone_is_signed(
        make_session):
    """With an artist on the roster, the list's empty entry reads "choose an artist" and
    choosing it says so (not "sign an artist first"); an empty roster keeps that advice."""
    session = make_session()
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "c")
        artist = app.screen.query_one("#pf-artist", Select)
        assert artist.prompt == "choose an artist"
        artist.clear()
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _text(app, "#pf-artist-error") == "Choose an artist"
        assert session.plan == ()

    empty = GameSession(replace(session.state, artists=()), session.content)
    app = make_app(session=empty)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "c")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#pf-artist", Select).prompt == "no artist signed"
        assert _text(app, "#pf-artist-error") == "Sign an artist first (Roster, r)"


async def test_a_finished_campaigns_projects_open_without_a_new_project_form(make_session):
    from textual.widgets import Static, TabbedContent

    from tests.service.test_career import idle

    session = make_session(seed=8)
    idle(session, 12)
    assert session.state.finished
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "p")  # past the results (this raised before)
        assert app.current_mode == "projects"
        title = str(app.screen.query_one("#projects-title", Static).render())
        assert title == ("Projects · The campaign is over: start the label's career to keep "
                         "playing (v: the results, then c).")
        tabs = app.screen.query_one("#projects-tabs", TabbedContent)
        await pilot.press("c")
        assert tabs.active == "tab-list" and session.plan == ()
        assert [(n.title, n.message) for n in app._notifications] == [
            ("No new project", "The campaign is over: start the label's career to keep playing "
                               "(v: the results, then c).")]
        await pilot.press("k")
        assert tabs.active == "tab-catalogue"
        session.start_career()  # the career goes on: the form opens again
        app.screen.refresh_view()
        await pilot.press("c")
        assert tabs.active == "tab-new"
        assert str(app.screen.query_one("#projects-title", Static).render()).startswith(
            "Projects · month 13 · ")


async def test_a_kept_budget_that_no_longer_fits_is_marked_at_once(make_session):
    """The form keeps the budget per song after a project goes into the plan; when the next
    type does not allow it, the field is marked, as the preview's "fields marked in red" says
    (it was not: the field counted as untouched, so nothing showed what to fix)."""
    session = make_session()
    session.add(SignArtist("ezra_lumen"))
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "c", "tab", "tab")
        await _type(pilot, "Low Tide")
        await pilot.press("tab", "tab", "tab", "tab")
        assert app.focused is app.screen.query_one("#pf-budget", Input)
        await _type(pilot, "2000")
        await pilot.press("enter")
        assert len(session.plan) == 2
        await pilot.press("c")
        app.screen.query_one("#pf-kind", Select).value = "ep"
        await pilot.pause()
        assert app.screen.query_one("#pf-budget", Input).value == "2000"
        assert _text(app, "#pf-preview") == "No preview until the fields marked in red are fixed."
        assert _text(app, "#pf-budget-error").startswith("The budget per song must be between")
        assert app.screen.query_one("#pf-budget-row").has_class("-invalid")
        assert _text(app, "#pf-title-error") == ""  # an untouched title still waits


async def test_a_released_records_detail_reads_in_the_past_and_in_words(make_session):
    """The detail of a record out with one press pickup read "1 press pickups", and said it
    "releases when month 2 resolves", months after it came out."""
    session = make_session()
    single = Project(1, "single", "Low Tide", "mira_vale", 1, 2, 1, "local", "standard",
                     3000, 3000, stage="released", songs_recorded=1, streams=57454,
                     revenue=1666, press_pickups=1, outcome="steady")
    session.state = replace(session.state, projects=(single,))
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        detail = _text(app, "#project-detail")
        assert "57,454 streams, $1,666, 1 press pickup, steady" in detail
        assert "Months       started 1, released when month 2 resolved\n" in detail
        session.state = replace(session.state, projects=(replace(single, press_pickups=2),))
        app.screen.refresh_view()
        assert "$1,666, 2 press pickups, steady" in _text(app, "#project-detail")
        session.state = replace(session.state, projects=(replace(single, stage="production"),))
        app.screen.refresh_view()
        assert "started 1, releases when month 2 resolves\n" in _text(app, "#project-detail")


async def test_the_project_detail_is_wide_enough_for_its_song_rows_at_every_width(
        make_session):
    """From 120 columns the detail sat beside the table, which keeps 96: at 120 it was 22
    columns wide, and its lines and song rows broke every few words. It goes under the table
    until there is room beside it."""
    session = make_session()
    single = Project(1, "single", "Low Tide", "mira_vale", 1, 2, 1, "local", "standard",
                     3000, 3000, stage="released", songs_recorded=1)
    session.state = replace(session.state, projects=(single,))
    song_row = len("Song                      quality   streams    revenue")
    app = make_app(session=session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        for width in (80, 100, 120, 140, 155, 156, 200):
            await pilot.resize_terminal(width, 40)
            await pilot.pause()
            detail = app.screen.query_one("#project-detail")
            table = app.screen.query_one("#projects-table")
            assert detail.content_region.width >= song_row, width
            beside = detail.region.x > table.region.x
            assert beside == (width >= 156), width


async def test_a_bankrupt_labels_projects_do_not_offer_a_career(make_session):
    """Projects of a label that went bankrupt said "start the label's career to keep
    playing", which it cannot; it says why nothing more can start, as the planner does."""
    from textual.widgets import Static

    session = make_session(seed=11, difficulty="hard")
    while not session.state.campaign_complete:
        session.advance()
    assert session.state.results.bankrupt
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape", "p")
        title = str(app.screen.query_one("#projects-title", Static).render())
        assert title == "Projects · The label went bankrupt: this game is over."
