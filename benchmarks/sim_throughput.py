"""Simulator throughput: full 12-month campaigns per second, per policy.

Usage: ``uv run python benchmarks/sim_throughput.py [--scale X] [--policy NAME]``.

For each policy it plays a batch in this process (one worker) and then the same batch
spread over every core, and prints campaigns per second for both. Times are wall-clock
(``perf_counter``) after a warm-up; the pool is started and the content loaded before the
clock starts. The one-worker figure is also given in CPU time (``process_time``), which
other work on the machine disturbs less. Target (issue 5): >= 500 campaigns per second per
core with ``random`` (it measures the engine, not the look-ahead); aim for 1,000.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import sys
import time

from labelmgr.content import load_content
from labelmgr.sim import POLICIES, play_campaign
from labelmgr.sim.runner import _init_worker, _play

CAMPAIGNS: dict[str, int] = {"idle": 600, "random": 600, "greedy": 300, "balanced": 12}
"""Campaigns per batch at scale 1 (the look-ahead of ``balanced`` is far slower)."""

FIRST_SEED = 1_000


def one_worker(policy: str, campaigns: int) -> tuple[float, float]:
    """(wall, CPU) campaigns per second in this process, after a short warm-up."""
    content = load_content()
    for seed in range(3):
        play_campaign(content, policy, seed, "normal")
    wall, cpu = time.perf_counter(), time.process_time()
    for seed in range(FIRST_SEED, FIRST_SEED + campaigns):
        play_campaign(content, policy, seed, "normal")
    return (campaigns / (time.perf_counter() - wall), campaigns / (time.process_time() - cpu))


def all_cores(policy: str, campaigns: int, workers: int) -> float:
    """Campaigns per second over ``workers`` processes (pool start-up not counted)."""
    jobs = [(policy, seed, "normal") for seed in range(FIRST_SEED, FIRST_SEED + campaigns)]
    with mp.get_context("spawn").Pool(workers, initializer=_init_worker,
                                      initargs=(None,)) as pool:
        pool.map(_play, [(policy, seed, "normal") for seed in range(workers)])  # warm up
        start = time.perf_counter()
        pool.map(_play, jobs, chunksize=max(1, campaigns // (workers * 8)))
        return campaigns / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the batch sizes")
    parser.add_argument("--policy", default="all", help="one policy, or all")
    args = parser.parse_args()
    workers = os.cpu_count() or 1
    names = list(POLICIES) if args.policy == "all" else [args.policy]
    # the interpreter's build matters: the README compares two on the same machine
    print(f"Python {platform.python_version()} ({sys.executable}), "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'policy':<10} {'campaigns':>9} {'1 worker':>10} {'(CPU)':>10} "
          f"{f'{workers} workers':>11} {'per core':>9}")
    for name in names:
        n = max(workers, round(CAMPAIGNS[name] * args.scale))
        wall, cpu = one_worker(name, n)
        many = all_cores(name, n, workers)
        print(f"{name:<10} {n:>9,} {wall:>10,.1f} {cpu:>10,.1f} {many:>11,.1f} "
              f"{many / workers:>9,.1f}")
    print("campaigns per second; target: random >= 500 per core (aim 1,000)")


if __name__ == "__main__":
    main()
