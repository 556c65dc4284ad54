"""The crash property: SIGKILL at any moment of repeated month commits leaves a database that
passes ``integrity_check`` with every game at a whole month and money equal to its ledger.

Each of the kills is aimed at one long-running worker process that commits month after
month (``crash_worker.py``, forked from a warm parent so that 20 workers start fast); the
next worker goes on with the same database. The harness is ``crash_harness.py``, shared with
``benchmarks/crash_loop.py`` (200 kills).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.storage.crash_harness import Zygote, check_database

KILLS = 20


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked")
def test_sigkill_during_month_commits_never_leaves_half_a_month(tmp_path: Path):
    db, config = tmp_path / "crash.db", tmp_path / "config"
    rng = random.Random(20240601)
    progress = []
    with Zygote(db, config) as zygote:
        for _ in range(KILLS):
            zygote.kill_worker_after(rng.uniform(0.02, 0.3))
            progress.append(check_database(db))
    assert progress == sorted(progress) and progress[-1] >= 2 * KILLS
