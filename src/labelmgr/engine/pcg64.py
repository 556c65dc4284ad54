"""numpy's PCG64 for many streams at once: their first outputs, bit for bit.

Building a numpy ``Generator`` costs about as much as the draws a month asks of it, and
four streams are drawn from every month. ``first_outputs`` runs PCG64 (seeding from the
seed words, then the 128-bit LCG step and the XSL-RR output) for every row of a block of
seed words in one vectorised pass, 64-bit limbs in numpy's wrapping ``uint64`` arithmetic;
``as_doubles`` and ``bounded`` turn those outputs into the numbers ``Generator.random`` and
``Generator.integers`` give. Tests hold all three to numpy's own.
"""

from __future__ import annotations

import numpy as np

_MULT = 0x2360ED051FC65DA44385DF649FCCF645
"""PCG64's 128-bit LCG multiplier (numpy's ``PCG_DEFAULT_MULTIPLIER_128``)."""

_U = np.uint64
_MUL_HI, _MUL_LO = _U(_MULT >> 64), _U(_MULT & (2**64 - 1))
_MUL_LO0, _MUL_LO1 = _U(_MULT & 0xFFFF_FFFF), _U((_MULT >> 32) & 0xFFFF_FFFF)
_LOW32, _S32, _S58, _S63, _ONE = _U(0xFFFF_FFFF), _U(32), _U(58), _U(63), _U(1)
_BITS64 = _U(64)
_DOUBLE_UNIT = 1.0 / 9007199254740992.0
"""2**-53: numpy's double is the output's top 53 bits times this."""
_M32 = 0xFFFF_FFFF


def _step(hi: np.ndarray, lo: np.ndarray, inc_hi: np.ndarray, inc_lo: np.ndarray) -> None:
    """state = state × multiplier + increment (mod 2**128), in place, for every row.

    The high word gets hi×m_lo + lo×m_hi + the high half of lo×m_lo; that half is put
    together from 32-bit pieces, whose products fit in 64 bits.
    """
    a0, a1 = lo & _LOW32, lo >> _S32
    p01, p10 = a0 * _MUL_LO1, a1 * _MUL_LO0
    mid = a0 * _MUL_LO0
    mid >>= _S32
    mid += p01 & _LOW32
    mid += p10 & _LOW32
    mid >>= _S32
    hi *= _MUL_LO
    hi += lo * _MUL_HI
    hi += a1 * _MUL_LO1
    p01 >>= _S32
    hi += p01
    p10 >>= _S32
    hi += p10
    hi += mid
    lo *= _MUL_LO
    lo += inc_lo
    hi += inc_hi
    hi += lo < inc_lo  # the carry out of the low word


def first_outputs(words: np.ndarray, count: int) -> np.ndarray:
    """The first ``count`` 64-bit outputs of ``PCG64`` seeded with each row of ``words``.

    ``words`` has shape (n, 4), dtype uint64: what ``SeedSequence.generate_state(4,
    uint64)`` gives (state high, state low, increment high, increment low, as numpy's
    ``pcg64_set_seed`` reads them). Returns shape (n, count), dtype uint64.
    """
    with np.errstate(over="ignore"):
        seed_hi, seed_lo, seq_hi, seq_lo = (np.ascontiguousarray(c) for c in words.T)
        inc_hi = (seq_hi << _ONE) | (seq_lo >> _S63)
        inc_lo = (seq_lo << _ONE) | _ONE
        # numpy's srandom: state 0, one step (state = increment), add the seed, one step
        hi, lo = inc_hi.copy(), inc_lo.copy()
        lo += seed_lo
        hi += seed_hi
        hi += lo < seed_lo
        _step(hi, lo, inc_hi, inc_lo)
        out = np.empty((count, len(hi)), dtype=np.uint64)
        for j in range(count):
            _step(hi, lo, inc_hi, inc_lo)
            x = hi ^ lo
            turn = hi >> _S58
            np.bitwise_or(x >> turn, x << ((_BITS64 - turn) & _S63), out=out[j])
    return out.T


def as_doubles(outputs: np.ndarray) -> np.ndarray:
    """The doubles in [0, 1) that ``Generator.random`` makes of these outputs."""
    return (outputs >> _U(11)).astype(np.float64) * _DOUBLE_UNIT


def bounded(outputs: list[int], lo: int, hi: int) -> int | None:
    """``Generator.integers(lo, hi)`` from a fresh stream whose first outputs are these; None
    when the draw is not one this covers (a span of 2**32 or more, or more 32-bit words
    rejected than the outputs hold): the caller then draws from a real Generator.

    numpy draws a span below 2**32 with Lemire's method on 32-bit words, each 64-bit output
    giving its low half, then its high half.
    """
    span = hi - lo - 1  # the largest offset
    if span < 0 or span >= _M32:
        return None
    if span == 0:
        return lo  # numpy draws nothing
    size = span + 1
    threshold = (_M32 - span) % size
    for out in outputs:
        for word in (out & _M32, out >> 32):
            m = word * size
            if (m & _M32) >= threshold:
                return lo + (m >> 32)
    return None
