"""``advance_state``: the state ``advance_month`` resolves, without its report or events."""

from __future__ import annotations

import pytest

from labelmgr.content import Content
from labelmgr.engine import advance_month, new_game
from labelmgr.engine.month import advance_state
from labelmgr.engine.serialize import state_to_dict
from labelmgr.sim.policies import make_policy


@pytest.mark.parametrize(("policy", "seed"),
                         [("random", 11), ("random", 12), ("random", 14), ("greedy", 13),
                          ("greedy", 15)])
def test_the_same_state_as_advance_month(content: Content, policy: str, seed: int) -> None:
    plans = make_policy(policy, content, seed)
    state = new_game(content, seed=seed, difficulty="normal", label_name="Same")
    while not state.campaign_complete:
        plan = plans.plan(state)
        full, alone = advance_month(state, plan, content).state, advance_state(state, plan, content)
        assert alone == full
        assert state_to_dict(alone) == state_to_dict(full)
        state = full
