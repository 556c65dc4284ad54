"""One persisted month in steady play, and the size of the game's database file.

Usage: ``uv run python benchmarks/persist_month.py [--songs N ...] [--months M]``.

For each catalogue size it stores the benchmark game (``_catalog.big_game``: month 30 of a
career, every song released in the last 28 months, so most of them still earn and change
every month — the expensive case), then plays ``M`` months on the same open database as a
player would (engine + ``GameRepo.commit_month``: the one transaction writing the changed
rows, the action log, the events and the rotating autosave). It prints the median and the
slowest month, the first month (cold statement caches), and the file size after a WAL
checkpoint (live rows + 3 autosaves).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _catalog import big_game  # noqa: E402

from labelmgr.content import Content, load_content  # noqa: E402
from labelmgr.engine import advance_month  # noqa: E402
from labelmgr.storage import GameRepo, UserRepo, open_database  # noqa: E402


def run(folder: Path, songs: int, months: int, content: Content) -> dict[str, float]:
    """Times (ms) of ``months`` persisted months and the file size (bytes)."""
    db = open_database(folder / f"persist{songs}.db")
    user_id = UserRepo(db, time.time).create("bench", "scrypt$not-a-real-hash").id
    repo = GameRepo(db, time.time)
    # a rich label, so that many months in a row never end in bankruptcy
    state = replace(big_game(content, songs), starting_money=10**9, money=10**9)
    game_id = repo.create(user_id, state, content.content_hash)
    times = []
    for version in range(1, months + 1):
        start = time.perf_counter()
        result = advance_month(state, [], content)
        repo.commit_month(user_id, game_id, version, state, result.state, [], result.events,
                          content.content_hash)
        times.append((time.perf_counter() - start) * 1000)
        state = result.state
    db.close()
    conn = sqlite3.connect(db.path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"first": times[0], "median": statistics.median(times[1:]),
            "max": max(times[1:]), "size": db.path.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--songs", type=int, nargs="+", default=[100, 1_000, 10_000])
    parser.add_argument("--months", type=int, default=12)
    args = parser.parse_args(argv)
    content = load_content()
    print(f"{'songs':>7} {'first ms':>9} {'median ms':>10} {'max ms':>8} {'file size':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for songs in args.songs:
            r = run(Path(tmp), songs, args.months, content)
            print(f"{songs:>7,} {r['first']:>9.1f} {r['median']:>10.1f} {r['max']:>8.1f} "
                  f"{int(r['size']):>12,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
