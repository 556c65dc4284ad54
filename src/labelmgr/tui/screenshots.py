"""Play a seeded game through the app and write an SVG of every screen and modal.

``python -m labelmgr.tui.screenshots [DIR]`` (default ``screenshots/``). The game runs
headless (``App.run_test``) on a throwaway database with a frozen clock, driven only by key
presses, from the profile screen to the campaign results: the same seed and keys give the
same pictures.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from textual.pilot import Pilot

from labelmgr.engine import seed_code
from labelmgr.service import open_service
from labelmgr.tui.app import LabelApp
from labelmgr.tui.factory import make_app
from labelmgr.tui.screens.projects import ProjectsScreen

SEED = 7
"""The world the screenshots show."""
SIZE = (100, 32)
"""Terminal size of every screenshot."""
NOW = 1_767_225_600.0
"""The frozen clock (2026-01-01 00:00 UTC)."""
USER, PASSWORD, LABEL = "ana", "correct horse battery", "Neon Owl Records"
"""Who plays, and the label's name."""


class Camera:
    """Writes numbered SVG screenshots of the app into a folder."""

    def __init__(self, app: LabelApp, pilot: Pilot[None], folder: Path) -> None:
        self.app, self.pilot, self.folder = app, pilot, folder
        self.written: list[Path] = []

    async def settle(self) -> None:
        """Let workers finish and their messages land."""
        for _ in range(2):
            await self.app.workers.wait_for_complete()
            await self.pilot.pause()

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await self.settle()

    async def type(self, text: str) -> None:
        await self.press(*[{" ": "space"}.get(ch, ch) for ch in text])

    async def shoot(self, name: str) -> None:
        """Save the current screen as ``NN-name.svg`` (text cursors shown, not blinking)."""
        await self.settle()
        for box in self.app.screen.query("Input"):
            box.cursor_blink = False  # type: ignore[attr-defined]
        await self.pilot.pause()
        path = self.folder / f"{len(self.written) + 1:02d}-{name}.svg"
        path.write_text(self.app.export_screenshot(title=f"labelmgr · {name}"),
                        encoding="utf-8")
        self.written.append(path)

    @property
    def screen_name(self) -> str:
        return type(self.app.screen).__name__


async def _pick_thrifty_choice(cam: Camera) -> None:
    """In a choice dialog, pick the first open choice that costs no money now or later."""
    prompt = cam.app.screen.prompt  # type: ignore[attr-defined]
    open_choices = [(i, c) for i, c in enumerate(prompt.choices, 1) if c.gate is None]
    if not open_choices:
        await cam.press("escape")
        return
    number = next((i for i, c in open_choices
                   if not any(b.startswith("-$") for b in c.immediate + c.delayed)),
                  open_choices[0][0])
    await cam.press(str(number))


async def _profile_and_menu(cam: Camera) -> None:
    await cam.shoot("profile")
    await cam.type(USER)
    await cam.press("enter")
    await cam.type(PASSWORD)
    await cam.press("ctrl+r")
    await cam.type(PASSWORD)
    await cam.shoot("register")
    await cam.press("enter")
    await cam.shoot("menu")
    await cam.press("n")
    await cam.type(LABEL)
    await cam.shoot("new-game")
    await cam.press("enter")
    await cam.shoot("dashboard")


async def _first_month(cam: Camera) -> None:
    await cam.press("r")
    await cam.shoot("roster")
    await cam.press("tab", "down", "down", "down")  # Ezra Lumen: cheap and gifted
    await cam.shoot("roster-discover")
    await cam.press("enter")
    await cam.press("p", "c", "tab", "tab")
    await cam.type("Low Tide")
    await cam.shoot("project-form")
    await cam.press("enter")
    await cam.shoot("projects")
    await cam.press("m")
    await cam.shoot("planner")
    await cam.press("enter")
    await cam.shoot("meeting")
    await _pick_thrifty_choice(cam)
    await cam.press("A")
    await cam.shoot("advance")
    await cam.press("enter")
    await cam.shoot("report")
    await cam.press("enter")


