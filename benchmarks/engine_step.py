"""Engine step alone: one month of a game with 100 / 1,000 / 10,000 released songs.

Usage: ``uv run python benchmarks/engine_step.py``. Prints the median of repeated runs and
the growth ratio against 100 songs. Target (issue 6): <= 20 ms at 10,000 songs.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _catalog import big_game  # noqa: E402

from labelmgr.content import load_content  # noqa: E402
from labelmgr.engine import advance_month  # noqa: E402


def median_ms(fn, repeats: int = 25) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    content = load_content()
    base = None
    print(f"{'songs':>8} {'engine step (ms)':>18} {'vs 100 songs':>14}")
    for songs in (100, 1_000, 10_000):
        state = big_game(content, songs)
        ms = median_ms(lambda state=state: advance_month(state, [], content))
        base = base or ms
        print(f"{songs:>8,} {ms:>18.2f} {ms / base:>13.1f}x")
    print("target: <= 20 ms at 10,000 songs and 50 artists")


if __name__ == "__main__":
    main()
