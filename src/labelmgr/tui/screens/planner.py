"""``PlannerScreen`` (``m``): this month's focus slots, what can fill them, and the money after.

Left: the plan (slot actions numbered, free actions after) and the projected money.
Right: the actions the engine offers now. Enter opens an action; x removes a planned one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from labelmgr.engine import Options, ResolveEvent, TakeMeeting, TalkToArtist
from labelmgr.errors import LabelError
from labelmgr.tui.app import GAME_SCREENS
from labelmgr.tui.screens.base import GameScreen
from labelmgr.tui.screens.dashboard import title_line
from labelmgr.tui.screens.modals.choice import (
    ChoiceMade,
    conversation_prompt,
    meeting_prompt,
)
from labelmgr.tui.screens.modals.marketing import MarketingModal
from labelmgr.tui.screens.plan_text import (
    action_lines,
    outlook_lines,
    outlook_warning,
    why_closed,
)
from labelmgr.tui.widgets.display import artist_name, game_text, money_range, plain
from labelmgr.tui.widgets.footer import GameFooter
from labelmgr.tui.widgets.hanging import Hanging
from labelmgr.tui.widgets.option_lists import InlineOptionList


def _header(text: str) -> Option:
    return Option(Content.from_markup(f"[b $text-primary]{text}[/]"), disabled=True)


def _entry(option_id: str, first: str, second: str = "", *, lead: int = 0,
           disabled: bool = False) -> Option:
    """An action in two lines; wrapped, each goes on under its text (the first right of its
    ``lead``: the slot's number or mark, the second right of its indent)."""
    lines = [(first, lead)] + ([(f"   {second}", 3)] if second else [])
    return Option(Hanging(lines), id=option_id, disabled=disabled)


class PlannerScreen(GameScreen):
    """Fill the focus slots; see the projected money before advancing."""

    CSS_PATH = "../styles/planner.tcss"

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("x,delete", "remove", "Remove", tooltip="Take the highlighted action out",
                id="planner.remove"),
    ]
    """x (or Delete) removes the highlighted planned action."""

    def __init__(self) -> None:
        super().__init__()
        self._month = 0

    def compose(self) -> ComposeResult:
        yield Static(id="plan-title", classes="screen-title")
        with Horizontal(id="plan-row", classes="row"):
            # not focusable itself: tab goes from the actions straight to the plan (the plan's
            # highlight scrolls it; the plan is as tall as its lines)
            with VerticalScroll(id="plan-left", can_focus=False):
                yield InlineOptionList(id="plan-list", classes="panel")
                yield Static(id="outlook", classes="panel")
            yield OptionList(id="action-list", classes="panel")
        yield GameFooter()

    def on_mount(self) -> None:
        plan_list, actions = self.query_one("#plan-list"), self.query_one("#action-list")
        plan_list.border_title, actions.border_title = "Your plan", "Available actions"
        plan_list.border_subtitle = "x remove"
        actions.border_subtitle = "enter choose · tab your plan"
        self.query_one("#outlook").border_title = "Money after this month"
        super().on_mount()
        self.query_one("#action-list").focus()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        if self.focused is None or self.focused.id not in ("plan-list", "action-list"):
            self.query_one("#action-list").focus()

    # ------------------------------------------------------------------ drawing

    def refresh_view(self) -> None:
        session = self.session
        state, content = session.state, session.content
        title = self.query_one("#plan-title", Static)
        try:
            options = session.options()
            outlook = session.outlook()
        except LabelError as exc:  # a finished campaign has no month to plan
            title.update(title_line(state, content, "Plan the month") + "\n"
                         + plain(game_text(why_closed(session, exc))))
            for selector in ("#plan-list", "#action-list"):
                self.query_one(selector, OptionList).clear_options()
            self.query_one("#outlook", Static).update("")
            return
        # the warning goes in the title, which every size shows (at 80x24 the money panel
        # below the plan is out of sight), in a short form that fits one line
        warning = outlook_warning(outlook, career=state.career, short=True)
        title.update(
            title_line(state, content, "Plan the month") + f"\n{options.free_slots} of "
            f"{state.focus_slots} focus slots free · after the month ≈ "
            f"{money_range(outlook.low, outlook.high)} before revenue"
            + (f"\n{warning}" if warning else ""))
        new_month = state.month != self._month
        self._month = state.month
        self._fill(self.query_one("#plan-list", OptionList), self._plan_options(options),
                   new_month)
        self._fill(self.query_one("#action-list", OptionList), self._action_options(options),
                   new_month)
        self.query_one("#outlook", Static).update(
            "\n".join(outlook_lines(outlook, career=state.career, warn=False)))

    @staticmethod
    def _fill(widget: OptionList, options: list[Option], top: bool) -> None:
        """Replace the options; keep the highlight near where it was, or go to the top."""
        keep = 0 if top else widget.highlighted or 0
        widget.set_options(options)
        enabled = [i for i, o in enumerate(options) if not o.disabled]
        if enabled:
            widget.highlighted = min(enabled, key=lambda i: (i < keep, abs(i - keep)))

    def _plan_options(self, options: Options) -> list[Option]:
        session = self.session
        out: list[Option] = []
        number = 0
        for index, action in enumerate(session.plan):
            first, second = action_lines(session, options, action)
            if action.uses_slot:
                number += 1
                mark = str(number)
                first = f"[b]{mark}[/b] {first}"
            else:
                mark = "·"
                first = f"{mark} {first}"
            out.append(_entry(f"plan-{index}", first, second, lead=len(mark) + 1))
        out += [_entry(f"free-{i}", f"{number + i} (free slot)", disabled=True)
                for i in range(1, options.free_slots + 1)]
        return out

    def _action_options(self, options: Options) -> list[Option]:
        session = self.session
        content = session.content
        plan = session.plan
        full = options.free_slots == 0
        # notes on disabled entries take the list's disabled look: a colour of their own
        # (muted) drew them brighter than the entry they explain
        no_slot = " (no free slot)" if full else ""
        out: list[Option] = []
        if options.event is not None:
            answered = any(isinstance(a, ResolveEvent) for a in plan)
            out += [_header("Event waiting for you"), _entry(
                "event", f"Answer: {plain(options.event.event.title)}",
                "answered; x on it in the plan to change" if answered
                else "[$text-warning]no slot; its default applies if you don't answer[/]",
                disabled=answered)]
        out.append(_header("Meetings"))
        met = {a.role_id for a in plan if isinstance(a, TakeMeeting)}
        for m in options.meetings:
            planned = " [$text-success]✓ planned[/]" if m.role.id in met else no_slot
            out.append(_entry(f"meeting:{m.role.id}",
                              f"{plain(m.role.title)}: {plain(m.meeting.title)}{planned}",
                              disabled=full or m.role.id in met))
        out.append(_header("Artists"))
        talked = {a.artist_id for a in plan if isinstance(a, TalkToArtist)}
        for c in options.conversations:
            who = plain(artist_name(content, c.artist_id))
            planned = " [$text-success]✓ planned[/]" if c.artist_id in talked else no_slot
            out.append(_entry(f"talk:{c.artist_id}",
                              f"Talk with {who} · {plain(c.conversation.title)}{planned}",
                              disabled=full or c.artist_id in talked))
        out.append(_entry("roster", "Sign an artist (roster, no slot)",
                          disabled="roster" not in GAME_SCREENS))
        out.append(_header("Projects and marketing"))
        out.append(_entry("projects", f"Start a single, EP or mini-tour (projects){no_slot}",
                          disabled=full or "projects" not in GAME_SCREENS))
        targets = " (no record in production)" \
            if not options.marketing_targets else no_slot
        out.append(_entry("marketing", f"Marketing push on a record{targets}",
                          disabled=full or not options.marketing_targets))
        return out

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove":
            if self.app.screen is not self:  # a dialog is open over the planner
                return False
            session = self.game_app.session
            return None if session is None or not session.plan else True
        return True

    def action_remove(self) -> None:
        """Remove the action highlighted in Your plan; from elsewhere, go there first.

        Removing from another list would take out whatever Your plan happens to highlight,
        unseen, so x first moves the focus there and says what to do.
        """
        plan_list = self.query_one("#plan-list", OptionList)
        index = plan_list.highlighted
        option = plan_list.get_option_at_index(index) if index is not None else None
        if not plan_list.has_focus or option is None \
                or not (option.id or "").startswith("plan-"):
            self.notify("Highlight the action to remove in Your plan, then press x.")
            plan_list.focus()
            return
        plan_index = int((option.id or "").removeprefix("plan-"))
        first, _ = action_lines(self.session, self.session.options(),
                                self.session.plan[plan_index])
        self.game_app.remove_from_plan(plan_index)
        self.notify(first, title="Removed from the plan")

    @on(OptionList.OptionSelected, "#plan-list")
    def explain_planned(self) -> None:
        """Enter on a planned action: say how to change it."""
        self.notify("x takes it out of the plan; then choose again from Available actions.")

    @on(OptionList.OptionSelected, "#action-list")
    async def open_action(self, event: OptionList.OptionSelected) -> None:
        kind, _, key = (event.option.id or "").partition(":")
        session = self.session
        if kind == "meeting":
            self.app.push_screen(meeting_prompt(session, key), self._meeting_chosen(key))
        elif kind == "talk":
            self.app.push_screen(conversation_prompt(session, key), self._talk_chosen(key))
        elif kind == "event":
            self.game_app.action_answer_event()
        elif kind == "marketing":
            self.app.push_screen(MarketingModal(session))
        elif kind in ("roster", "projects"):
            await self.game_app.action_show(kind)

    def _meeting_chosen(self, role_id: str) -> Callable[[ChoiceMade | None], None]:
        def done(made: ChoiceMade | None) -> None:
            if made is None:
                return
            offer = next(m for m in self.session.options().meetings if m.role.id == role_id)
            self._add(TakeMeeting(role_id, offer.meeting.id, made.choice_id, made.artist_id))
        return done

    def _talk_chosen(self, artist_id: str) -> Callable[[ChoiceMade | None], None]:
        def done(made: ChoiceMade | None) -> None:
            if made is None:
                return
            offer = next(c for c in self.session.options().conversations
                         if c.artist_id == artist_id)
            self._add(TalkToArtist(artist_id, offer.conversation.id, made.choice_id))
        return done

    def _add(self, action: TakeMeeting | TalkToArtist) -> None:
        refused = self.game_app.add_to_plan(action)
        if refused:
            self.notify(refused, title="Not added", severity="error", markup=False)