async def _answer_or_leave_event(cam: Camera, seen: set[str]) -> None:
    """After a report: an event's decision may open; picture it once, then pick a choice."""
    if cam.screen_name == "ChoiceModal":
        if "event" not in seen:
            seen.add("event")
            await cam.shoot("event")
        await _pick_thrifty_choice(cam)


async def _other_screens(cam: Camera) -> None:
    await cam.press("n")
    await cam.shoot("news")
    await cam.press("s")
    await cam.shoot("saves")
    await cam.press("c")
    await cam.type("After month one")
    await cam.press("enter")
    await cam.press("x")
    await cam.shoot("saves-delete")
    await cam.press("escape")
    await cam.press("question_mark")
    await cam.shoot("help")
    await cam.press("escape")


TITLES = ("Paper Moon", "Glass Hours", "Night Bus Psalm", "Coin-Op Heart", "Salt Lines",
          "Borrowed Weather", "Static Bloom", "Late Trains", "Hollow Crown", "Blue Hour",
          "Ferris Light", "Low Orbit")
"""Titles of the records started along the way."""


async def _start_a_record(cam: Camera, month: int) -> None:
    """Start a single for the first idle artist, if the form accepts it; else go back."""
    await cam.press("p", "c", "tab", "tab")
    await cam.type(TITLES[(month - 1) % len(TITLES)])
    await cam.press("enter")
    screen = cam.app.screen
    if isinstance(screen, ProjectsScreen) and screen.tabs.active == "tab-new":
        await cam.press("escape")  # refused (no free artist, slot or money): leave the form


async def _plan_and_advance(cam: Camera, seen: set[str]) -> None:
    """One month: a record if an artist is free, then the first open action (the event or
    a meeting) with a thrifty choice."""
    session = cam.app.session
    if session is not None:
        await _start_a_record(cam, session.state.month)
    await cam.press("m", "enter")
    if cam.screen_name == "ChoiceModal":
        await _pick_thrifty_choice(cam)
    await cam.press("A", "enter")
    await cam.press("enter")
    await _answer_or_leave_event(cam, seen)


async def _month_extras(cam: Camera, month: int, seen: set[str]) -> None:
    """Pictures that need a few months of play: marketing, the catalogue, a later dashboard."""
    if month == 2 and "marketing" not in seen:
        seen.add("marketing")
        await cam.press("m", "end", "enter")  # the last action: a marketing push
        if cam.screen_name == "MarketingModal":
            await cam.shoot("marketing")
            await cam.press("escape")
        await cam.press("home")  # back to the top of the actions for the month's plan
    if month == 9 and "catalogue" not in seen:
        seen.add("catalogue")
        await cam.press("p", "k")
        await cam.shoot("catalogue")
        await cam.press("d")
        await cam.shoot("dashboard-later")


async def _play_to_the_end(cam: Camera, seen: set[str]) -> None:
    """Play month after month until the campaign's results appear."""
    session = cam.app.session
    for _ in range(24):
        if cam.screen_name == "ResultsScreen" or session is None:
            break
        await _month_extras(cam, session.state.month, seen)
        await _plan_and_advance(cam, seen)
    await cam.shoot("results")
    await cam.press("escape", "q")
    await cam.shoot("leave")


async def capture(folder: Path) -> list[Path]:
    """Play the seeded game and write the screenshots; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("[0-9][0-9]-*.svg"):
        old.unlink()
    work = Path(tempfile.mkdtemp(prefix="labelmgr-shots-"))
    try:
        service = open_service(work / "screenshots.db", config_dir=work,
                               clock=lambda: NOW, scrypt_n=2**10)
        app = make_app(service, seed_code=seed_code(SEED))
        async with app.run_test(size=SIZE) as pilot:
            cam = Camera(app, pilot, folder)
            await cam.settle()
            seen: set[str] = set()
            await _profile_and_menu(cam)
            await _first_month(cam)
            await _answer_or_leave_event(cam, seen)
            await _other_screens(cam)
            await _play_to_the_end(cam, seen)
        service.close()
        return cam.written
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m labelmgr.tui.screenshots",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="screenshots",
                        help="where the SVGs go (default: screenshots/)")
    args = parser.parse_args(argv)
    written = asyncio.run(capture(Path(args.folder)))
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
