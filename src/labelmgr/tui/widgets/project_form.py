"""``ProjectForm``: start a single, an EP or a mini-tour, with the engine's live preview.

Every change rebuilds the ``StartProject`` and asks the engine two things: the preview
(cost, quality range, months; takings for a tour) and whether the plan would accept it
(``check_plan``), whose refusal is shown under the field it concerns. The form never adds
to the plan itself: it posts ``ProjectForm.Submitted`` and its owner calls the session
(and hands any refusal back through ``show_error``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, Select, Static

from labelmgr.engine import PlanCheck, StartProject, check_plan
from labelmgr.errors import LabelError
from labelmgr.service import GameSession
from labelmgr.tui.widgets.display import game_text, money, plain
from labelmgr.tui.widgets.form_fields import (
    ERROR_FIELDS,
    artist_choices,
    parse_whole,
    producer_choices,
    time_choices,
    venue_choices,
)
from labelmgr.tui.widgets.project_preview import no_preview, preview_text, project_preview

FIELDS: tuple[str, ...] = ("kind", "artist", "title", "songs", "producer", "time", "budget",
                           "venue", "cities")
"""The form's fields, in order; each has a control ``#pf-<field>`` and ``#pf-<field>-error``."""
DEFAULT_TIME: str = next(f.default for f in fields(StartProject) if f.name == "time_investment")
"""The time investment the form starts on: the engine's default for ``StartProject``."""
SLOT_HINT: dict[str, str] = {
    "GAME_NO_SLOTS": ": to start this project, take an action out of the plan (m, then x)."}
"""What to do about a refusal that no field of the form can fix."""
NO_ARTIST = "no artist signed"
"""The artist list's empty entry while nobody is signed (else it reads "choose an artist")."""
NUMBER_FIELDS = frozenset({"songs", "producer", "time", "budget", "venue", "cities"})
"""Fields whose refusal makes the preview's figures meaningless."""
STAND_IN_TITLE = "Untitled"
"""The title the other fields are checked with while the real one is refused."""
RECORD_FIELDS = frozenset({"songs", "producer", "time", "budget"})
TOUR_FIELDS = frozenset({"venue", "cities"})


