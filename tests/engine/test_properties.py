"""Invariants over random seeds and random valid plans (hypothesis)."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from labelmgr.engine import (
    MAX_SEED,
    advance_month,
    new_game,
    state_from_dict,
    state_to_dict,
)
from tests.engine.plans import plans

DIFFICULTIES = st.sampled_from(["easy", "normal", "hard"])


def _play(data, content, seed, difficulty):
    state = new_game(content, seed=seed, difficulty=difficulty, label_name="Prop Records")
    history = []
    advances = 0
    while not state.campaign_complete:
        plan = data.draw(plans(state, content))
        history.append((state, plan))
        state = advance_month(state, plan, content).state
        advances += 1
    return state, history, advances


@settings(max_examples=25)
@given(data=st.data(), seed=st.integers(0, MAX_SEED), difficulty=DIFFICULTIES)
def test_campaign_invariants(content, data, seed, difficulty):
    state, history, advances = _play(data, content, seed, difficulty)
    length = content.balance.campaign.length_months
    # 12 full months, unless the label went bankrupt (then the results say so)
    assert advances == length or state.results.bankrupt
    assert advances <= length
    if state.results.bankrupt:
        # bankruptcy is the month's money before the campaign's closing settlement of
        # delayed money (which may bring some back in)
        settled = sum(e.amount for e in state.month_entries(state.results.month)
                      if e.source == "settlement")
        assert state.money - settled < content.balance.campaign.bankruptcy_threshold
        assert state.results.victory_type == "Failure"
    for before, _ in history[1:] + [(state, None)]:
        # the ledger identity holds after every month
        assert before.money == before.starting_money + before.ledger_total
        assert 0 <= before.reputation <= 100
        assert before.creative_capital >= 0
        for a in before.artists:
            for v in (a.mood, a.loyalty, a.popularity):
                assert 0 <= v <= 100
        q = before.songs.quality
        assert ((q >= 20) & (q <= 100)).all()
        assert before.focus_slots in (3, 4)
        assert len(before.artists) <= before.roster_places


@settings(max_examples=15)
@given(data=st.data(), seed=st.integers(0, MAX_SEED))
def test_same_seed_same_actions_same_game(content, data, seed):
    state, history, _ = _play(data, content, seed, "normal")
    replay = history[0][0]
    for _, plan in history:
        replay = advance_month(replay, plan, content).state
    assert state_to_dict(replay) == state_to_dict(state)


@settings(max_examples=15)
@given(data=st.data(), seed=st.integers(0, MAX_SEED))
def test_inputs_are_never_mutated(content, data, seed):
    state = new_game(content, seed=seed, label_name="Frozen")
    for _ in range(6):
        plan = data.draw(plans(state, content))
        before = copy.deepcopy(state_to_dict(state))
        plan_before = list(plan)
        result = advance_month(state, plan, content)
        assert state_to_dict(state) == before
        assert plan == plan_before
        if result.state.campaign_complete:
            break
        state = result.state


@settings(max_examples=15)
@given(data=st.data(), seed=st.integers(0, MAX_SEED))
def test_serialisation_round_trip(content, data, seed):
    state, _, _ = _play(data, content, seed, "normal")
    assert state_from_dict(state_to_dict(state)) == state
