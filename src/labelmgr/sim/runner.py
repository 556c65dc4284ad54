"""Many campaigns, in one process or spread over several: results always in seed order.

Campaign ``i`` uses seed ``S + i``. Workers get whole seeds and return records; ``imap``
hands them back in seed order, so the numbers never depend on the worker count.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from labelmgr.content import Content, load_content
from labelmgr.sim.campaign import CampaignRecord, play_campaign

Progress = Callable[[int], None]
"""Called with the number of campaigns just finished."""


@dataclass(frozen=True, slots=True)
class Batch:
    """One policy's campaigns, in seed order, how long they took and how many processes
    played them."""

    policy: str
    difficulty: str
    first_seed: int
    records: tuple[CampaignRecord, ...]
    seconds: float
    workers: int

    @property
    def campaigns_per_second(self) -> float:
        return len(self.records) / self.seconds if self.seconds > 0 else 0.0


Job = tuple[str, int, str]
"""(policy, seed, difficulty): one campaign."""


_WORKER_CONTENT: Content | None = None
_WORKER_PARENT: int | None = None
"""The process that started this pool worker (None outside a pool)."""


def _init_worker(content_dir: str | None, parent: int | None = None) -> None:
    """A pool worker's start: the content, and the process that started it (``parent``, as
    that process saw its own id: asked here, the answer comes too late when that process was
    killed while this one was still importing). A worker whose parent is already gone exits
    at once."""
    global _WORKER_CONTENT, _WORKER_PARENT
    _WORKER_PARENT = os.getppid() if parent is None else parent
    _WORKER_CONTENT = load_content(Path(content_dir) if content_dir else None)
    if _orphaned():
        os._exit(1)


def _orphaned() -> bool:
    """Whether the process that started this worker is gone (killed with SIGKILL, which it
    cannot pass on): the worker is then the child of another process."""
    return _WORKER_PARENT is not None and os.getppid() != _WORKER_PARENT


def _play(job: Job) -> CampaignRecord:
    assert _WORKER_CONTENT is not None
    policy, seed, difficulty = job
    return play_campaign(_WORKER_CONTENT, policy, seed, difficulty)


MAX_CHUNK = 32
"""The most campaigns a worker takes at a time: the engine works out the random streams of
32 consecutive seeds together, so a larger chunk gains nothing."""

TAIL_SHARE = 2
"""A chunk is at most the campaigns still to deal over ``TAIL_SHARE`` times the workers."""


def chunk_sizes(jobs: int, workers: int) -> list[int]:
    """How many campaigns each chunk a pool hands out holds, in order: ``MAX_CHUNK`` while
    plenty are left, then smaller and smaller (at most the campaigns left over
    ``TAIL_SHARE`` times the workers), so the workers finish together (with equal campaign
    times, within one campaign of each other), not one playing a whole chunk alone at the
    end while the others wait (fixed chunks of 30 lost about 1.6% of two workers' time on
    the benchmark's batch, these about 0.6%, on measured campaign times)."""
    sizes: list[int] = []
    left, share = jobs, TAIL_SHARE * max(1, workers)
    while left > 0:
        size = min(MAX_CHUNK, -(-left // share))
        sizes.append(size)
        left -= size
    return sizes


def chunks(jobs: Sequence[Job], workers: int) -> list[Sequence[Job]]:
    """The jobs cut into chunks of ``chunk_sizes``, in order."""
    out: list[Sequence[Job]] = []
    start = 0
    for size in chunk_sizes(len(jobs), workers):
        out.append(jobs[start:start + size])
        start += size
    return out


def _play_chunk(jobs: Sequence[Job]) -> list[CampaignRecord]:
    """Play a chunk; a worker whose run was killed stops after the campaign it is playing,
    quietly (it would play out the chunk, then fail to hand it back, with a traceback)."""
    records = []
    for job in jobs:
        records.append(_play(job))
        if _orphaned():
            os._exit(1)
    return records


def processes(workers: int, campaigns: int) -> int:
    """How many processes play ``campaigns`` campaigns asked to spread over ``workers``: no
    more than the campaigns (a pool of 8 for 3 campaigns would start 5 idle processes), and
    one (this process, no pool) for one campaign or one worker."""
    return max(1, min(workers, campaigns))


def _records(content: Content, content_dir: str | None, jobs: list[Job],
             workers: int) -> Iterator[CampaignRecord]:
    if processes(workers, len(jobs)) == 1:
        for policy, seed, difficulty in jobs:
            yield play_campaign(content, policy, seed, difficulty)
        return
    workers = processes(workers, len(jobs))
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker,
                  initargs=(content_dir, os.getpid())) as pool:
        for records in pool.imap(_play_chunk, chunks(jobs, workers)):
            yield from records


def run_batch(content: Content, policy: str, *, campaigns: int, first_seed: int,
              difficulty: str, workers: int = 1, content_dir: str | None = None,
              progress: Progress | None = None) -> Batch:
    """Play ``campaigns`` campaigns with seeds ``first_seed``, ``first_seed + 1``, ...

    With ``workers`` > 1 the campaigns run in that many processes (``processes``: no more than
    the campaigns), each loading the content from ``content_dir`` (None = the shipped
    content), which must be what ``content`` holds.
    """
    jobs = [(policy, first_seed + i, difficulty) for i in range(campaigns)]
    start = time.perf_counter()
    records = []
    for record in _records(content, content_dir, jobs, workers):
        records.append(record)
        if progress is not None:
            progress(1)
    seconds = time.perf_counter() - start
    return Batch(policy, difficulty, first_seed, tuple(records), seconds,
                 processes(workers, campaigns))
