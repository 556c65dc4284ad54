"""``FormButton``, ``FormInput``, ``FormCheckbox`` look like Textual's widgets in every state.

Each form control is drawn next to the Textual widget it trims the stylesheet of, in the same
state, and the two must render the same cells (text and style), in the default theme and in
an ANSI theme. A Textual upgrade that changes its widgets' rules makes these fail.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Footer, Input
from textual.widgets._footer import FooterKey

from labelmgr.tui.factory import make_app
from labelmgr.tui.widgets.controls import FormButton, FormCheckbox, FormInput
from labelmgr.tui.widgets.footer import GameFooter
from tests.tui.conftest import settle

THEMES = ["textual-dark", "textual-light", "ansi-dark"]


class Pair(App[None]):
    """Textual's widget (``#theirs``) above ours (``#ours``)."""

    def __init__(self, theirs: Widget, ours: Widget, theme: str) -> None:
        super().__init__()
        self._pair = (theirs, ours)
        self.theme = theme

    def compose(self) -> ComposeResult:
        theirs, ours = self._pair
        theirs.id, ours.id = "theirs", "ours"
        yield theirs
        yield ours
        yield Button("elsewhere", id="elsewhere")


def cells(widget: Widget) -> list[list[tuple[str, object]]]:
    """What the widget draws, border and padding included: each line's segments."""
    lines = widget.render_lines(Region(0, 0, *widget.outer_size))
    assert lines, f"{widget} drew nothing"
    return [[(segment.text, segment.style) for segment in line] for line in lines]


State = Callable[[Pilot, Widget], Awaitable[None]]


async def plain(pilot: Pilot, widget: Widget) -> None:
    await pilot.pause()


async def focused(pilot: Pilot, widget: Widget) -> None:
    widget.focus()
    await pilot.pause()


async def hovered(pilot: Pilot, widget: Widget) -> None:
    await pilot.hover(widget)
    await pilot.pause()


async def pressed(pilot: Pilot, widget: Widget) -> None:
    widget.add_class("-active")
    await pilot.pause()


async def disabled(pilot: Pilot, widget: Widget) -> None:
    widget.disabled = True
    await pilot.pause()


async def checked(pilot: Pilot, widget: Widget) -> None:
    widget.value = True  # type: ignore[attr-defined]
    widget.focus()
    await pilot.pause()


async def typed(pilot: Pilot, widget: Widget) -> None:
    widget.focus()
    await pilot.pause()
    await pilot.press(*"ana")


async def _same_look(theirs: Widget, ours: Widget, theme: str, state: State) -> None:
    app = Pair(theirs, ours, theme)
    async with app.run_test(size=(80, 12)) as pilot:
        if isinstance(theirs, Input):
            theirs.cursor_blink = ours.cursor_blink = False  # type: ignore[attr-defined]
        drawn = []
        for widget in (theirs, ours):
            await pilot.click("#elsewhere")  # no focus or hover left from the other one
            await state(pilot, widget)
            drawn.append((widget.size, cells(widget)))
        assert drawn[1] == drawn[0]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("variant", ["default", "primary"])
@pytest.mark.parametrize("state", [plain, focused, hovered, pressed, disabled])
async def test_form_button_looks_like_textual_button(theme, variant, state):
    await _same_look(Button("Log in", variant=variant), FormButton("Log in", variant=variant),
                     theme, state)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("state", [plain, focused, typed, hovered])
@pytest.mark.parametrize("password", [False, True])
async def test_form_input_looks_like_textual_input(theme, state, password):
    await _same_look(Input(placeholder="your name", password=password),
                     FormInput(placeholder="your name", password=password), theme, state)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("state", [plain, focused, hovered, checked])
async def test_form_checkbox_looks_like_textual_checkbox(theme, state):
    await _same_look(Checkbox("Remember me"), FormCheckbox("Remember me"), theme, state)


def test_form_button_refuses_a_variant_it_has_no_style_for():
    with pytest.raises(ValueError, match="FormButton variants"):
        FormButton("Quit", variant="error")


