"""``ChoiceModal``: a meeting, an artist conversation or a random event, and its choices.

Each choice shows its effects as the engine's badges (now, and later for delayed ones) and,
when it cannot be taken, the engine's reason; such choices cannot be picked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Select, Static
from textual.widgets.option_list import Option

from labelmgr.engine import SignArtist
from labelmgr.engine.options import ChoiceOption
from labelmgr.engine.plan import most_popular_artist
from labelmgr.service import GameSession
from labelmgr.tui.widgets.display import (
    artist_name,
    badge_markup,
    mood_swing,
    plain,
    swinging_archetype,
)
from labelmgr.tui.widgets.hanging import Hanging
from labelmgr.tui.widgets.option_lists import InlineOptionList


@dataclass(frozen=True)
class ChoicePrompt:
    """What the modal shows: who asks, the situation, the choices."""

    title: str
    heading: str
    text: str
    choices: tuple[ChoiceOption, ...]
    default_choice: str | None = None
    """For events: the choice that applies if the player never answers."""
    artists: tuple[tuple[str, str], ...] = ()
    """(id, name) of signed artists, when the meeting concerns one and there is a choice."""
    default_artist: str = ""
    """The name of the artist the meeting concerns unless one is picked (the most popular)."""


@dataclass(frozen=True)
class ChoiceMade:
    """The modal's result."""

    choice_id: str
    artist_id: str | None = None


def choice_prompt_text(number: int, option: ChoiceOption, default: str | None) -> Hanging:
    """The lines of one choice: label, badges now, badges later, the reason it is closed
    (a wrapped line goes on under its text)."""
    c = option.choice
    mark = " [$text-muted](default)[/]" if c.id == default else ""
    lines = [f"[b]{number}[/b]  [b]{plain(c.label)}[/b]{mark}"]
    if option.immediate:
        lines.append(f"   now: {badge_markup(option.immediate)}")
    if option.delayed:
        later = f"in {c.delay} month{'s' if c.delay > 1 else ''}"
        lines.append(f"   {later}: {badge_markup(option.delayed)}")
    if not option.immediate and not option.delayed:
        lines.append("   [$text-muted]no effect[/]")
    if option.gate:
        lines.append(f"   [$text-error]✗ {plain(option.gate)}[/]")
    return Hanging((line, 3) for line in lines)


class ChoiceModal(ModalScreen[ChoiceMade | None]):
    """Pick one choice with the arrows and Enter, or its number; Escape cancels."""

    BINDINGS: ClassVar[list[Binding]] = [  # type: ignore[assignment]
        Binding("escape", "dismiss(None)", "Cancel", id="choice.cancel"),
        *[Binding(str(n), f"pick({n - 1})", f"Choice {n}", show=False, id=f"choice.pick-{n}")
          for n in range(1, 5)],
    ]
    """Escape cancels; 1–4 pick a choice directly."""

    def __init__(self, prompt: ChoicePrompt) -> None:
        super().__init__()
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        p = self.prompt
        with Vertical(classes="dialog", id="choice-dialog") as box:
            box.border_title = p.title
            with VerticalScroll(id="choice-scroll"):
                yield Static(f"[b]{plain(p.heading)}[/b]", id="choice-heading")
                yield Static(plain(p.text), id="choice-text", classes="dialog-text")
                if p.artists:
                    most = f" ({plain(p.default_artist)})" if p.default_artist else ""
                    yield Select([(name, aid) for aid, name in p.artists],
                                 prompt=f"The most popular artist{most}", id="choice-artist")
                yield InlineOptionList(*[
                    Option(choice_prompt_text(i, o, p.default_choice), id=o.choice.id,
                           disabled=o.gate is not None)
                    for i, o in enumerate(p.choices, 1)], id="choice-list")
                yield Static("", id="choice-detail", classes="hint")
            later = "decide later" if p.default_choice else "cancel"
            yield Static(f"↑↓ move · enter choose · 1–{len(p.choices)} pick · esc {later}",
                         classes="hint")

    def on_mount(self) -> None:
        # the dialog opens at its heading: focusing the choices scrolled a short screen (80x24)
        # down to them, out of sight of the heading and the situation; the highlight, as it
        # moves, scrolls the choices into view
        choices = self.query_one("#choice-list", OptionList)
        choices.focus(scroll_visible=False)
        first = next((i for i, o in enumerate(self.prompt.choices) if o.gate is None), None)
        choices.highlighted = first
        self.call_after_refresh(self.query_one("#choice-scroll").scroll_home, animate=False,
                                immediate=True)

    @on(OptionList.OptionHighlighted, "#choice-list")
    def show_choice_text(self, event: OptionList.OptionHighlighted) -> None:
        option = next(o for o in self.prompt.choices if o.choice.id == event.option.id)
        self.query_one("#choice-detail", Static).update(plain(option.choice.text))

    @on(OptionList.OptionSelected, "#choice-list")
    def choose(self, event: OptionList.OptionSelected) -> None:
        self._finish(event.option.id or "")

    def action_pick(self, index: int) -> None:
        """Keys 1–4 pick a choice directly (when it can be taken)."""
        choices = self.prompt.choices
        if index < len(choices) and choices[index].gate is None:
            self._finish(choices[index].choice.id)

    def _finish(self, choice_id: str) -> None:
        artist_id = None
        if self.prompt.artists:
            value = self.query_one("#choice-artist", Select).value
            artist_id = value if isinstance(value, str) else None
        self.dismiss(ChoiceMade(choice_id, artist_id))


