"""The SIGKILL harness shared by ``test_crash.py`` (CI) and ``benchmarks/crash_loop.py``.

``Zygote`` drives ``crash_worker.py``: a warm parent that forks one long-running worker per
kill, each committing months on the same database until it is killed at a random moment.
``audit_database`` says what a kill left behind: whether SQLite's ``integrity_check`` fails,
which games hold half a month (game row vs state blob vs action log vs ledger vs autosave vs
song rows and song counters), and how many months are committed in all.
"""

from __future__ import annotations

import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

import numpy as np

from labelmgr.storage.codec import unpack
from labelmgr.storage.counters import counters_from_blob
from labelmgr.storage.rows import FIXED_SONG_COLUMNS
from labelmgr.storage.snapshot import decode_snapshot

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 180  # seconds for a worker to start (slow CI machines)


@dataclass
class Audit:
    """What one look at the database found."""

    corrupt: list[str] = field(default_factory=list)
    half_applied: list[str] = field(default_factory=list)
    months: int = 0


def audit_database(path: Path) -> Audit:
    """Integrity, whole months and the committed month count of a crash-test database."""
    audit = Audit()
    conn = sqlite3.connect(path)
    try:
        found = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if found != ["ok"]:
            audit.corrupt = found
            return audit
        for game_id, month, money, blob in conn.execute(
                "SELECT id, month, money, state FROM games").fetchall():
            audit.half_applied += [f"game {game_id}: {p}"
                                   for p in _month_problems(conn, game_id, month, money, blob)]
            audit.months += month - 1
    except sqlite3.DatabaseError as e:
        audit.corrupt = [str(e)]
    finally:
        conn.close()
    return audit


def _month_problems(conn: sqlite3.Connection, game_id: int, month: int, money: int,
                    blob: bytes) -> list[str]:
    small = unpack(blob)
    problems = []
    logged = [m for (m,) in conn.execute(
        "SELECT month FROM action_log WHERE game_id = ? ORDER BY month", (game_id,))]
    if logged != list(range(1, month)):
        problems.append(f"month {month} but the action log holds months {logged}")
    if small["month"] != month or len(small["history"]) != month - 1:
        problems.append(f"month {month} but the state is at {small['month']} with "
                        f"{len(small['history'])} months of history")
    ledger_sum, last_entry = conn.execute(
        "SELECT coalesce(sum(amount), 0), coalesce(max(month), 0) FROM ledger_entries "
        "WHERE game_id = ?", (game_id,)).fetchone()
    if not money == small["starting_money"] + ledger_sum == small["money"]:
        problems.append(f"money {money} (state {small['money']}) but starting money "
                        f"{small['starting_money']} + ledger {ledger_sum}")
    if last_entry > month - 1:
        problems.append(f"ledger entries of month {last_entry} in month {month}")
    newest = conn.execute("SELECT month, snapshot FROM save_slots WHERE game_id = ? AND "
                          "kind = 'auto' ORDER BY id DESC LIMIT 1", (game_id,)).fetchone()
    if newest is None or newest[0] != month:
        problems.append(f"month {month} but the newest autosave is "
                        f"{newest[0] if newest else None}")
    else:
        problems += _song_problems(conn, game_id, month, newest[1])
    return problems


def _song_problems(conn: sqlite3.Connection, game_id: int, month: int, snapshot: bytes
                   ) -> list[str]:
    """The song rows and the counters block hold the songs of the month's autosave."""
    songs = decode_snapshot(snapshot).songs
    rows = conn.execute(f"SELECT song_id, {', '.join(FIXED_SONG_COLUMNS)} FROM songs WHERE "
                        "game_id = ? ORDER BY song_id", (game_id,)).fetchall()
    expected = np.column_stack([songs.id, *(getattr(songs, c) for c in FIXED_SONG_COLUMNS)])
    if rows != [tuple(r) for r in expected.tolist()]:
        return [f"month {month} but the song rows differ from its autosave"]
    (block,) = conn.execute("SELECT data FROM song_counters WHERE game_id = ?",
                            (game_id,)).fetchone() or (None,)
    if block is None:
        return [f"month {month} but the song counters are missing"]
    counters = counters_from_blob(block, len(rows))
    if any(not np.array_equal(v, getattr(songs, c)) for c, v in counters.items()):
        return [f"month {month} but the song counters differ from its autosave"]
    return []


def check_database(path: Path) -> int:
    """Assert the crash property; return the total number of months committed."""
    audit = audit_database(path)
    assert audit.corrupt == [] and audit.half_applied == [], audit
    return audit.months


class Zygote:
    """The warm parent of the crash workers (a context manager; killed on exit)."""

    def __init__(self, db: Path, config: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.storage.crash_worker", str(db), str(config)],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.lines: queue.Queue[str] = queue.Queue()
        out = self.proc.stdout
        threading.Thread(target=lambda: [self.lines.put(x) for x in out], daemon=True).start()

    def __enter__(self) -> Zygote:
        assert self.lines.get(timeout=TIMEOUT) == "zygote\n"
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.proc.kill()
        self.proc.wait(timeout=30)

    def _say(self, line: str) -> list[str]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self.lines.get(timeout=TIMEOUT).split()

    def kill_worker_after(self, seconds: float) -> None:
        """Fork a worker; once it has committed a month, let it run ``seconds``, SIGKILL it."""
        word, pid = self._say("fork")
        assert word == "ready"
        time.sleep(seconds)
        os.kill(int(pid), signal.SIGKILL)  # still committing months when it lands
        assert self._say(f"reap {pid}") == ["reaped", pid, str(signal.SIGKILL)]
