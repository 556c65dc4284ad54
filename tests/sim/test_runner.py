"""Batches and the ``labelmgr sim`` command: seeds, worker independence, outputs, errors."""

from __future__ import annotations

import csv
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from labelmgr.cli import main
from labelmgr.engine import BADGES
from labelmgr.engine.rules.scoring import VICTORY_TYPES
from labelmgr.sim import play_campaign, run_batch, summarize
from labelmgr.sim.runner import MAX_CHUNK, chunk_sizes, chunks, processes


def test_campaign_i_uses_seed_s_plus_i(content):
    batch = run_batch(content, "random", campaigns=4, first_seed=100, difficulty="hard")
    assert [r.seed for r in batch.records] == [100, 101, 102, 103]
    assert batch.records[2] == play_campaign(content, "random", 102, "hard")


def test_no_more_processes_than_campaigns(content):
    # --workers 2 --campaigns 1 reported 2 workers, though this process played it alone
    assert run_batch(content, "idle", campaigns=1, first_seed=1, difficulty="normal",
                     workers=2).workers == 1
    assert [processes(8, 3), processes(2, 600), processes(1, 600), processes(4, 0)] == [3, 2, 1,
                                                                                        1]


def test_results_do_not_depend_on_the_worker_count(content):
    one = run_batch(content, "random", campaigns=6, first_seed=7, difficulty="normal")
    two = run_batch(content, "random", campaigns=6, first_seed=7, difficulty="normal",
                    workers=2)
    assert one.records == two.records
    a, b = summarize(one, content), summarize(two, content)
    for s in (a, b):
        del s["campaigns_per_second"], s["workers"]
    assert a == b


def _sim(capsys, *args):
    code = main(["sim", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_output_has_the_documented_keys(capsys):
    code, out, _ = _sim(capsys, "--campaigns", "3", "--policy", "greedy", "--seed", "5",
                        "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["difficulty"], report["first_seed"], report["campaigns_per_policy"]) \
        == ("normal", 5, 3)
    s = report["policies"]["greedy"]
    assert s["campaigns"] == 3
    assert set(s["victory_types"]) == set(VICTORY_TYPES)
    assert abs(sum(s["victory_types"].values()) - 1) < 1e-9
    for key in ("final_money", "final_reputation", "score"):
        assert set(s[key]) >= {"p5", "p50", "p95"}
        assert s[key]["p5"] <= s[key]["p50"] <= s[key]["p95"]
    assert set(s["badge_rates"]) == {b.id for b in BADGES}
    assert set(s["choice_pick_rates"]) == {"meetings", "events", "conversations"}
    assert 0 <= s["bankrupt_rate"] <= 1 and s["campaigns_per_second"] > 0
    assert "average_releases" in s


def test_the_same_command_prints_the_same_numbers(capsys):
    runs = []
    for _ in range(2):
        _, out, _ = _sim(capsys, "--campaigns", "3", "--policy", "random", "--json")
        report = json.loads(out)
        del report["policies"]["random"]["campaigns_per_second"]
        runs.append(report)
    assert runs[0] == runs[1]


def test_tables_and_csv(capsys, tmp_path):
    path = tmp_path / "runs.csv"
    code, out, _ = _sim(capsys, "--campaigns", "2", "--policy", "idle", "--csv", str(path))
    assert code == 0
    assert "Outcomes" in out and "idle" in out and "Badges earned" in out
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [(r["policy"], r["seed"]) for r in rows] == [("idle", "1"), ("idle", "2")]
    assert rows[0]["victory_type"] == "Failure"


@pytest.mark.parametrize(("args", "needle"), [
    (["--policy", "lazy"], "Unknown policy"),
    (["--campaigns", "0"], "--campaigns"),
    (["--workers", "0"], "--workers"),
    (["--campaigns", "100001"], "--campaigns must be between 1 and 100,000"),
    (["--campaigns", "100000000000"], "--campaigns must be between 1 and 100,000"),
    (["--workers", "10000"], "--workers must be between 1 and "),
    (["--csv", "/nonexistent-folder/runs.csv"], "there is no folder /nonexistent-folder"),
    (["--seed", "-1"], "--seed"),
    (["--difficulty", "nightmare"], "Unknown difficulty"),
])
def test_bad_arguments_are_refused_with_a_clear_message(capsys, args, needle):
    code, out, err = _sim(capsys, *args)
    assert code == 2
    assert needle in err and "Traceback" not in err and out == ""


def test_a_csv_path_that_is_a_folder_is_refused_before_anything_runs(capsys, tmp_path):
    """Refused up front (before, the campaigns ran first and the write failed at the end)."""
    code, out, err = _sim(capsys, "--campaigns", "100000", "--csv", str(tmp_path))
    assert code == 2
    assert f"Cannot write {tmp_path}: it is a folder" in err and out == ""
    assert list(tmp_path.iterdir()) == []


def _finish_times(sizes: list[int], workers: int) -> list[int]:
    """When each worker finishes if every campaign takes one unit of time and each chunk
    goes to the first worker free (as a pool hands them out)."""
    free = [0] * workers
    for size in sizes:
        free[free.index(min(free))] += size
    return free


def test_the_workers_finish_together():
    # the benchmark's batch: fixed chunks of 30 ended with one worker playing a chunk alone
    # whenever the campaigns' lengths were uneven; now the last chunks hold one campaign
    sizes = chunk_sizes(600, 2)
    assert sizes[:15] == [32] * 15 and sizes[15:] == [30, 23, 17, 13, 10, 7, 5, 4, 3, 2, 2,
                                                      1, 1, 1, 1]
    assert _finish_times(sizes, 2) == [300, 300]


@given(jobs=st.integers(0, 20_000), workers=st.integers(1, 64))
def test_chunks_are_bounded_shrink_and_end_within_a_campaign(jobs, workers):
    sizes = chunk_sizes(jobs, workers)
    assert sum(sizes) == jobs
    assert all(1 <= size <= MAX_CHUNK for size in sizes)
    assert sizes == sorted(sizes, reverse=True)
    if jobs >= workers:
        times = _finish_times(sizes, workers)
        assert max(times) - min(times) <= 1


def test_chunks_cut_the_jobs_in_order():
    jobs = [("random", seed, "normal") for seed in range(100)]
    cut = chunks(jobs, 3)
    assert [len(c) for c in cut] == chunk_sizes(100, 3)
    assert [job for chunk in cut for job in chunk] == jobs