"""``labelmgr sim``: play seeded campaigns headless with scripted policies and report."""

from __future__ import annotations

import argparse
import csv
import errno
import json
import multiprocessing as mp
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress

from labelmgr.content import Content, load_content
from labelmgr.engine import MAX_SEED
from labelmgr.errors import LabelError
from labelmgr.sim.policies import policy_names
from labelmgr.sim.report import print_report, progress_bar
from labelmgr.sim.runner import Batch, processes, run_batch
from labelmgr.sim.runner import Progress as Advance
from labelmgr.sim.stats import campaign_row, summarize
from labelmgr.wording import shown

MAX_CAMPAIGNS = 100_000
"""Campaigns per policy in one run: every campaign's record stays in memory for the report
(about 4 KB for ``random``, 11 KB for ``balanced``), so a mistyped count must not fill it."""


def max_workers() -> int:
    """Processes one run may start: twice the machine's cores (more only adds processes,
    each with its own copy of the content), and never fewer than 2."""
    return max(2, 2 * (os.cpu_count() or 1))


def _validate(args: argparse.Namespace, content: Content) -> None:
    if not 1 <= args.campaigns <= MAX_CAMPAIGNS:
        raise LabelError("VAL_CAMPAIGNS", f"--campaigns must be between 1 and {MAX_CAMPAIGNS:,}"
                         " (campaigns per policy)")
    most = max_workers()
    if not 1 <= args.workers <= most:
        raise LabelError("VAL_WORKERS", f"--workers must be between 1 and {most} "
                         f"(twice this machine's {os.cpu_count() or 1} cores)")
    if args.csv is not None:
        if not args.csv.strip():
            raise LabelError("VAL_CSV", "--csv needs a file name")
        _check_csv_target(Path(args.csv))
    if not 0 <= args.sim_seed <= MAX_SEED - args.campaigns:
        raise LabelError("VAL_SEED", f"--seed must be between 0 and {MAX_SEED - args.campaigns:,}"
                         " (campaign i uses seed S + i)")
    if args.difficulty not in content.balance.difficulties:
        raise LabelError("VAL_DIFFICULTY", f"Unknown difficulty {shown(args.difficulty)}; choose one "
                         "of " + ", ".join(content.balance.difficulties))


def _check_csv_target(path: Path) -> None:
    """Refuse a CSV path that cannot be written before any campaign runs (the file itself is
    written at the end, whole or not at all: an interrupted run leaves nothing behind).

    Raises:
        LabelError: ``VAL_CSV`` for a folder, a missing folder, or a folder
            where no file can be created (tried, not guessed from permission bits: they
            mean nothing to root, and a read-only file system says so only when tried).
    """
    folder = path.parent
    if path.is_dir():
        problem = "it is a folder"
    elif not folder.is_dir():
        problem = f"there is no folder {folder}"
    elif path.exists() and not os.access(path, os.W_OK):
        problem = "permission denied"
    else:
        try:
            fd, probe = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
            os.close(fd)
            os.unlink(probe)
            return
        except OSError as exc:
            problem = ("permission denied" if exc.errno == errno.EACCES
                       else exc.strerror or str(exc))
    raise LabelError("VAL_CSV", f"Cannot write {path}: {problem}")


def build_report(batches: list[Batch], content: Content, args: argparse.Namespace
                 ) -> dict[str, Any]:
    """The whole report as a JSON-ready dict (schema in the README's Balance section)."""
    return {
        "difficulty": args.difficulty,
        "first_seed": args.sim_seed,
        "campaigns_per_policy": args.campaigns,
        "workers": args.workers,
        "content_hash": content.content_hash,
        "policies": {b.policy: summarize(b, content) for b in batches},
    }


