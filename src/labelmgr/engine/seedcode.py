"""Seeds as short shareable codes: 40-bit integers in Crockford base32, ``7Q2K-MX4P``."""

from __future__ import annotations

from labelmgr.errors import LabelError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford's base32 alphabet (no I, L, O, U)."""

SEED_BITS = 40
MAX_SEED = 2**SEED_BITS - 1
_ALIASES = {"O": "0", "I": "1", "L": "1"}


def seed_code(seed: int) -> str:
    """The 8-character code of a seed, with a dash in the middle."""
    if not 0 <= seed <= MAX_SEED:
        raise LabelError("VAL_SEED", f"a seed is a whole number from 0 to {MAX_SEED}")
    chars = []
    for _ in range(8):
        chars.append(ALPHABET[seed & 31])
        seed >>= 5
    code = "".join(reversed(chars))
    return f"{code[:4]}-{code[4:]}"


def parse_seed_code(code: str) -> int:
    """Parse a seed code (case-insensitive, dash optional, O/I/L read as 0/1/1).

    Raises:
        LabelError: ``VAL_SEED_CODE`` naming the bad character or length.
    """
    cleaned = code.strip().upper().replace("-", "").replace(" ", "")
    digits = []
    for ch in cleaned:  # a bad character is named before the length ("ZZ-!!": the "!")
        idx = ALPHABET.find(_ALIASES.get(ch, ch))
        if idx < 0:
            raise LabelError("VAL_SEED_CODE", f"{ch!r} cannot appear in a seed code")
        digits.append(idx)
    if len(digits) != 8:
        raise LabelError(
            "VAL_SEED_CODE",
            f"a seed code has 8 letters or digits (like 7Q2K-MX4P), not {len(digits)}",
        )
    value = 0
    for idx in digits:
        value = value * 32 + idx
    return value
