"""``ProjectsScreen``: the label's projects, the create-project form and the song catalogue."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from labelmgr.engine import ProjectPreview, StartProject
from labelmgr.errors import LabelError
from labelmgr.service import GameSession
from labelmgr.tui.messages import StateChanged
from labelmgr.tui.screens.base import GameScreen
from labelmgr.tui.screens.plan_text import why_closed
from labelmgr.tui.widgets.display import (
    artist_name,
    game_text,
    kind_name,
    money,
    plain,
    plural,
    stage_name,
)
from labelmgr.tui.widgets.footer import GameFooter
from labelmgr.tui.widgets.project_detail import ProjectDetail
from labelmgr.tui.widgets.project_form import ProjectForm
from labelmgr.tui.widgets.song_catalog import SongCatalog
from labelmgr.tui.widgets.song_stats import project_song_stats
from labelmgr.tui.widgets.sortable_table import Column, Row, SortableTable

PROJECT_COLUMNS = (
    Column("title", "Title"), Column("kind", "Type"), Column("artist", "Artist"),
    Column("stage", "Stage"), Column("songs", "Songs", right=True),
    Column("cost", "Cost", descending=True, right=True),
    Column("quality", "Quality", descending=True, right=True),
    Column("month", "Release", descending=True, right=True),
    Column("revenue", "Revenue", descending=True, right=True),
)
"""Columns of the projects table (release: the month whose resolution releases or plays it)."""

PLANNED = "plan-"
"""Row-key prefix of projects in this month's plan (followed by the plan index)."""