# ---------------------------------------------------------------------- builders


def concerns_line(session: GameSession, artist_id: str) -> str:
    """``This concerns Mira Vale (a visionary: mood effects count ×1.5).``"""
    name = artist_name(session.content, artist_id)
    swing = mood_swing(session.content, artist_id)
    return f"This concerns {name} ({swing})." if swing else f"This concerns {name}."


def _with_swing(session: GameSession, artist_id: str, name: str) -> str:
    """An artist in the meeting's picker: ``Mira Vale · mood ×1.5`` (the name alone at ×1)."""
    archetype = swinging_archetype(session.content, artist_id)
    if archetype is None:
        return name
    return f"{name} · mood ×{archetype.mood_swing:g}"


def meeting_prompt(session: GameSession, role_id: str) -> ChoiceModal:
    """The modal for the meeting ``role_id``'s executive brings this month."""
    option = next(m for m in session.options().meetings if m.role.id == role_id)
    state = session.state
    artists: tuple[tuple[str, str], ...] = ()
    default = ""
    text = option.meeting.prompt
    if option.meeting.concerns_artist and len(state.artists) > 1:
        artists = tuple((a.id, _with_swing(session, a.id, a.name)) for a in state.artists)
        signing = [a.artist_id for a in session.plan if isinstance(a, SignArtist)]
        most = most_popular_artist(state, signing)  # the engine's pick when none is chosen
        default = artist_name(session.content, most) if most else ""
    elif option.meeting.concerns_artist and state.artists:
        text += f"\n\n{concerns_line(session, state.artists[0].id)}"
    role = option.role
    return ChoiceModal(ChoicePrompt(
        f"{role.title} · {role.name} · relationship {state.relationship(role.id)}",
        option.meeting.title, text, option.choices, artists=artists, default_artist=default))


def conversation_prompt(session: GameSession, artist_id: str) -> ChoiceModal:
    """The modal for this month's conversation with ``artist_id``."""
    option = next(c for c in session.options().conversations if c.artist_id == artist_id)
    name = artist_name(session.content, artist_id)
    conv = option.conversation
    text = conv.prompt.replace("{artist}", name)
    swing = mood_swing(session.content, artist_id)
    if swing:
        text += f"\n\n{name} is {swing}."
    return ChoiceModal(ChoicePrompt(f"Talk with {name}", conv.title, text, option.choices))


def event_prompt(session: GameSession) -> ChoiceModal:
    """The modal for the pending random event (there must be one)."""
    event = session.options().event
    assert event is not None, "no pending event"
    text = event.event.prompt
    if event.artist_id:
        text += f"\n\n{concerns_line(session, event.artist_id)}"
    return ChoiceModal(ChoicePrompt(
        f"Event · {event.event.category.capitalize()}", event.event.title, text, event.choices,
        default_choice=event.event.default_choice))