def write_csv(path: Path, batches: list[Batch]) -> None:
    """One row per campaign, every policy, written whole or not at all: into a temporary
    file next to ``path``, renamed over it once complete (an existing file stays as it was
    if writing fails or is interrupted).

    Raises:
        LabelError: ``VAL_CSV`` when the file cannot be written.
    """
    rows = [campaign_row(r) for b in batches for r in b.records]
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise LabelError("VAL_CSV", f"Cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:  # Ctrl-C while writing
        tmp.unlink(missing_ok=True)
        raise


class _Terminated(KeyboardInterrupt):
    """SIGTERM arrived: the run stops as for Ctrl-C."""


def _terminated(_signum: int, _frame: object) -> None:
    raise _Terminated


class _Stopped(Exception):
    """Raised in the playing thread once the run was interrupted."""


def play_batches(content: Content, names: list[str], args: argparse.Namespace,
                 content_dir: Path | None, bar: Progress | None) -> list[Batch]:
    """Play each policy's batch in a helper thread while the main thread waits, free to take
    a Ctrl-C at once; the playing thread then stops at its next campaign, and a pool's
    workers end with it (or by the pool's exit handler, if the process exits first).

    A terminal sends Ctrl-C's SIGINT to every process of the command, so the pool's workers
    are started with SIGINT ignored (a disposition a new program inherits; the main thread
    ignores it for the few milliseconds until they run): else each would die printing
    'Process SpawnPoolWorker-N:' and a traceback.

    Raises:
        KeyboardInterrupt: the run was interrupted; nothing is returned.
    """
    stop = threading.Event()
    batches: list[Batch] = []
    for name in names:
        task = bar.add_task(name, total=args.campaigns) if bar else None
        outcome: dict[str, Any] = {}

        def advance(n: int, task: Any = task) -> None:
            if stop.is_set():
                raise _Stopped
            if bar is not None:
                bar.advance(task, n)

        def work(name: str = name, advance: Advance = advance,
                 outcome: dict[str, Any] = outcome) -> None:
            try:
                outcome["batch"] = run_batch(
                    content, name, campaigns=args.campaigns, first_seed=args.sim_seed,
                    difficulty=args.difficulty, workers=args.workers,
                    content_dir=str(content_dir) if content_dir else None, progress=advance)
            except BaseException as exc:  # handed to the main thread
                outcome["error"] = exc

        thread = threading.Thread(target=work, name=f"labelmgr-sim-{name}", daemon=True)
        pool = processes(args.workers, args.campaigns)  # the runner's own count
        try:
            if pool > 1 and threading.current_thread() is threading.main_thread():
                _start_workers_deaf(thread, pool)
            else:
                thread.start()
            while thread.is_alive():
                thread.join(0.2)
        except KeyboardInterrupt:
            stop.set()
            raise
        if "error" in outcome:
            raise outcome["error"]
        batches.append(outcome["batch"])
    return batches


DEAF_SECONDS = 5.0
"""The longest Ctrl-C is ignored while a pool starts (starting its processes takes a few
milliseconds: they run once started, their imports come after)."""


def _start_workers_deaf(thread: threading.Thread, workers: int) -> None:
    """Start ``thread`` (which starts a pool of ``workers`` processes) with SIGINT ignored
    until the pool's processes run (or the thread has ended; at most ``DEAF_SECONDS``, so
    that a pool that cannot keep its workers never leaves Ctrl-C ignored)."""
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    deadline = time.monotonic() + DEAF_SECONDS
    try:
        thread.start()
        while (thread.is_alive() and len(mp.active_children()) < workers
               and time.monotonic() < deadline):
            time.sleep(0.002)
    finally:
        signal.signal(signal.SIGINT, before)


def run_sim(args: argparse.Namespace) -> int:
    """Run the simulator for the parsed ``sim`` arguments; returns the exit code.

    Raises:
        LabelError: ``VAL_*`` for bad arguments, ``CONTENT_*`` for bad content.
    """
    names = policy_names(args.policy)
    content_dir = Path(args.content) if args.content else None
    console = Console(stderr=True)
    # SIGTERM (``kill PID``, ``timeout``) stops the run as Ctrl-C does; by default it ended
    # this process alone and left the pool's workers playing their chunks as orphans
    on_term = threading.current_thread() is threading.main_thread()
    before = signal.signal(signal.SIGTERM, _terminated) if on_term else None
    try:
        content = load_content(content_dir)
        _validate(args, content)
        # a bar only on a terminal: in a file or a pipe it would leave a stray line
        with progress_bar(console, enabled=not args.json and console.is_terminal) as bar:
            batches = play_batches(content, names, args, content_dir, bar)
        if args.csv is not None:
            write_csv(Path(args.csv), batches)
    except KeyboardInterrupt as exc:
        stopped = isinstance(exc, _Terminated)
        print(f"labelmgr: {'stopped (SIGTERM)' if stopped else 'interrupted'}: no report printed"
              + (f", {args.csv} not written" if args.csv is not None else ""), file=sys.stderr)
        return 128 + (signal.SIGTERM if stopped else signal.SIGINT)
    finally:
        if on_term and before is not None:
            signal.signal(signal.SIGTERM, before)
    report = build_report(batches, content, args)
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        out = Console()
        if not out.is_terminal:
            out.width = 120   # a file or a pipe: wide enough for every table
        print_report(out, report)
    return 0