class ProjectsScreen(GameScreen):
    """Projects table with detail, the create form, and the paged song catalogue."""

    CSS_PATH = "../styles/projects.tcss"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"), (120, "-wide"), (156, "-wider")]
    """Below 120 columns the preview goes under the form; below 156 the detail goes under the
    table (beside a table at its 96-column minimum, it needs 55 for its song rows)."""
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-short"), (30, "-tall")]
    """Under 30 lines the form's fields sit without blank lines between them."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "new_project", "New project", tooltip="Open the create-project form",
                show=False, id="projects.new"),
        Binding("l", "show_list", "List", tooltip="The label's projects", show=False,
                id="projects.list"),
        Binding("k", "show_catalogue", "Catalogue", tooltip="Released songs, paged",
                show=False, id="projects.catalogue"),
        Binding("x", "remove_planned", "Unplan", tooltip="Take the highlighted planned "
                "project out of this month's plan", id="projects.remove-planned"),
    ]
    """Screen keys (c, l and k are named on the tabs, so the footer leaves them out)."""

    def compose(self) -> ComposeResult:
        yield Static(id="projects-title", classes="screen-title")
        session = self.session
        with TabbedContent(id="projects-tabs", initial="tab-list"):
            with TabPane("Projects (l)", id="tab-list"), Horizontal(id="projects-body"):
                yield SortableTable(PROJECT_COLUMNS, sort_column="month", id="projects-table")
                with VerticalScroll(id="projects-detail"):
                    yield ProjectDetail(id="project-detail")
            with TabPane("New project (c)", id="tab-new"), \
                    VerticalScroll(id="project-form-scroll"):
                yield ProjectForm(session, id="project-form")
            with TabPane("Catalogue (k)", id="tab-catalogue"):
                yield SongCatalog(session, id="song-catalog")
        yield GameFooter()

    # ----------------------------------------------------------------- actions

    def _no_project_reason(self) -> str | None:
        """Why no project can be planned (the engine's refusal of a finished game), or None."""
        if not self.session.state.finished:
            return None
        try:
            self.session.options()
        except LabelError as exc:
            return game_text(why_closed(self.session, exc))
        return None

    def action_new_project(self) -> None:
        refusal = self._no_project_reason()
        if refusal is not None:
            self.notify(refusal, title="No new project", severity="warning", markup=False)
            return
        self.tabs.active = "tab-new"
        self.query_one("#pf-kind").focus()

    def action_show_list(self) -> None:
        self.tabs.active = "tab-list"
        self.table.focus()

    def action_show_catalogue(self) -> None:
        self.tabs.active = "tab-catalogue"
        self.query_one("#catalog-table").focus()

    def action_remove_planned(self) -> None:
        planned = _planned(self.session, self.table.selected_key)
        if planned is None:
            self.notify("Highlight a planned project to take it out of the plan.")
            return
        index, action = planned
        self.game_app.remove_from_plan(index)
        self.notify(f"\u201c{action.title}\u201d is out of the plan.", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove_planned":
            if not self.is_mounted or self.tabs.active != "tab-list":
                return False
            session = self.game_app.session
            return True if session and _planned(session, self.table.selected_key) else None
        return True

    # ----------------------------------------------------------------- events

    @on(ProjectForm.Submitted)
    def add_project(self, event: ProjectForm.Submitted) -> None:
        session = self.session
        try:
            session.add(event.action)
        except LabelError as exc:  # the form shows it under the field it concerns
            event.form.show_error(exc)
            return
        cost = session.preview(event.action).cost
        self.notify(f"\u201c{event.action.title.strip()}\u201d starts when the month resolves "
                    f"({money(cost)}).", title="Project planned", markup=False)
        event.form.reset()
        self.app.post_message(StateChanged())
        self.action_show_list()

    @on(TabbedContent.TabActivated)
    def tab_changed(self) -> None:
        self.refresh_bindings()

    @on(ProjectForm.Cancelled)
    def close_form(self) -> None:
        self.action_show_list()

    @on(DataTable.RowHighlighted, "#projects-table")
    def follow_project(self) -> None:
        self.show_detail()
        self.refresh_bindings()

    # ----------------------------------------------------------------- view

    def refresh_view(self) -> None:
        """Rebuild title, table, detail, form choices and catalogue page from the session."""
        session = self.session
        title = self.query_one("#projects-title", Static)
        state = session.state
        refusal = self._no_project_reason()
        if refusal is not None:  # a finished game: its projects and songs, no new one
            if self.tabs.active == "tab-new":
                self.action_show_list()
            self.tabs.disable_tab("tab-new")
            title.update(f"Projects \u00b7 {plain(refusal)}")
        else:
            self.tabs.enable_tab("tab-new")
            options = session.options()
            title.update(f"Projects \u00b7 month {state.month} \u00b7 {options.free_slots} "
                         f"focus slot{'s' if options.free_slots != 1 else ''} free \u00b7 "
                         f"{money(options.money_after_plan)} left after planned spending")
        self.table.set_rows(_project_rows(session))
        self.show_detail()
        form = self.query_one(ProjectForm)
        form.session = session
        form.refresh_choices()
        catalog = self.query_one(SongCatalog)
        catalog.session = session
        catalog.load_page()

    def show_detail(self) -> None:
        session, key = self.session, self.table.selected_key
        if key is None:
            self.detail.show_nothing("No project yet: press c to start a single, an EP or a "
                                     "mini-tour.")
        elif key.startswith(PLANNED):
            planned = _planned(session, key)
            if planned is None:  # a stale row: the month resolved and the plan emptied
                self.detail.show_nothing("")
                return
            action = planned[1]
            preview = _planned_preview(session, action)
            self.detail.show_planned(action, preview.cost if preview else None,
                                     session.content)
        else:
            project = session.state.project(int(key))
            if project is not None:
                self.detail.show_project(project, session.state.songs, session.content)

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#projects-tabs", TabbedContent)

    @property
    def table(self) -> SortableTable:
        return self.query_one("#projects-table", SortableTable)

    @property
    def detail(self) -> ProjectDetail:
        return self.query_one("#project-detail", ProjectDetail)


def _planned(session: GameSession, key: str | None) -> tuple[int, StartProject] | None:
    """The planned project a row key names, or None (not a planned row, or no longer planned).

    Row messages can arrive after the plan changed (the month resolving empties it), so the
    key's plan index is checked rather than trusted.
    """
    if key is None or not key.startswith(PLANNED):
        return None
    index = int(key.removeprefix(PLANNED))
    plan = session.plan
    if index >= len(plan) or not isinstance(plan[index], StartProject):
        return None
    action = plan[index]
    assert isinstance(action, StartProject)
    return index, action


def _planned_preview(session: GameSession, action: StartProject) -> ProjectPreview | None:
    try:
        return session.preview(action)
    except (LabelError, KeyError, ValueError):
        return None


def _project_rows(session: GameSession) -> list[Row]:
    state, content = session.state, session.content
    rows = []
    for p in state.projects:
        stats = project_song_stats(state.songs, p.id)
        songs = plural(p.cities, "city", "cities") if p.is_tour else f"{p.songs_recorded}/{p.song_count}"
        quality = (stats.quality_high or 0, "" if p.is_tour else stats.quality_text)
        revenue = stats.revenue if not p.is_tour else p.revenue
        rows.append(_row(str(p.id), p.title, p.kind, artist_name(content, p.artist_id),
                         p.stage, songs, p.cost, quality, p.release_month, revenue))
    for index, action in enumerate(session.plan):
        if isinstance(action, StartProject):
            preview = _planned_preview(session, action)
            cost = preview.cost if preview else 0
            month = preview.release_month if preview else state.month
            songs = (plural(action.cities, "city", "cities") if action.project_kind == "mini_tour"
                     else f"0/{action.song_count}")
            rows.append(_row(f"{PLANNED}{index}", action.title, action.project_kind,
                             artist_name(content, action.artist_id), "planned", songs, cost,
                             (0, ""), month, 0))
    return rows


def _row(key: str, title: str, kind: str, artist: str, stage: str, songs: str, cost: int,
         quality: tuple[int, str], month: int, revenue: int) -> Row:
    return Row(key, {
        "title": (title.lower(), title), "kind": (kind, kind_name(kind)),
        "artist": (artist.lower(), artist), "stage": (stage, stage_name(stage)),
        "songs": (songs, songs), "cost": (cost, money(cost)), "quality": quality,
        "month": (month, str(month)), "revenue": (revenue, money(revenue)),
    })
