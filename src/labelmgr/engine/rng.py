"""The only place that builds random Generators.

Every draw comes from a numpy ``Generator`` derived from ``(game seed, month, stream name)``
through ``SeedSequence``: one stream per subsystem, so a new draw in one subsystem never
shifts another. Stream names are hashed with CRC-32 (stable across processes, unlike
``hash()``).

Speed: numpy's ``SeedSequence`` costs ~20 us a stream, more than the rest of a quiet
month. ``_SeedBlocks`` computes the same seed words (numpy's ``SeedSequence`` hash, bit for
bit) for every stream of a game's first ``BLOCK_MONTHS`` months in one vectorised pass and
keeps the last few games' words; a stream is then a PCG64 built from its words (~3 us).
Any other month or stream name goes through ``SeedSequence`` itself. A test checks that
both paths give the same Generators.

Four streams are drawn from every month, once each, with one call (``FIRST_STREAMS``): for
them the same pass also runs PCG64 itself (``pcg64.first_outputs``), and ``first_doubles``
and ``first_integer`` hand out their draws with no Generator built (~0.5 us instead of ~3).
"""

from __future__ import annotations

import zlib

import numpy as np
from numpy.random.bit_generator import ISeedSequence

from labelmgr.engine.pcg64 import as_doubles, bounded, first_outputs

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

BLOCK_MONTHS = 16
"""Months whose seed words are computed together (a campaign and a little career)."""

FIRST_STREAMS: tuple[str, ...] = ("economy", "meetings", "conversations", "events")
"""The streams a month draws from once, with one call at their start (the overheads, the
executives' meetings, the artists' conversations, the event roll): use ``first_doubles`` and
``first_integer`` for them, never ``stream`` or ``MonthStreams``."""

FIRST_OUTPUTS = 8
"""The outputs of each first-draw stream a block holds (the meetings take one per executive:
eight in the shipped content); a draw that needs more builds the stream."""

_KEYS: dict[str, int] = {name: zlib.crc32(name.encode("utf-8")) for name in STREAMS}

# numpy's SeedSequence constants (numpy/random/bit_generator.pyx)
_M32 = 0xFFFF_FFFF
_INIT_A, _MULT_A = 0x43B0D7E5, 0x931E8875
_INIT_B, _MULT_B = 0x8B51F9DD, 0x58F38DED
_MIX_L, _MIX_R = 0xCA01F9DD, 0x4973F715


