"""``RosterScreen``: the signed artists, their detail, and the discovery pool to sign from."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.widgets import DataTable, Label, Static

from labelmgr.engine import GameState, SignArtist, check_plan
from labelmgr.engine.options import Options
from labelmgr.errors import LabelError
from labelmgr.service import GameSession
from labelmgr.tui.screens.base import GameScreen
from labelmgr.tui.widgets.artist_detail import ArtistDetail
from labelmgr.tui.widgets.display import money, plain, plural
from labelmgr.tui.widgets.footer import GameFooter
from labelmgr.tui.widgets.song_stats import artist_song_stats
from labelmgr.tui.widgets.sortable_table import Column, Row, SortableTable

SIGNED_COLUMNS = (
    Column("name", "Artist"),
    Column("mood", "Mood", descending=True, right=True),
    Column("loyalty", "Loyalty", descending=True, right=True),
    Column("popularity", "Pop.", descending=True, right=True),
    Column("talent", "Talent", descending=True, right=True),
    Column("fee", "Fee/mo", descending=True, right=True),
    Column("status", "Now"),
)
"""Columns of the signed-artists table."""

DISCOVER_COLUMNS = (
    Column("name", "Artist"),
    Column("talent", "Talent", descending=True, right=True),
    Column("popularity", "Pop.", descending=True, right=True),
    Column("cost", "Signing", descending=True, right=True),
    Column("fee", "Fee/mo", descending=True, right=True),
    Column("status", "Can sign"),
)
"""Columns of the discovery-pool table."""

SIGNING_REFUSALS: dict[str, str] = {
    "GAME_ROSTER_FULL": "roster full",
    "GAME_NO_MONEY": "$ short",
    "GAME_MONEY_NEGATIVE": "money < 0",
}
"""The "Can sign" column's few words for the engine's refusal of a signing, by its code (the
detail pane has the whole message)."""
OTHER_REFUSAL = "breaks plan"
"""Any other code: an action already in this month's plan would be refused after it."""


