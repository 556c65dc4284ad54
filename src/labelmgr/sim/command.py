"""``labelmgr sim``: play seeded campaigns headless with scripted policies and report."""

from __future__ import annotations

import argparse
import csv
import json
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


def _validate(args: argparse.Namespace, content: Content) -> None:
    if args.campaigns < 1:
        raise LabelError("VAL_CAMPAIGNS", "--campaigns must be at least 1")
    if args.workers < 1:
        raise LabelError("VAL_WORKERS", "--workers must be at least 1")
    if not 0 <= args.sim_seed <= MAX_SEED - args.campaigns:
        raise LabelError("VAL_SEED", f"--seed must be between 0 and {MAX_SEED - args.campaigns:,}"
                         " (campaign i uses seed S + i)")
    if args.difficulty not in content.balance.difficulties:
        raise LabelError("VAL_DIFFICULTY", f"Unknown difficulty {shown(args.difficulty)}; choose one "
                         "of " + ", ".join(content.balance.difficulties))


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