def _hash_constants(init: int, mult: int, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The xor and multiply constants of successive hashmix steps, as uint32 columns."""
    xors, mults = [], []
    h = init
    for _ in range(count):
        xors.append(h)
        h = (h * mult) & _M32
        mults.append(h)
    return (np.array(xors, dtype=np.uint32)[:, None], np.array(mults, dtype=np.uint32)[:, None])


_XOR_A, _MUL_A = _hash_constants(_INIT_A, _MULT_A, 16)
_XOR_B, _MUL_B = _hash_constants(_INIT_B, _MULT_B, 8)
_SHIFT = np.uint32(16)
_L, _R = np.uint32(_MIX_L), np.uint32(_MIX_R)


def _mix_steps() -> tuple[tuple[int, np.ndarray, np.ndarray], ...]:
    """Per source word: its row and the hashmix constants of the three words it mixes into,
    placed at their rows (the source's own row gets zeros: its result is thrown away)."""
    steps = []
    k = 4
    for src in range(4):
        xors, mults = np.zeros((4, 1), np.uint32), np.zeros((4, 1), np.uint32)
        for dst in (d for d in range(4) if d != src):
            xors[dst], mults[dst] = _XOR_A[k], _MUL_A[k]
            k += 1
        steps.append((src, xors, mults))
    return tuple(steps)


_STEPS = _mix_steps()


def _seed_words(entropy: np.ndarray) -> np.ndarray:
    """SeedSequence(entropy).generate_state(4, uint64) for many entropies at once.

    ``entropy`` has shape (4, n): up to 4 uint32 words per sequence as numpy assembles
    them (missing words are 0); returns shape (n, 4), dtype uint64. In numpy's mixing
    loop, the three updates from one source word are independent, so they run together:
    every row is updated and the source row put back.
    """
    pool = (entropy ^ _XOR_A[:4]) * _MUL_A[:4]
    pool ^= pool >> _SHIFT
    for src, xors, mults in _STEPS:
        v = (pool[src] ^ xors) * mults
        v ^= v >> _SHIFT
        kept = pool[src].copy()
        pool *= _L
        pool -= _R * v
        pool ^= pool >> _SHIFT
        pool[src] = kept
    out = (np.concatenate((pool, pool)) ^ _XOR_B) * _MUL_B
    out ^= out >> _SHIFT
    return np.ascontiguousarray(out.T).view(np.uint64)


class _Words(ISeedSequence):
    """A seed sequence whose state words are already known."""

    __slots__ = ("words",)

    def __init__(self, words: np.ndarray) -> None:
        self.words = words

    def generate_state(self, n_words: int, dtype: type = np.uint32) -> np.ndarray:
        return self.words


class _Block:
    """One game's first months: the seed words of every stream, and the first outputs of
    the first-draw streams (raw, and as ``Generator.random``'s doubles)."""

    __slots__ = ("doubles", "outputs", "words")

    def __init__(self, words: np.ndarray, outputs: np.ndarray, doubles: np.ndarray) -> None:
        self.words = words
        self.outputs = outputs
        self.doubles = doubles


class _SeedBlocks:
    """The seed words of every stream of a game's first months, for recent games.

    A missing game's block is computed with those of the next ``AHEAD - 1`` seeds, in the
    same vectorised pass (about the cost of one block: numpy's per-call overhead dominates),
    because the simulator plays consecutive seeds.
    """

    AHEAD = 32
    KEEP = 2 * AHEAD

    def __init__(self) -> None:
        self._blocks: dict[int, _Block] = {}

    def _block(self, seed: int, month: int) -> _Block | None:
        if not (1 <= month <= BLOCK_MONTHS and 0 <= seed < 2**64):
            return None
        block = self._blocks.get(seed)
        return self._fill(seed) if block is None else block

    def words(self, seed: int, month: int, name: str) -> np.ndarray | None:
        """The words of one stream, or None outside the block (unknown name, late month)."""
        column = _COLUMN.get(name)
        block = None if column is None else self._block(seed, month)
        return None if block is None else block.words[(month - 1) * len(STREAMS) + column]

    def first(self, seed: int, month: int, name: str) -> tuple[_Block, int] | None:
        """The block and row of a first-draw stream's outputs, or None outside the block
        (a block held is looked up here: four calls a month; only seeds in range are held)."""
        column = _FIRST_COLUMN.get(name)
        if column is None or not 1 <= month <= BLOCK_MONTHS:
            return None
        block = self._blocks.get(seed) or self._block(seed, month)
        return None if block is None else (block, (month - 1) * len(FIRST_STREAMS) + column)

    def _fill(self, seed: int) -> _Block:
        """Compute the blocks of ``seed`` and the seeds after it with as many 32-bit words."""
        if len(self._blocks) + self.AHEAD > self.KEEP:
            self._blocks.clear()
        size = _word_count(seed)
        seeds = [s for s in range(seed, min(seed + self.AHEAD, 2**64))
                 if _word_count(s) == size]
        words = _blocks(seeds, size)
        firsts = words.reshape(len(seeds), BLOCK_MONTHS, len(STREAMS), 4)[:, :, _FIRSTS]
        outputs = first_outputs(firsts.reshape(-1, 4), FIRST_OUTPUTS)
        doubles = as_doubles(outputs)
        rows, first_rows = BLOCK_MONTHS * len(STREAMS), BLOCK_MONTHS * len(FIRST_STREAMS)
        for i, s in enumerate(seeds):
            at = slice(i * first_rows, (i + 1) * first_rows)
            self._blocks[s] = _Block(words[i * rows:(i + 1) * rows], outputs[at], doubles[at])
        return self._blocks[seed]


_COLUMN = {name: i for i, name in enumerate(STREAMS)}
_FIRSTS = [_COLUMN[name] for name in FIRST_STREAMS]
_FIRST_COLUMN = {name: i for i, name in enumerate(FIRST_STREAMS)}


def _word_count(seed: int) -> int:
    """How many 32-bit words numpy splits a seed into (0 is one word)."""
    return max(1, (seed.bit_length() + 31) // 32)


def _blocks(seeds: list[int], size: int) -> np.ndarray:
    """The stream words of every seed's block, seed after seed: shape (len(seeds) × months
    × streams, 4). Each entropy is the seed's ``size`` little-endian 32-bit words, the
    month, the stream key, as numpy assembles ``[seed, month, key]``."""
    n = BLOCK_MONTHS * len(STREAMS)
    entropy = np.zeros((4, n * len(seeds)), dtype=np.uint32)
    for i in range(size):
        entropy[i] = np.repeat([(s >> (32 * i)) & _M32 for s in seeds], n)
    entropy[size] = np.tile(np.repeat(np.arange(1, BLOCK_MONTHS + 1), len(STREAMS)), len(seeds))
    entropy[size + 1] = np.tile([_KEYS[s] for s in STREAMS], BLOCK_MONTHS * len(seeds))
    return _seed_words(entropy)


_SEEDS = _SeedBlocks()


def stream(seed: int, month: int, name: str) -> np.random.Generator:
    """A fresh Generator for one subsystem in one month of one game."""
    words = _SEEDS.words(seed, month, name)
    if words is None:
        key = _KEYS.get(name)
        if key is None:
            key = zlib.crc32(name.encode("utf-8"))
        return np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, month, key])))
    return np.random.Generator(np.random.PCG64(_Words(words)))