class RosterScreen(GameScreen):
    """Signed artists (sortable) with a detail pane, and the discovery pool."""

    CSS_PATH = "../styles/roster.tcss"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"), (120, "-wide")]
    """Below 120 columns the detail pane moves under the tables."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "sign", "Sign / unsign", tooltip="Add the highlighted artist's signing "
                "to this month's plan, or take it out", id="roster.sign"),
    ]
    """Screen keys (arrows move, enter signs in the discovery list, o/O sort)."""

    active_list: var[str] = var("signed")
    """Which list the detail pane follows: ``signed`` or ``discover``."""

    def compose(self) -> ComposeResult:
        yield Static(id="roster-title", classes="screen-title")
        with Horizontal(id="roster-body"):
            with Vertical(id="roster-lists"):
                yield Label("Signed artists", id="signed-label", classes="section-title")
                yield SortableTable(SIGNED_COLUMNS, sort_column="popularity",
                                    id="signed-table")
                yield Label("Discover (enter or g signs)", id="discover-label",
                            classes="section-title")
                yield SortableTable(DISCOVER_COLUMNS, sort_column="talent",
                                    id="discover-table")
                yield Static("\u2191\u2193 move \u00b7 tab other list \u00b7 o sort column "
                             "\u00b7 O reverse \u00b7 click a header to sort", classes="hint")
            with VerticalScroll(id="roster-detail"):
                yield ArtistDetail(id="artist-detail")
        yield GameFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.signed_table.focus()

    # ----------------------------------------------------------------- actions

    def action_sign(self) -> None:
        """Sign the highlighted discovery artist, or take a planned signing out of the plan."""
        session = self.session
        artist_id = self.discover_table.selected_key
        if artist_id is None:
            return
        if self.active_list != "discover":
            self.discover_table.focus()
            self.notify("Pick an artist in the Discover list, then press g or enter.")
            return
        name = session.content.artist_by_id[artist_id].name
        planned = _planned_signing(session, artist_id)
        if planned is not None:
            self.game_app.remove_from_plan(planned)
            self.notify(f"{name}'s signing is out of the plan.", markup=False)
            return
        refusal = self.game_app.add_to_plan(SignArtist(artist_id))
        if refusal is None:
            self.notify(f"{name} signs when the month resolves.", title="Signing planned",
                        markup=False)
        else:
            self.notify(refusal, title="Cannot sign", severity="error", markup=False)
            self.show_detail()

    # ----------------------------------------------------------------- events

    @on(DataTable.RowSelected, "#discover-table")
    def sign_selected(self) -> None:
        self.action_sign()

    @on(DataTable.RowHighlighted, "#signed-table")
    def follow_signed(self) -> None:
        if self.signed_table.has_focus:
            self.active_list = "signed"
        self.show_detail()

    @on(DataTable.RowHighlighted, "#discover-table")
    def follow_discover(self) -> None:
        if self.discover_table.has_focus:
            self.active_list = "discover"
        self.show_detail()

    def on_descendant_focus(self) -> None:
        if self.discover_table.has_focus:
            self.active_list = "discover"
        elif self.signed_table.has_focus:
            self.active_list = "signed"

    def watch_active_list(self) -> None:
        self.show_detail()

    # ----------------------------------------------------------------- view

    def refresh_view(self) -> None:
        """Rebuild the title, both lists and the detail from the session."""
        session = self.session
        state = session.state
        try:
            options = session.options()
        except LabelError as exc:  # a finished campaign has no month to sign in
            self.title_bar.update(
                f"Roster \u00b7 {len(state.artists)} of {state.roster_places} places "
                f"\u00b7 {_over(state)} over \u00b7 "
                f"{money(state.money)}")
            self.signed_table.set_rows(_signed_rows(session))
            self.discover_table.set_rows([])
            self.query_one("#discover-label", Label).update(f"Discover: {plain(exc.message)}")
            self.show_detail()
            return
        signing = sum(isinstance(a, SignArtist) for a in session.plan)
        planned = f" (+{signing} planned)" if signing else ""
        after = options.money_after_plan
        spending = f" ({money(after)} after planned spending)" if after != state.money else ""
        self.title_bar.update(
            f"Roster \u00b7 {len(state.artists)} of {state.roster_places} places{planned} "
            f"\u00b7 month {state.month} \u00b7 {money(state.money)}{spending}")
        self.signed_table.set_rows(_signed_rows(session))
        self.discover_table.set_rows(_discover_rows(session, options))
        self.query_one("#discover-label", Label).update(
            f"Discover: {plural(len(options.signings), 'artist', 'artists')} (enter or g signs)")
        self.show_detail()

    def show_detail(self) -> None:
        session = self.session
        table = self.discover_table if self.active_list == "discover" else self.signed_table
        key = table.selected_key
        if key is None:
            self.detail.show_nobody(
                "No artist here yet." if self.active_list == "signed"
                else f"No signing: the {_over(session.state)} is over." if session.state.finished
                else "Nobody left to discover.")
            return
        content = session.content
        spec = content.artist_by_id[key]
        archetype = content.balance.artists.archetypes[spec.archetype]
        artist = session.state.artist(key)
        # a discovery row can outlive its artist's signing by a moment (the month resolved,
        # the lists are not rebuilt yet): a signed artist is shown as signed
        if artist is not None:
            projects = [p for p in session.state.projects if p.artist_id == key]
            self.detail.show_signed(artist, spec, archetype,
                                    artist_song_stats(session.state.songs, key), projects)
            return
        option = next((s for s in session.options().signings if s.artist.id == key), None)
        if option is None:  # left the label: the signed list still shows them for a moment
            self.detail.show_nobody(f"{spec.name} has left the label.")
            return
        gate = option.gate
        planned = _planned_signing(session, key) is not None
        after = None
        if gate is None and not planned:
            after = check_plan(session.state, [*session.plan, SignArtist(key)],
                               session.content).money_after
        self.detail.show_candidate(spec, archetype, gate, planned, after)

    @property
    def title_bar(self) -> Static:
        return self.query_one("#roster-title", Static)

    @property
    def signed_table(self) -> SortableTable:
        return self.query_one("#signed-table", SortableTable)

    @property
    def discover_table(self) -> SortableTable:
        return self.query_one("#discover-table", SortableTable)

    @property
    def detail(self) -> ArtistDetail:
        return self.query_one("#artist-detail", ArtistDetail)


def _planned_signing(session: GameSession, artist_id: str) -> int | None:
    """The plan index of this artist's signing, if it is planned."""
    for index, action in enumerate(session.plan):
        if isinstance(action, SignArtist) and action.artist_id == artist_id:
            return index
    return None


def _signed_rows(session: GameSession) -> list[Row]:
    state = session.state
    busy = {p.artist_id: ("touring" if p.is_tour else "recording")
            for p in state.projects if p.active}
    rows = []
    for a in state.artists:
        status = busy.get(a.id, "idle")
        rows.append(Row(a.id, {
            "name": (a.name.lower(), a.name),
            "mood": (a.mood, str(a.mood)), "loyalty": (a.loyalty, str(a.loyalty)),
            "popularity": (a.popularity, str(a.popularity)),
            "talent": (a.talent, str(a.talent)),
            "fee": (a.monthly_fee, money(a.monthly_fee)), "status": (status, status),
        }))
    return rows


def _over(state: GameState) -> str:
    """What a finished game finished: its ``campaign`` or the ``career`` after it."""
    return "career" if state.phase == "career_over" else "campaign"


def _no(session: GameSession, artist_id: str) -> str:
    """``no: roster full`` and the like: why the engine refuses this signing, in short."""
    refusal = session.refusal(SignArtist(artist_id))  # the gate's refusal, with its code
    if refusal is None:
        return "no"
    return f"no: {SIGNING_REFUSALS.get(refusal.code, OTHER_REFUSAL)}"


def _discover_rows(session: GameSession, options: Options) -> list[Row]:
    rows = []
    for s in options.signings:
        spec = s.artist
        planned = _planned_signing(session, spec.id) is not None
        status = "planned" if planned else "yes" if s.gate is None else _no(session, spec.id)
        rows.append(Row(spec.id, {
            "name": (spec.name.lower(), spec.name),
            "talent": (spec.talent, str(spec.talent)),
            "popularity": (spec.popularity, str(spec.popularity)),
            "cost": (spec.signing_cost, money(spec.signing_cost)),
            "fee": (spec.monthly_fee, money(spec.monthly_fee)), "status": (status, status),
        }))
    return rows
