"""``labelmgr sim``: play seeded campaigns headless with scripted policies and report."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path
from typing import Any

from rich.console import Console

from labelmgr.content import Content, load_content
from labelmgr.engine import MAX_SEED
from labelmgr.errors import LabelError
from labelmgr.sim.policies import policy_names
from labelmgr.sim.report import print_report, progress_bar
from labelmgr.sim.runner import Batch, run_batch
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
    if args.csv:
        _check_csv_target(Path(args.csv))
    if not 0 <= args.sim_seed <= MAX_SEED - args.campaigns:
        raise LabelError("VAL_SEED", f"--seed must be between 0 and {MAX_SEED - args.campaigns:,}"
                         " (campaign i uses seed S + i)")
    if args.difficulty not in content.balance.difficulties:
        raise LabelError("VAL_DIFFICULTY", f"Unknown difficulty {shown(args.difficulty)}; choose one "
                         "of " + ", ".join(content.balance.difficulties))


def _check_csv_target(path: Path) -> None:
    """Refuse a CSV path that cannot be written before any campaign runs (the file itself is
    written at the end: an interrupted run leaves nothing behind).

    Raises:
        LabelError: ``VAL_CSV`` for a folder, a missing folder or one this user cannot
            write to.
    """
    folder = path.parent
    if path.is_dir():
        problem = "it is a folder"
    elif not folder.is_dir():
        problem = f"there is no folder {folder}"
    elif not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        problem = "permission denied"
    else:
        return
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
    """One row per campaign, every policy.

    Raises:
        LabelError: ``VAL_CSV`` when the file cannot be written.
    """
    rows = [campaign_row(r) for b in batches for r in b.records]
    try:
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    except OSError as exc:
        raise LabelError("VAL_CSV", f"Cannot write {path}: {exc.strerror}") from exc


def run_sim(args: argparse.Namespace) -> int:
    """Run the simulator for the parsed ``sim`` arguments; returns the exit code.

    Raises:
        LabelError: ``VAL_*`` for bad arguments, ``CONTENT_*`` for bad content.
    """
    names = policy_names(args.policy)
    content_dir = Path(args.content) if args.content else None
    content = load_content(content_dir)
    _validate(args, content)
    console = Console(stderr=True)
    batches = []
    with progress_bar(console, enabled=not args.json) as bar:
        for name in names:
            task = bar.add_task(name, total=args.campaigns) if bar else None

            def advance(n: int, task: Any = task) -> None:
                if bar is not None:
                    bar.advance(task, n)

            batches.append(run_batch(content, name, campaigns=args.campaigns,
                                     first_seed=args.sim_seed, difficulty=args.difficulty,
                                     workers=args.workers,
                                     content_dir=str(content_dir) if content_dir else None,
                                     progress=advance))
    if args.csv:
        write_csv(Path(args.csv), batches)
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
