"""The first draws of a stream, made without a numpy Generator, are numpy's own, bit for bit
(the engine's numbers would drift otherwise: the golden replay would catch it late)."""

from __future__ import annotations

import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labelmgr.engine import MAX_SEED
from labelmgr.engine.pcg64 import as_doubles, bounded, first_outputs
from labelmgr.engine.rng import (
    BLOCK_MONTHS,
    FIRST_OUTPUTS,
    FIRST_STREAMS,
    MonthStreams,
    _Words,
    first_doubles,
    first_integer,
)

words_arrays = st.lists(st.lists(st.integers(0, 2**64 - 1), min_size=4, max_size=4),
                        min_size=1, max_size=12).map(lambda rows: np.array(rows, np.uint64))
"""Rows of seed words, with the extremes (all zeros, all ones) as likely as any."""


def _generator(words: np.ndarray) -> np.random.Generator:
    return np.random.Generator(np.random.PCG64(_Words(words)))


def _numpy_stream(seed: int, month: int, name: str) -> np.random.Generator:
    key = zlib.crc32(name.encode("utf-8"))
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, month, key])))


@settings(max_examples=60)
@given(words=words_arrays, count=st.integers(0, 12))
def test_first_outputs_are_pcg64s_raw_outputs(words, count):
    outputs = first_outputs(words, count)
    assert outputs.shape == (len(words), count)
    for row, out in zip(words, outputs, strict=True):
        assert out.tolist() == _generator(row).bit_generator.random_raw(count).tolist()


@settings(max_examples=40)
@given(words=words_arrays)
def test_as_doubles_are_generator_random(words):
    doubles = as_doubles(first_outputs(words, 6))
    for row, got in zip(words, doubles, strict=True):
        assert got.tolist() == _generator(row).random(6).tolist()


@settings(max_examples=200)
@given(words=words_arrays, lo=st.integers(-10**9, 10**9),
       size=st.one_of(st.integers(1, 10**6), st.sampled_from(
           [1, 2, 3, 2**31 - 1, 2**31, 2**31 + 1, 3 * 2**30 + 1, 2**32 - 1, 2**32, 2**40])))
def test_bounded_is_generator_integers_or_says_it_cannot(words, lo, size):
    """Spans near 2**31 reject almost half the words numpy draws: the retries are covered."""
    outputs = first_outputs(words, 2)
    for row, out in zip(words, outputs, strict=True):
        got = bounded(out.tolist(), lo, lo + size)
        if size >= 2**32:
            assert got is None  # numpy's 64-bit path: a real Generator draws it
        elif got is not None:
            assert got == int(_generator(row).integers(lo, lo + size))


def test_bounded_gives_up_only_when_every_word_was_rejected():
    """A span of 2**31 + 1 rejects a word below about 2**31: with one output (two words) a
    draw is sometimes out of reach, and then numpy's draw took more than that output."""
    size = 2**31 + 1
    rows = np.random.default_rng(7).integers(0, 2**64, size=(400, 4), dtype=np.uint64)
    outs = first_outputs(rows, 1)
    missing = 0
    for row, out in zip(rows, outs, strict=True):
        if bounded(out.tolist(), 0, size) is None:
            missing += 1
            drawn, one_output = _generator(row), _generator(row).bit_generator
            drawn.integers(0, size)
            one_output.random_raw(1)
            assert drawn.bit_generator.state["state"] != one_output.state["state"]
    assert 0 < missing < 400


@settings(max_examples=60)
@given(seed=st.one_of(st.integers(0, MAX_SEED), st.sampled_from([0, 2**32 - 1, 2**32])),
       month=st.integers(0, BLOCK_MONTHS + 2), name=st.sampled_from(FIRST_STREAMS),
       count=st.integers(0, FIRST_OUTPUTS + 3))
def test_first_doubles_are_the_streams_first_doubles(seed, month, name, count):
    """In the block, past it (month 0, late months) and past the outputs it holds."""
    assert first_doubles(seed, month, name, count) == \
        _numpy_stream(seed, month, name).random(count).tolist()


@settings(max_examples=60)
@given(seed=st.integers(0, MAX_SEED), month=st.integers(1, BLOCK_MONTHS + 2),
       name=st.sampled_from(FIRST_STREAMS), lo=st.integers(-10**6, 10**6),
       size=st.sampled_from([1, 2, 3001, 2**31 + 1, 2**33]))
def test_first_integer_is_the_streams_first_integer(seed, month, name, lo, size):
    assert first_integer(seed, month, name, lo, lo + size) == \
        int(_numpy_stream(seed, month, name).integers(lo, lo + size))


def test_an_empty_range_or_a_negative_count_is_refused_as_numpy_refuses_it():
    with pytest.raises(ValueError, match="high"):
        first_integer(1, 1, "economy", 5, 5)
    with pytest.raises(ValueError, match="negative"):
        first_doubles(1, 1, "events", -1)


@pytest.mark.parametrize("name", FIRST_STREAMS)
def test_a_first_draw_stream_is_never_built_for_a_month(name):
    """Its first draws are handed out without a Generator: a second, built one would repeat
    them."""
    with pytest.raises(ValueError, match="first-draw stream"):
        MonthStreams(1, 1)[name]
