"""The engine's shortcuts give exactly what the plain way gives (they exist for speed only)."""

from __future__ import annotations

import zlib

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from labelmgr.engine import MAX_SEED, SignArtist, advance_month, check_plan, new_game
from labelmgr.engine.plan import signing_gates
from labelmgr.engine.rng import BLOCK_MONTHS, STREAMS, stream
from labelmgr.errors import LabelError
from tests.engine.plans import plans


def _numpy_stream(seed: int, month: int, name: str) -> np.random.Generator:
    key = zlib.crc32(name.encode("utf-8"))
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, month, key])))


@settings(max_examples=40)
@given(seed=st.one_of(st.integers(0, MAX_SEED), st.sampled_from([0, 2**32 - 1, 2**32, MAX_SEED])),
       month=st.integers(0, BLOCK_MONTHS + 3), name=st.sampled_from([*STREAMS, "other"]))
def test_streams_are_numpys_seed_sequence_bit_for_bit(seed, month, name):
    ours, theirs = stream(seed, month, name), _numpy_stream(seed, month, name)
    assert ours.bit_generator.state == theirs.bit_generator.state
    assert np.array_equal(ours.random(8), theirs.random(8))


@settings(max_examples=20)
@given(data=st.data(), seed=st.integers(0, MAX_SEED), months=st.integers(0, 4))
def test_signing_gates_match_check_plan_artist_by_artist(content, data, seed, months):
    state = new_game(content, seed=seed, label_name="Gate Records")
    for _ in range(months):
        if not state.campaign_complete:
            state = advance_month(state, data.draw(plans(state, content)), content).state
    assume(not state.campaign_complete)
    plan = data.draw(plans(state, content))
    ids = [a.id for a in content.artists]
    expected = {}
    for artist_id in ids:
        try:
            check_plan(state, [*plan, SignArtist(artist_id)], content)
            expected[artist_id] = None
        except LabelError as exc:
            expected[artist_id] = exc.message
    assert signing_gates(state, plan, content, ids) == expected
