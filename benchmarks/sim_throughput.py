"""Simulator throughput: campaigns per second, per policy.

Usage: ``uv run python benchmarks/sim_throughput.py [--scale X] [--policy NAME]
[--repeat N]``.

For each policy it plays a batch in this process (one worker) and then the same batch
spread over every core, and prints campaigns per second for both, and the months a
campaign lasted on average (12, or fewer when the label went bankrupt). Times are
wall-clock (``perf_counter``), the best of ``--repeat`` runs of each batch (other work on
the machine only ever slows a run down), after the same warm-up in every process (three
campaigns, which build the memos and the generated copy functions once); the pool is
started, the content loaded and every worker warmed before the clock starts. The
one-worker and per-core figures are also given in CPU time (``process_time``: for the
pool, the campaigns over the CPU seconds the workers spent playing them), which other work
on the machine disturbs less. The last column turns the per-core wall-clock figure into
full 12-month campaigns (months played a second, over 12: a bankrupt campaign stops early). Target
(issue 5): >= 500 full 12-month campaigns per second per core with ``random`` (it measures
the engine, not the look-ahead); aim for 1,000.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import sys
import time
from collections.abc import Sequence
from multiprocessing.synchronize import Barrier

from labelmgr.content import Content, load_content
from labelmgr.sim import POLICIES, play_campaign
from labelmgr.sim.runner import Job, _init_worker, _play_chunk, chunks

CAMPAIGNS: dict[str, int] = {"idle": 600, "random": 600, "greedy": 300, "balanced": 12}
"""Campaigns per batch at scale 1 (the look-ahead of ``balanced`` is far slower)."""

FIRST_SEED = 1_000


def _warm_up(content: Content, policy: str) -> None:
    """Three campaigns before the clock starts (one-time costs out of the figures)."""
    for seed in range(3):
        play_campaign(content, policy, seed, "normal")


def _init_warm_worker(policy: str, ready: Barrier) -> None:
    """A pool worker's start: the shipped content, the warm-up, then wait for the others."""
    _init_worker(None)
    _warm_up(load_content(), policy)
    ready.wait()


def one_worker(policy: str, campaigns: int, repeat: int) -> tuple[float, float, float]:
    """(wall, CPU) campaigns per second in this process, after the warm-up, the best of
    ``repeat`` runs of the batch; and the months a campaign lasted on average."""
    content = load_content()
    _warm_up(content, policy)
    best_wall = best_cpu = 0.0
    months = 0
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        months = sum(play_campaign(content, policy, seed, "normal").months
                     for seed in range(FIRST_SEED, FIRST_SEED + campaigns))
        best_wall = max(best_wall, campaigns / (time.perf_counter() - wall))
        best_cpu = max(best_cpu, campaigns / (time.process_time() - cpu))
    return best_wall, best_cpu, months / campaigns


def _play_timed(jobs: Sequence[Job]) -> float:
    """A pool worker plays one chunk of campaigns (as ``labelmgr sim`` deals them); returns
    the CPU seconds it took."""
    start = time.process_time()
    _play_chunk(jobs)
    return time.process_time() - start


def all_cores(policy: str, campaigns: int, workers: int, repeat: int) -> tuple[float, float]:
    """Campaigns per second over ``workers`` processes, the best of ``repeat`` runs of the
    batch (pool start-up and each worker's warm-up not counted); and per core in CPU time
    (campaigns over the CPU seconds the workers spent on them: what the cores do while
    both are busy, without the time other work on the machine took from them)."""
    jobs = [(policy, seed, "normal") for seed in range(FIRST_SEED, FIRST_SEED + campaigns)]
    ctx = mp.get_context("spawn")
    ready = ctx.Barrier(workers + 1)
    best_wall = best_cpu = 0.0
    with ctx.Pool(workers, initializer=_init_warm_worker, initargs=(policy, ready)) as pool:
        ready.wait()  # every worker is started and warm
        for _ in range(repeat):
            start = time.perf_counter()
            cpu = sum(pool.imap(_play_timed, chunks(jobs, workers)))
            best_wall = max(best_wall, campaigns / (time.perf_counter() - start))
            best_cpu = max(best_cpu, campaigns / cpu)
    return best_wall, best_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the batch sizes")
    parser.add_argument("--policy", default="all", help="one policy, or all")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each batch; the best "
                        "counts")
    args = parser.parse_args()
    workers = os.cpu_count() or 1
    names = list(POLICIES) if args.policy == "all" else [args.policy]
    # the interpreter's build matters: the README compares two on the same machine
    print(f"Python {platform.python_version()} ({sys.executable}), "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'policy':<10} {'campaigns':>9} {'months':>7} {'1 worker':>10} {'(CPU)':>10} "
          f"{f'{workers} workers':>11} {'per core':>9} {'(CPU)':>9} {'12-month':>9}")
    for name in names:
        n = max(workers, round(CAMPAIGNS[name] * args.scale))
        wall, cpu, months = one_worker(name, n, args.repeat)
        many, many_cpu = all_cores(name, n, workers, args.repeat)
        print(f"{name:<10} {n:>9,} {months:>7.2f} {wall:>10,.1f} {cpu:>10,.1f} "
              f"{many:>11,.1f} {many / workers:>9,.1f} {many_cpu:>9,.1f} "
              f"{many / workers * months / 12:>9,.1f}")
    print("campaigns per second; (CPU): in CPU time; 12-month: per core (wall clock), in full "
          "12-month campaigns (the months played a second, over 12)")
    print("target: random >= 500 full 12-month campaigns per second per core (aim 1,000)")


if __name__ == "__main__":
    main()
