"""Time to the first interactive screen: ``labelmgr`` against a bare Textual app.

Usage: ``uv run python benchmarks/startup.py [--runs N]``.

Each run is a fresh process (interpreter start included) that builds the app exactly as
``labelmgr`` does (``run_game``'s ``make_app`` with the lazy service factory, a new
database and config folder) and runs it headless; the autopilot exits as soon as the app
is ready, i.e. its first screen is mounted and painted. The bare app does the same with a
single Label. Runs alternate between the two so machine noise hits both alike.
Target (issue 6): labelmgr <= 1.3x the bare app.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

LABELMGR = """
import sys
from functools import partial
from labelmgr.tui.factory import make_app
from labelmgr.tui.run import open_game_service

import time

async def first_screen(pilot):
    print(time.time() - float(sys.argv[2]), type(pilot.app.screen).__name__, flush=True)
    pilot.app.exit()

app = make_app(service_factory=partial(open_game_service, sys.argv[1], None))
app.run(headless=True, auto_pilot=first_screen)
"""

BARE = """
import sys
import time
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("hello")

async def first_screen(pilot):
    print(time.time() - float(sys.argv[2]), type(pilot.app.screen).__name__, flush=True)
    pilot.app.exit()

Bare().run(headless=True, auto_pilot=first_screen)
"""


def run_once(code: str, db: str, env: dict[str, str]) -> float:
    """Seconds from launching the process to its first screen being ready."""
    out = subprocess.run([sys.executable, "-c", code, db, repr(time.time())], check=True,
                         env=env, capture_output=True, text=True).stdout
    return float(out.split()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "LABELMGR_CONFIG_DIR": os.path.join(tmp, "config")}
        db = os.path.join(tmp, "startup.db")
        run_once(LABELMGR, db, env)            # warm the OS file cache for both
        run_once(BARE, db, env)
        ours, bare = [], []
        for _ in range(args.runs):
            ours.append(run_once(LABELMGR, db, env))
            bare.append(run_once(BARE, db, env))
    m_ours, m_bare = statistics.median(ours) * 1000, statistics.median(bare) * 1000
    print(f"labelmgr first screen  {m_ours:7.0f} ms (median of {args.runs})")
    print(f"bare Textual app       {m_bare:7.0f} ms")
    print(f"ratio                  {m_ours / m_bare:7.2f}x (target <= 1.3x)")


if __name__ == "__main__":
    main()
