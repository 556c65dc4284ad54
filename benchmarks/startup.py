"""Time to the first interactive screen: ``labelmgr`` against a bare Textual app.

Usage: ``uv run python benchmarks/startup.py [--runs N]``.

Each run is a fresh process (interpreter start included) that builds the app exactly as
``labelmgr`` does (``run_game``'s ``make_app`` with the lazy service factory, a new
database and config folder) and runs it headless; the autopilot exits as soon as the app
is ready, i.e. its first screen is mounted and painted. The bare app does the same with a
single Label. Runs alternate between the two so machine noise hits both alike.
Target (issue 6): labelmgr <= 1.3x the bare app.

Both run with compiled bytecode, as after ``pip install``/``uv sync`` on a player's machine:
the runs write and read it in a private cache folder (``PYTHONPYCACHEPREFIX``), even where
``PYTHONDONTWRITEBYTECODE`` is set (this development machine sets it, which made every run
recompile Textual and labelmgr from source and dominated the figures). The warm-up run of
each fills that cache.
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
    print(time.time() - float(sys.argv[2]), time.process_time(), type(pilot.app.screen).__name__,
          flush=True)
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
    print(time.time() - float(sys.argv[2]), time.process_time(), type(pilot.app.screen).__name__,
          flush=True)
    pilot.app.exit()

Bare().run(headless=True, auto_pilot=first_screen)
"""


def run_once(code: str, db: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launching the process to its first screen being ready: wall clock, and
    the CPU time the process used by then (steadier than the wall clock on a busy machine)."""
    out = subprocess.run([sys.executable, "-c", code, db, repr(time.time())], check=True,
                         env=env, capture_output=True, text=True).stdout
    wall, cpu = out.split()[:2]
    return float(wall), float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "LABELMGR_CONFIG_DIR": os.path.join(tmp, "config"),
               "PYTHONPYCACHEPREFIX": os.path.join(tmp, "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        db = os.path.join(tmp, "startup.db")
        run_once(LABELMGR, db, env)            # warm the OS file cache for both
        run_once(BARE, db, env)
        ours, bare = [], []
        for _ in range(args.runs):
            ours.append(run_once(LABELMGR, db, env))
            bare.append(run_once(BARE, db, env))
    for i, what in enumerate(("wall clock", "CPU time")):
        m_ours = statistics.median(r[i] for r in ours) * 1000
        m_bare = statistics.median(r[i] for r in bare) * 1000
        print(f"{what:<10}  labelmgr {m_ours:5.0f} ms, bare Textual app {m_bare:5.0f} ms "
              f"(medians of {args.runs}): {m_ours / m_bare:.2f}x (target <= 1.3x)")


if __name__ == "__main__":
    main()
