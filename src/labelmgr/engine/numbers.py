"""Rounding and clamping, in one place: money is integer dollars, never float."""

from __future__ import annotations

import math


def round_half_away(x: float) -> int:
    """Round to the nearest integer, halves away from zero (2.5 -> 3, -2.5 -> -3)."""
    if not x:  # most stat changes leave some stats alone
        return 0
    return int(math.copysign(math.floor(abs(x) + 0.5), x))


def clamp(x: float, lo: float, hi: float) -> float:
    """``x`` limited to ``[lo, hi]``."""
    return lo if x < lo else hi if x > hi else x


def clamp_int(x: int, lo: int, hi: int) -> int:
    """``x`` limited to ``[lo, hi]``, as an int."""
    return lo if x < lo else hi if x > hi else x