class Footers(App[None]):
    """Textual's footer or the game's, over the same keys."""

    BINDINGS = [("ctrl+r", "noop('r')", "Register"), ("f2", "noop('q')", "Quit"),
                ("f3", "noop('d')", "Dashboard")]

    def __init__(self, footer: type[Footer]) -> None:
        super().__init__()
        self._footer = footer

    def compose(self) -> ComposeResult:
        yield self._footer()

    def action_noop(self, key: str) -> None:
        """The keys do nothing here."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if self.screen.has_class("-dim") else True


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("dimmed", [False, True])
async def test_game_footer_draws_what_textual_footer_draws(width, dimmed):
    """Same keys, compact below 100 columns (Textual's footer set to match), dimmed alike."""
    drawn = []
    for footer in (Footer, GameFooter):
        app = Footers(footer)
        async with app.run_test(size=(width, 3)) as pilot:
            shown = app.query_one(footer)
            if footer is Footer:
                shown.compact = width < GameFooter.NARROW
                shown.show_command_palette = width >= GameFooter.NARROW
            app.screen.set_class(dimmed, "-dim")
            app.refresh_bindings()
            await pilot.pause()
            await pilot.pause()
            drawn.append([(key.region, cells(key)) for key in shown.query(FooterKey)])
    assert drawn[1] == drawn[0]
    assert "Dashboard" in "".join(text for _, key in drawn[1] for line in key for text, _ in line)


async def test_game_footer_follows_the_terminal_across_the_width_line():
    """Made narrower than 100 columns, the footer turns compact and drops the palette hint
    at once (before, the hint stayed, with a stray letter of the keys beside it, until the
    keys next changed); made wide again, the hint comes back."""
    app = Footers(GameFooter)
    async with app.run_test(size=(120, 3)) as pilot:
        footer = app.query_one(GameFooter)
        await pilot.pause()
        assert footer.query(".-command-palette")
        for width, palette in ((80, False), (120, True), (50, False)):
            await pilot.resize_terminal(width, 3)
            await pilot.pause()
            await pilot.pause()
            assert footer.compact == (not palette)
            assert bool(footer.query(".-command-palette")) == palette, width
            keys = [str(key.description) for key in footer.query(FooterKey)]
            assert keys[:3] == ["Register", "Quit", "Dashboard"]


async def test_a_screen_with_keys_of_its_own_keeps_every_key_in_view_at_100(make_session):
    """At 100 columns the planner's footer (its x Remove and the nine global keys, padded,
    with the palette hint) ran past the edge: Saves was cut off, and on the roster News too.
    The footer turns compact until its keys fit."""
    app = make_app(session=make_session())
    async with app.run_test(size=(100, 30)) as pilot:
        for key, width in (("m", 100), ("r", 100), ("m", 130), ("d", 100)):
            await pilot.resize_terminal(width, 30)
            await pilot.press(key)
            await settle(pilot)
            footer = app.screen.query_one(GameFooter)
            keys = [k for k in footer.query(FooterKey) if not k.has_class("-command-palette")]
            hint = footer.query(".-command-palette")
            edge = hint.first().region.x if hint else width  # the hint is docked over them
            assert keys[-1].description == "Saves"
            assert all(k.region.width > 0 and k.region.right <= edge for k in keys), (key, width)
            assert bool(hint) == (width == 130 or key == "d"), (key, width)
            assert footer.compact == (not hint)


async def test_at_80_columns_no_key_is_cut_in_the_middle_of_its_name(make_session):
    """At 80 columns the planner's footer ended 'n News s' and the projects' 'n News s':
    Saves ran past the edge. A key that does nothing here (the screen's own, dimmed) now
    makes room first, then whole keys go from the end; a wider terminal brings them back."""
    app = make_app(session=make_session())
    own = {"m": "Plan", "p": "Projects", "r": "Roster", "s": "Saves", "d": "Dashboard"}
    async with app.run_test(size=(80, 24)) as pilot:
        for key, width in (("m", 80), ("p", 80), ("r", 80), ("s", 80), ("s", 60),
                           ("s", 90), ("d", 80)):
            await pilot.resize_terminal(width, 24)
            await pilot.press(key)
            await settle(pilot)
            footer = app.screen.query_one(GameFooter)
            keys = list(footer.query(FooterKey))
            names = [k.description for k in keys]
            assert all(k.region.right <= width for k in keys), (key, width, names)
            assert all(k.region.width >= len(f"{k.key_display} {k.description}")
                       for k in keys), (key, width, names)
            assert "Help" in names and "Quit" in names
            if width >= 80 and key in "mpd":  # the roster's 'Sign / unsign' leaves no room
                assert names[-1] == "Saves", (key, names)
            if key in "mprs":
                assert own[key] not in names, (key, width, names)
        assert "Saves" in names and "Dashboard" in names  # back on the dashboard at 80