class ProjectForm(Vertical):
    """The create-project form. Enter in a text field (or the button) submits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "Add to plan", show=False, id="project-form.submit"),
        Binding("escape", "cancel", "Close form", show=False, id="project-form.cancel"),
    ]
    """Widget-local keys."""

    @dataclass
    class Submitted(Message):
        """The player asks to add this project to the plan."""

        form: ProjectForm
        action: StartProject

        @property
        def control(self) -> ProjectForm:
            return self.form

    @dataclass
    class Cancelled(Message):
        """The player leaves the form (escape); nothing was added."""

        form: ProjectForm

        @property
        def control(self) -> ProjectForm:
            return self.form

    def __init__(self, session: GameSession, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self._touched: set[str] = set()
        self._submitted = False

    def compose(self) -> ComposeResult:
        session = self.session
        with Vertical(id="pf-fields"):
            yield from self._fields(session)
        with Vertical(id="pf-side"):
            yield Static(id="pf-preview")
            yield Static(id="pf-message")
            yield Button("Add to plan", id="pf-submit", variant="primary", compact=True)

    def _fields(self, session: GameSession) -> ComposeResult:
        kinds = [(t.name, k) for k, t in session.content.balance.projects.types.items()]
        kinds.append(("Mini-tour", "mini_tour"))
        artists = [(label, aid) for label, aid, _ in artist_choices(session)]

        def select(name: str, options: list[tuple[str, str]], **kw: Any) -> Select[str]:
            return Select(options, compact=True, id=f"pf-{name}", **kw)

        def entry(name: str, **kw: Any) -> Input:
            return Input(compact=True, id=f"pf-{name}", **kw)

        yield Static("tab next field \u00b7 enter or ctrl+s adds to the plan \u00b7 esc back "
                     "to the list", classes="hint")
        yield from self._field("kind", "Type", select("kind", kinds, allow_blank=False))
        yield from self._field("artist", "Artist", select("artist", artists,
                                                          prompt=NO_ARTIST))
        yield from self._field("title", "Title", entry("title", placeholder="what it is called"))
        yield from self._field("songs", "Songs", entry("songs", type="integer"))
        yield from self._field("producer", "Producer", select(
            "producer", producer_choices(session), allow_blank=False))
        yield from self._field("time", "Time", select(
            "time", time_choices(session), allow_blank=False, value=DEFAULT_TIME))
        yield from self._field("budget", "Budget/song", entry("budget", type="integer"))
        yield from self._field("venue", "Venue", select("venue", venue_choices(session),
                                                        allow_blank=False))
        yield from self._field("cities", "Cities", entry("cities", type="integer"))

    @staticmethod
    def _field(name: str, label: str, control: Any) -> ComposeResult:
        with Horizontal(id=f"pf-{name}-row", classes="pf-row"):
            yield Label(label, classes="pf-label")
            yield control
        yield Static(id=f"pf-{name}-error", classes="pf-error")

    def on_mount(self) -> None:
        self.refresh_choices()

    # ----------------------------------------------------------------- public

    def refresh_choices(self, artist_id: str | None = None) -> None:
        """Reload artists, tiers and venues from the session (after the state or plan changed)."""
        session = self.session
        artists = artist_choices(session)
        artist = self.query_one("#pf-artist", Select)
        current = artist.value if isinstance(artist.value, str) else None
        artist.set_options([(label, aid) for label, aid, _ in artists])
        artist.prompt = "choose an artist" if artists else NO_ARTIST
        ids = [aid for _, aid, _ in artists]
        idle = [aid for _, aid, free in artists if free]
        # the artist asked for, else the current one while free, else the first free one
        keep = artist_id or (current if current in idle else None)
        if keep in ids or idle or ids:
            artist.value = keep if keep in ids else (idle or ids)[0]
        self._set_select("pf-producer", producer_choices(session))
        self._set_select("pf-time", time_choices(session))
        self._set_select("pf-venue", venue_choices(session))
        self._apply_kind(reset_counts=not self.query_one("#pf-songs", Input).value)

    def reset(self) -> None:
        """Clear the title and messages after a project went into the plan."""
        title = self.query_one("#pf-title", Input)
        with title.prevent(Input.Changed):  # an emptied title is not one the player touched
            title.value = ""
        self._touched.clear()
        self._submitted = False
        self.refresh_choices()

    def show_error(self, exc: LabelError) -> None:
        """Show a refusal under the field it concerns (or under the preview)."""
        self._submitted = True
        self._show_errors({ERROR_FIELDS.get(exc.code, "form"): exc.message})

    @property
    def kind(self) -> str:
        return str(self.query_one("#pf-kind", Select).value)

    # ----------------------------------------------------------------- events

    @on(Select.Changed, "#pf-kind")
    def kind_changed(self) -> None:
        self._apply_kind(reset_counts=True)

    @on(Select.Changed)
    @on(Input.Changed)
    def field_changed(self, event: Select.Changed | Input.Changed) -> None:
        if event.control.id:
            self._touched.add(event.control.id.removeprefix("pf-"))
        self.check()

    @on(Input.Submitted)
    @on(Button.Pressed, "#pf-submit")
    def action_submit(self) -> None:
        self._submitted = True
        action = self.check()
        if action is not None:
            self.post_message(self.Submitted(self, action))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled(self))

    # ----------------------------------------------------------------- logic

    def check(self) -> StartProject | None:
        """Rebuild the action, refresh the preview, show problems; the action if it is valid."""
        action, errors = self._build()
        preview = self.query_one("#pf-preview", Static)
        if action is None:
            preview.update(no_preview())
            self._show_errors(errors)
            return None
        after = self._check_plan(action, errors)
        outlook = project_preview(self.session, action)
        if outlook is not None and action.project_kind != "mini_tour":
            self.query_one("#pf-budget", Input).placeholder = (
                f"default {money(outlook.budget_default)}")
        if errors.keys() & NUMBER_FIELDS:
            outlook = None  # figures for a refused choice would mislead
        hidden = [text for name, text in errors.items()
                  if not self._shows_error(name) and name != "form"]
        preview.update(preview_text(self.session, action, outlook, after,
                                    missing=hidden[0] if hidden else None))
        self._show_errors(errors)
        return action if not errors else None

    def _check_plan(self, action: StartProject, errors: dict[str, str]) -> PlanCheck | None:
        """The plan check with this project added (None when refused; the refusal goes into
        ``errors`` under its field). The engine checks the title first, so a refused title is
        checked past with a stand-in: the other fields' refusals show before a title is typed,
        instead of a preview of figures the plan would refuse."""
        plan = list(self.session.plan)
        state, content = self.session.state, self.session.content
        try:
            return check_plan(state, [*plan, action], content)
        except LabelError as exc:
            field = self._refusal(exc, len(plan), errors)
        if field == "title":
            try:
                check_plan(state, [*plan, replace(action, title=STAND_IN_TITLE)], content)
            except LabelError as exc:
                self._refusal(exc, len(plan), errors)
        return None

    @staticmethod
    def _refusal(exc: LabelError, index: int, errors: dict[str, str]) -> str:
        """File a plan refusal under the field it concerns (an earlier action's under the
        form); returns that field."""
        field = ERROR_FIELDS.get(exc.code, "form") \
            if exc.details.get("index", index) == index else "form"
        errors.setdefault(field, exc.message + SLOT_HINT.get(exc.code, ""))
        return field

    def _build(self) -> tuple[StartProject | None, dict[str, str]]:
        errors: dict[str, str] = {}
        artist = self.query_one("#pf-artist", Select).value
        if not isinstance(artist, str):
            errors["artist"] = ("Choose an artist" if artist_choices(self.session)
                                else "Sign an artist first (Roster, r)")
        title = self.query_one("#pf-title", Input).value
        if self.kind == "mini_tour":
            cities = parse_whole(self.query_one("#pf-cities", Input).value, "cities", errors)
            if errors:
                return None, errors
            return StartProject("mini_tour", str(artist), title,
                                venue=str(self.query_one("#pf-venue", Select).value),
                                cities=cities or 0), errors
        songs = parse_whole(self.query_one("#pf-songs", Input).value, "songs", errors)
        budget_text = self.query_one("#pf-budget", Input).value
        budget = parse_whole(budget_text, "budget", errors) if budget_text.strip() else None
        if errors:
            return None, errors
        return StartProject(self.kind, str(artist), title, song_count=songs or 0,
                            producer_tier=str(self.query_one("#pf-producer", Select).value),
                            time_investment=str(self.query_one("#pf-time", Select).value),
                            budget_per_song=budget), errors

    def _shows_error(self, name: str) -> bool:
        """Whether a field's refusal shows under it: once the field was touched or the form
        submitted, and always for a number field, whose refusal blanks the preview ("fix the
        fields marked in red"); a value kept from the last project (a budget) can turn
        invalid when the type changes, untouched since."""
        return self._submitted or name in self._touched or name in NUMBER_FIELDS

    def _show_errors(self, errors: dict[str, str]) -> None:
        for name in FIELDS:
            shown = errors.get(name, "") if self._shows_error(name) else ""
            box = self.query_one(f"#pf-{name}-error", Static)
            # a refusal may quote the title as typed; the engine writes -$280, the screens −$280
            box.update(plain(game_text(shown)))
            box.display = bool(shown)
            self.query_one(f"#pf-{name}-row").set_class(bool(shown), "-invalid")
        message = self.query_one("#pf-message", Static)
        message.update(plain(game_text(errors.get("form", ""))))
        message.set_class("form" in errors, "-error")

    def _apply_kind(self, *, reset_counts: bool) -> None:
        tour = self.kind == "mini_tour"
        for name in RECORD_FIELDS | TOUR_FIELDS:
            show = name in (TOUR_FIELDS if tour else RECORD_FIELDS)
            self.query_one(f"#pf-{name}-row").display = show
        if reset_counts:
            balance = self.session.content.balance
            if tour:
                self.query_one("#pf-cities", Input).value = str(balance.tours.cities[0])
            else:
                default = balance.projects.types[self.kind].default_songs
                self.query_one("#pf-songs", Input).value = str(default)
        self.check()

    def _set_select(self, control_id: str, choices: list[tuple[str, str]]) -> None:
        select = self.query_one(f"#{control_id}", Select)
        keep = select.value
        with select.prevent(Select.Changed):
            select.set_options(choices)
            values = [v for _, v in choices]
            if keep in values:
                select.value = keep
