"""Rebuilding actions from saved or imported data: a bad one is refused in a short message."""

from __future__ import annotations

import pytest

from labelmgr.engine import TakeMeeting
from labelmgr.engine.serialize import action_from_dict, action_to_dict
from labelmgr.errors import LabelError


def test_an_action_survives_the_round_trip():
    action = TakeMeeting("manager", "roster_checkin", "set_goals")
    assert action_from_dict(action_to_dict(action)) == action


@pytest.mark.parametrize("bad", [
    {"kind": "bribe"},
    {"kind": "meeting", "role_id": "manager"},
    {"kind": "meeting", "notes": "x" * 100_000},
])
def test_a_bad_action_is_refused_naming_it_in_a_line(bad):
    with pytest.raises(LabelError) as caught:
        action_from_dict(bad)
    assert caught.value.code == "VAL_ACTION"
    message = caught.value.message
    assert message.startswith("Not a valid action: {'kind': ")
    assert len(message) <= len("Not a valid action: ") + 80
