"""Whole numbers typed in a form: each refusal names what is wrong with the number."""

from __future__ import annotations

import pytest

from labelmgr.tui.widgets.form_fields import MAX_WHOLE, parse_whole


@pytest.mark.parametrize(("text", "value", "message"), [
    ("3", 3, None),
    (" 12,500 ", 12_500, None),
    ("1_000", 1_000, None),
    (f"{MAX_WHOLE}", MAX_WHOLE, None),
    ("", None, "Enter a number"),
    ("   ", None, "Enter a number"),
    ("abc", None, "'abc' is not a whole number"),
    ("2.5", None, "'2.5' is not a whole number"),
    ("0", None, "Enter a number above zero"),
    ("-5", None, "Enter a number above zero"),
    (f"{MAX_WHOLE + 1}", None, "Enter a number up to 10,000,000"),
    ("99999999999999999999999", None, "Enter a number up to 10,000,000"),
    ("9" * 5_000, None, "Enter a number up to 10,000,000"),
    ("x" * 100, None, f"'{'x' * 38}… is not a whole number"),
])
def test_a_typed_number_is_kept_or_refused_with_the_reason(text, value, message):
    errors: dict[str, str] = {}
    assert parse_whole(text, "budget", errors) == value
    assert errors == ({} if message is None else {"budget": message})
