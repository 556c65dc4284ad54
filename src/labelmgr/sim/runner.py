"""Many campaigns, in one process or spread over several: results always in seed order.

Campaign ``i`` uses seed ``S + i``. Workers get whole seeds and return records; ``imap``
hands them back in seed order, so the numbers never depend on the worker count.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from labelmgr.content import Content, load_content
from labelmgr.sim.campaign import CampaignRecord, play_campaign

Progress = Callable[[int], None]
"""Called with the number of campaigns just finished."""


@dataclass(frozen=True, slots=True)
class Batch:
    """One policy's campaigns, in seed order, and how long they took."""

    policy: str
    difficulty: str
    first_seed: int
    records: tuple[CampaignRecord, ...]
    seconds: float
    workers: int

    @property
    def campaigns_per_second(self) -> float:
        return len(self.records) / self.seconds if self.seconds > 0 else 0.0


_WORKER_CONTENT: Content | None = None


def _init_worker(content_dir: str | None) -> None:
    global _WORKER_CONTENT
    _WORKER_CONTENT = load_content(Path(content_dir) if content_dir else None)


def _play(job: tuple[str, int, str]) -> CampaignRecord:
    assert _WORKER_CONTENT is not None
    policy, seed, difficulty = job
    return play_campaign(_WORKER_CONTENT, policy, seed, difficulty)


MAX_CHUNK = 32
"""The most campaigns a worker takes at a time: the engine works out the random streams of
32 consecutive seeds together, so a larger chunk gains nothing."""

MIN_ROUNDS = 8
"""The fewest chunks each worker gets (when there are campaigns enough): the progress bar
moves, and the workers finish close together."""


def chunk_size(jobs: int, workers: int) -> int:
    """Campaigns a worker takes at a time: at most ``MAX_CHUNK``, and as many chunks for
    every worker (the last chunk may be short), so that no worker is left with a chunk to
    play alone at the end (with 19 chunks of 32 for 2 workers, one would play 10 and the
    other wait for it after 9)."""
    workers = max(1, workers)
    rounds = max(MIN_ROUNDS, -(-jobs // (workers * MAX_CHUNK)))
    return max(1, -(-jobs // (workers * rounds)))


def _records(content: Content, content_dir: str | None, jobs: list[tuple[str, int, str]],
             workers: int) -> Iterator[CampaignRecord]:
    if workers <= 1 or len(jobs) <= 1:
        for policy, seed, difficulty in jobs:
            yield play_campaign(content, policy, seed, difficulty)
        return
    chunk = chunk_size(len(jobs), workers)
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(content_dir,)) as pool:
        yield from pool.imap(_play, jobs, chunksize=chunk)


def run_batch(content: Content, policy: str, *, campaigns: int, first_seed: int,
              difficulty: str, workers: int = 1, content_dir: str | None = None,
              progress: Progress | None = None) -> Batch:
    """Play ``campaigns`` campaigns with seeds ``first_seed``, ``first_seed + 1``, ...

    With ``workers`` > 1 the campaigns run in that many processes, each loading the content
    from ``content_dir`` (None = the shipped content), which must be what ``content`` holds.
    """
    jobs = [(policy, first_seed + i, difficulty) for i in range(campaigns)]
    start = time.perf_counter()
    records = []
    for record in _records(content, content_dir, jobs, workers):
        records.append(record)
        if progress is not None:
            progress(1)
    seconds = time.perf_counter() - start
    return Batch(policy, difficulty, first_seed, tuple(records), seconds, max(1, workers))