def first_doubles(seed: int, month: int, name: str, count: int) -> list[float]:
    """The first ``count`` doubles of a first-draw stream: what
    ``stream(seed, month, name).random(count).tolist()`` gives."""
    found = _SEEDS.first(seed, month, name) if 0 <= count <= FIRST_OUTPUTS else None
    if found is None:
        return stream(seed, month, name).random(count).tolist()  # type: ignore[no-any-return]
    block, row = found
    return block.doubles[row, :count].tolist()  # type: ignore[no-any-return]


def first_integer(seed: int, month: int, name: str, lo: int, hi: int) -> int:
    """The first integer in ``[lo, hi)`` of a first-draw stream: what
    ``int(stream(seed, month, name).integers(lo, hi))`` gives."""
    found = _SEEDS.first(seed, month, name)
    if found is not None:
        block, row = found
        drawn = bounded(block.outputs[row].tolist(), lo, hi)
        if drawn is not None:
            return drawn
    return int(stream(seed, month, name).integers(lo, hi))


SCALAR_DRAWS = 3
"""Up to this many integers are drawn one call each: numpy's array draw costs as much as
three scalar ones, and gives the same numbers (a test holds it to that)."""


def draw_integers(rng: np.random.Generator, lo: int, hi: int, count: int) -> list[int]:
    """``count`` uniform integers in ``[lo, hi)``: ``rng.integers(lo, hi, size=count)``."""
    if count <= SCALAR_DRAWS:
        return [int(rng.integers(lo, hi)) for _ in range(count)]
    return rng.integers(lo, hi, size=count).tolist()  # type: ignore[no-any-return]


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
            if name in _FIRST_COLUMN:
                raise ValueError(f"{name!r} is a first-draw stream: draw it with first_doubles "
                                 "or first_integer")
            gen = self._cache[name] = stream(self.seed, self.month, name)
        return gen
