"""The only place that builds random Generators.

Every draw comes from a numpy ``Generator`` derived from ``(game seed, month, stream name)``
through ``SeedSequence``: one stream per subsystem, so a new draw in one subsystem never
shifts another. Stream names are hashed with CRC-32 (stable across processes, unlike
``hash()``).
"""

from __future__ import annotations

import zlib

import numpy as np

STREAMS: tuple[str, ...] = (
    "economy",
    "songs",
    "releases",
    "press",
    "tours",
    "meetings",
    "conversations",
    "events",
)
"""The subsystems that draw random numbers."""


def stream(seed: int, month: int, name: str) -> np.random.Generator:
    """A fresh Generator for one subsystem in one month of one game."""
    key = zlib.crc32(name.encode("utf-8"))
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, month, key])))


class MonthStreams:
    """Lazily built Generators for one month: a stream is built on its first use only."""

    __slots__ = ("_cache", "month", "seed")

    def __init__(self, seed: int, month: int) -> None:
        self.seed = seed
        self.month = month
        self._cache: dict[str, np.random.Generator] = {}

    def __getitem__(self, name: str) -> np.random.Generator:
        gen = self._cache.get(name)
        if gen is None:
            gen = self._cache[name] = stream(self.seed, self.month, name)
        return gen
