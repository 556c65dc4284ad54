"""The crash property: SIGKILL at any moment of repeated month commits leaves a database that
passes ``integrity_check`` with every game at a whole month and money equal to its ledger.

Each of the kills is aimed at one long-running worker process that commits month after
month (``crash_worker.py``, forked from a warm parent so that 20 workers start fast); the
next worker goes on with the same database.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from labelmgr.storage.codec import unpack

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20
TIMEOUT = 180  # seconds for a worker to start (slow CI machines)


def check_database(path: Path) -> int:
    """Assert the crash property; return the total number of months committed."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        months = 0
        for game_id, month, money, blob in conn.execute(
                "SELECT id, month, money, state FROM games").fetchall():
            small = unpack(blob)
            logged = [m for (m,) in conn.execute(
                "SELECT month FROM action_log WHERE game_id = ? ORDER BY month", (game_id,))]
            assert logged == list(range(1, month))  # whole months, none half-written
            assert small["month"] == month and len(small["history"]) == month - 1
            (ledger_sum, last_entry) = conn.execute(
                "SELECT coalesce(sum(amount), 0), coalesce(max(month), 0) FROM ledger_entries "
                "WHERE game_id = ?", (game_id,)).fetchone()
            assert money == small["starting_money"] + ledger_sum == small["money"]
            assert last_entry <= month - 1
            autosaves = [m for (m,) in conn.execute(
                "SELECT month FROM save_slots WHERE game_id = ? AND kind = 'auto' "
                "ORDER BY id DESC", (game_id,))]
            assert autosaves[0] == month
            months += month - 1
        return months
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked")
def test_sigkill_during_month_commits_never_leaves_half_a_month(tmp_path: Path):
    db, config = tmp_path / "crash.db", tmp_path / "config"
    rng = random.Random(20240601)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    zygote = subprocess.Popen(
        [sys.executable, "-m", "tests.storage.crash_worker", str(db), str(config)],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert zygote.stdin is not None and zygote.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in zygote.stdout], daemon=True).start()
    progress = []
    try:
        assert lines.get(timeout=TIMEOUT) == "zygote\n"
        for _ in range(KILLS):
            zygote.stdin.write("fork\n")
            zygote.stdin.flush()
            word, pid = lines.get(timeout=TIMEOUT).split()
            assert word == "ready"
            time.sleep(rng.uniform(0.02, 0.3))
            os.kill(int(pid), signal.SIGKILL)  # still committing months when it lands
            zygote.stdin.write(f"reap {pid}\n")
            zygote.stdin.flush()
            assert lines.get(timeout=TIMEOUT).split() == ["reaped", pid, str(signal.SIGKILL)]
            progress.append(check_database(db))
    finally:
        zygote.kill()
        zygote.wait(timeout=30)
    assert progress == sorted(progress) and progress[-1] >= 2 * KILLS
