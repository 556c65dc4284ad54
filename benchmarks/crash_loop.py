"""SIGKILL a process that commits month after month, N times, and count what broke.

Each kill lands at a random moment (uniform between ``--min-delay`` and ``--max-delay``
seconds after the worker committed its first month) on a fresh worker that goes on with the
same database; after each kill the database is audited with the CI crash test's harness
(``tests/storage/crash_harness.py``): SQLite's ``integrity_check``, and for every game the
game row, the state blob, the action log, the ledger sum and the newest autosave must all
agree on a whole month.

Run from the repository root::

    uv run python benchmarks/crash_loop.py --kills 200
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200, help="how many workers to kill")
    parser.add_argument("--seed", type=int, default=1, help="seed of the kill moments")
    parser.add_argument("--min-delay", type=float, default=0.0)
    parser.add_argument("--max-delay", type=float, default=0.4)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tests.storage.crash_harness import Zygote, audit_database

    rng = random.Random(args.seed)
    corrupt = half = 0
    first_problems: list[str] = []
    months = [0]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="labelmgr-crash-") as folder:
        db = Path(folder) / "crash.db"
        with Zygote(db, Path(folder) / "config") as zygote:
            for kill in range(1, args.kills + 1):
                zygote.kill_worker_after(rng.uniform(args.min_delay, args.max_delay))
                audit = audit_database(db)
                corrupt += bool(audit.corrupt)
                half += bool(audit.half_applied)
                first_problems += audit.corrupt + audit.half_applied
                months.append(audit.months)
                if audit.corrupt:
                    print(f"kill {kill}: database corrupt, stopping: {audit.corrupt[:3]}")
                    break
                if kill % 20 == 0:
                    print(f"{kill} kills, {audit.months} months committed", flush=True)
        size = db.stat().st_size
    elapsed = time.perf_counter() - start
    went_back = sum(1 for a, b in zip(months, months[1:], strict=False) if b < a)
    kills = len(months) - 1
    rows = [("kills", kills), ("corrupt databases", corrupt),
            ("audits with a half-applied month", half),
            ("audits where the month count went back", went_back),
            ("months committed in all", months[-1]),
            ("months committed per worker", f"{months[-1] / max(kills, 1):.1f}"),
            ("database size (bytes)", f"{size:,}"), ("elapsed (s)", f"{elapsed:.1f}")]
    print()
    for label, value in rows:
        print(f"{label + ':':40s} {value}")
    for problem in first_problems[:10]:
        print(f"  {problem}")
    return 1 if corrupt or half or went_back else 0


if __name__ == "__main__":
    raise SystemExit(main())
