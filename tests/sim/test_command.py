"""``labelmgr sim`` as a maintainer runs it: help, the CSV file, output without a terminal,
and Ctrl-C in the middle of a run (one process, and a pool of workers)."""

from __future__ import annotations

import csv
import errno
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import labelmgr.sim.command as command
from labelmgr.cli import main
from labelmgr.engine import BADGES
from labelmgr.engine.rules.scoring import VICTORY_TYPES

ROOT = Path(__file__).resolve().parents[2]


def _sim(capsys, *args):
    code = main(["sim", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_help_names_the_values_and_their_defaults(capsys):
    with pytest.raises(SystemExit):
        main(["sim", "--help"])
    out = capsys.readouterr().out
    assert "SIM_SEED" not in out and "--seed S " in out
    for default in ("(default 200)", "(default 1)", "normal (default)", "or all (default)"):
        assert default in " ".join(out.split()), default


def test_no_progress_bar_without_a_terminal(capsys):
    """Piped or redirected, stderr stays empty (the bar used to leave a blank line there)."""
    code, out, err = _sim(capsys, "--campaigns", "2", "--policy", "idle")
    assert code == 0 and "Outcomes" in out
    assert err == ""


def test_an_empty_csv_name_is_refused(capsys, monkeypatch):
    """``--csv ''`` used to be taken for no ``--csv`` at all: the run wrote no file, silently."""
    monkeypatch.setattr(command, "run_batch", _must_not_run)
    code, out, err = _sim(capsys, "--campaigns", "2", "--policy", "idle", "--csv", "")
    assert code == 2 and out == ""
    assert err == "labelmgr: --csv needs a file name\n"


def _must_not_run(*_args, **_kwargs):
    raise AssertionError("the campaigns ran before the CSV path was checked")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_where_no_file_can_be_made_is_refused_before_anything_runs(capsys,
                                                                          monkeypatch):
    """The folder is tried, not judged by its permission bits (which say "writable" to root
    in /proc, or on a read-only file system): before, the campaigns ran and the write failed
    at the end."""
    monkeypatch.setattr(command, "run_batch", _must_not_run)
    code, out, err = _sim(capsys, "--campaigns", "2", "--policy", "idle",
                          "--csv", "/proc/labelmgr-runs.csv")
    assert code == 2 and out == ""
    assert err.startswith("labelmgr: Cannot write /proc/labelmgr-runs.csv: ")
    assert not Path("/proc/labelmgr-runs.csv").exists()


def test_a_failed_csv_write_keeps_the_file_that_was_there(capsys, tmp_path, monkeypatch):
    """The CSV is written whole or not at all: a disk filling up half-way leaves the old file
    as it was and no temporary file behind (before, the old file was already cut short)."""
    path = tmp_path / "runs.csv"
    path.write_text("the previous run\n", encoding="utf-8")

    def half_then_full(self, rows):
        rows = list(rows)
        csv.DictWriter.writerow(self, rows[0])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(csv.DictWriter, "writerows", half_then_full)
    code, out, err = _sim(capsys, "--campaigns", "2", "--policy", "idle", "--csv", str(path))
    assert code == 2 and out == ""
    assert err == f"labelmgr: Cannot write {path}: No space left on device\n"
    assert path.read_text(encoding="utf-8") == "the previous run\n"
    assert [p.name for p in tmp_path.iterdir()] == ["runs.csv"]


def test_a_csv_is_replaced_whole(capsys, tmp_path):
    path = tmp_path / "runs.csv"
    path.write_text("x\n" * 10_000, encoding="utf-8")
    code, _, _ = _sim(capsys, "--campaigns", "2", "--policy", "idle", "--csv", str(path))
    assert code == 0
    assert [r["seed"] for r in csv.DictReader(path.open(encoding="utf-8"))] == ["1", "2"]
    assert [p.name for p in tmp_path.iterdir()] == ["runs.csv"]


def _cpu_seconds(pid: int) -> float:
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _group(pgid: int) -> list[int]:
    """Live (not zombie) processes of the process group ``pgid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize(("how", "workers"), [("ctrl-c", 1), ("ctrl-c", 2), ("kill", 2)])
def test_ctrl_c_or_kill_stops_the_run_cleanly(tmp_path, how, workers):
    """Ctrl-C (SIGINT to every process of the command, as a terminal sends it) or ``kill PID``
    (SIGTERM to the command alone) stops the run at once: one short message, exit 130 or
    143, no CSV, no traceback, no process left. Before, on Ctrl-C the pool's workers each
    printed 'Process SpawnPoolWorker-N:' and the run said nothing; on SIGTERM the workers
    went on as orphans and printed BrokenPipeError tracebacks when their chunk was done."""
    path = tmp_path / "runs.csv"
    proc = subprocess.Popen(
        [sys.executable, "-m", "labelmgr", "sim", "--campaigns", "100000", "--policy",
         "balanced", "--workers", str(workers), "--csv", str(path)],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        # playing: the pool's workers and its resource tracker are up, or the one process
        # has spent well over its start-up's CPU time (about a second: imports, content)
        while (len(_group(proc.pid)) < 1 + 1 + workers if workers > 1
               else _cpu_seconds(proc.pid) < 3):
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        time.sleep(1)
        if how == "ctrl-c":
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.terminate()
        start = time.monotonic()
        out, err = proc.communicate(timeout=30)
        took = time.monotonic() - start
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    word, code = ("interrupted", 130) if how == "ctrl-c" else ("stopped (SIGTERM)", 143)
    assert proc.returncode == code, err
    assert err == f"labelmgr: {word}: no report printed, {path} not written\n"
    assert out == ""
    assert took < 10
    assert not path.exists() and list(tmp_path.iterdir()) == []
    deadline = time.monotonic() + 10
    while _group(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _group(proc.pid) == []


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_workers_stop_soon_and_quietly_when_the_run_is_killed_outright():
    """``kill -9`` reaches the command alone and cannot be passed on: its workers stop after
    the campaign each is playing, without a traceback. Before, each played out its chunk (32
    balanced campaigns, 5 s or more) and then printed a BrokenPipeError traceback."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "labelmgr", "sim", "--campaigns", "100000", "--policy",
         "balanced", "--workers", "2"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while len(_group(proc.pid)) < 1 + 1 + 2:  # the command, its resource tracker, 2 workers
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        time.sleep(1.5)  # the workers are playing their first chunk
        proc.kill()
        start = time.monotonic()
        out, err = proc.communicate(timeout=60)  # ends when the workers let go of the pipes
        took = time.monotonic() - start
        deadline = time.monotonic() + 10
        while _group(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        for pid in _group(proc.pid):
            os.kill(pid, signal.SIGKILL)
    assert out == ""
    # multiprocessing's resource tracker may warn that it cleaned up the pool's semaphores
    assert "Traceback" not in err and "Error" not in err, err
    assert took < 3
    assert _group(proc.pid) == []


@pytest.mark.parametrize("parent_alive", [False, True])
def test_a_worker_whose_run_was_killed_while_it_started_exits_at_once(parent_alive):
    """The pool hands each worker its own id: a worker still importing when ``kill -9`` hit
    the command asked for its parent too late (it got the process that adopted it), so it
    played a whole chunk and then printed a BrokenPipeError traceback (seen under load)."""
    parent = "os.getppid()" if parent_alive else "os.getppid() + 4_000_000"
    code = ("import os; from labelmgr.sim.runner import _init_worker; "
            f"_init_worker(None, {parent}); print('plays on')")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                         timeout=60)
    assert (run.returncode, run.stdout, run.stderr) == ((0, "plays on\n", "") if parent_alive
                                                         else (1, "", ""))


def test_ctrl_c_is_ignored_only_while_a_pool_starts(monkeypatch):
    """A pool that never gets its workers running (here: none at all) does not leave Ctrl-C
    ignored: the handler is back after ``DEAF_SECONDS`` at most."""
    monkeypatch.setattr(command, "DEAF_SECONDS", 0.2)
    release = threading.Event()
    thread = threading.Thread(target=release.wait, args=(30,), daemon=True)
    handler = signal.getsignal(signal.SIGINT)
    start = time.monotonic()
    try:
        command._start_workers_deaf(thread, workers=2)
        assert time.monotonic() - start < 5
        assert signal.getsignal(signal.SIGINT) is handler
    finally:
        release.set()
        thread.join()


def _documented_keys() -> tuple[list[str], list[str]]:
    """The keys of the README's two ``labelmgr sim --json`` tables (top level, a policy)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### `labelmgr sim --json`", 1)[1].split("\n### ", 1)[0]
    tables: list[list[str]] = []
    for block in section.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("| `")]
        if rows:
            tables.append([key for row in rows
                           for key in re.findall(r"`([a-z_0-9]+)`", row.split("|")[1])])
    top, policy = tables
    return top, policy


def test_json_is_exactly_the_readme_schema(capsys):
    """Every key the README documents, no other, with the documented types, for all four
    policies in the order played."""
    top_keys, policy_keys = _documented_keys()
    code, out, _ = _sim(capsys, "--campaigns", "2", "--policy", "all", "--seed", "9",
                        "--difficulty", "hard", "--json")
    assert code == 0
    report = json.loads(out)
    assert list(report) == top_keys
    assert (report["difficulty"], report["first_seed"], report["campaigns_per_policy"],
            report["workers"]) == ("hard", 9, 2, 1)
    assert isinstance(report["content_hash"], str) and report["content_hash"]
    assert list(report["policies"]) == ["idle", "random", "greedy", "balanced"]
    badges = {b.id for b in BADGES}
    for name, s in report["policies"].items():
        assert list(s) == policy_keys, name
        assert (s["policy"], s["difficulty"], s["first_seed"], s["campaigns"]) \
            == (name, "hard", 9, 2)
        assert isinstance(s["bankruptcies"], int) and s["bankrupt_rate"] == s["bankruptcies"] / 2
        assert list(s["victory_types"]) == list(VICTORY_TYPES)
        assert abs(sum(s["victory_types"].values()) - 1) < 1e-9
        for key in ("final_money", "final_reputation", "score"):
            assert list(s[key]) == ["p5", "p50", "p95", "mean"]
            assert all(isinstance(v, float | int) for v in s[key].values())
        assert set(s["badge_rates"]) == badges
        assert all(0 <= v <= 1 for v in s["badge_rates"].values())
        assert isinstance(s["average_releases"], float)
        assert isinstance(s["average_songs_released"], float)
        assert list(s["choice_pick_rates"]) == ["meetings", "events", "conversations"]
        for decisions in s["choice_pick_rates"].values():
            for row in decisions.values():
                assert list(row) == ["taken", "choices"] and isinstance(row["taken"], int)
                shares = list(row["choices"].values())
                # rounded to 4 decimals: three shares of 1/3 add up to 0.9999
                assert all(v is None for v in shares) if row["taken"] == 0 \
                    else abs(sum(shares) - 1) <= 0.00005 * len(shares)
        assert isinstance(s["campaigns_per_second"], float) and s["workers"] == 1


def test_the_command_gives_the_same_numbers_and_rows_on_any_worker_count(capsys, tmp_path):
    reports, rows = [], []
    for workers in ("1", "2"):
        path = tmp_path / f"runs{workers}.csv"
        code, out, _ = _sim(capsys, "--campaigns", "5", "--policy", "all", "--workers",
                            workers, "--json", "--csv", str(path))
        assert code == 0
        report = json.loads(out)
        del report["workers"]
        for s in report["policies"].values():
            del s["campaigns_per_second"], s["workers"]
        reports.append(report)
        rows.append(path.read_text(encoding="utf-8"))
    assert reports[0] == reports[1]
    assert rows[0] == rows[1] and rows[0].count("\n") == 1 + 4 * 5
