"""Seed codes (mechanics.md A13): 8 Crockford base32 characters with a dash."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from labelmgr.engine import MAX_SEED, parse_seed_code, seed_code
from labelmgr.errors import LabelError


def test_known_codes():
    assert seed_code(0) == "0000-0000"
    assert seed_code(MAX_SEED) == "ZZZZ-ZZZZ"
    assert seed_code(32) == "0000-0010"


@given(st.integers(0, MAX_SEED))
def test_round_trip(seed):
    code = seed_code(seed)
    assert len(code) == 9 and code[4] == "-"
    assert parse_seed_code(code) == seed
    assert parse_seed_code(code.lower().replace("-", "")) == seed


def test_confusable_letters_are_read_as_digits():
    assert parse_seed_code("OOOO-OOOI") == 1
    assert parse_seed_code("0000-000L") == 1


@pytest.mark.parametrize("bad", ["", "123", "1234-56789", "UUUU-UUUU", "12#4-5678"])
def test_bad_codes_are_refused_with_a_message(bad):
    with pytest.raises(LabelError) as err:
        parse_seed_code(bad)
    assert err.value.code == "VAL_SEED_CODE"
    assert err.value.message


def test_seed_out_of_range():
    with pytest.raises(LabelError):
        seed_code(MAX_SEED + 1)
