"""The random policy's draw gives exactly the plans of its plain form."""

from __future__ import annotations

import pytest

from labelmgr.engine import advance_month, new_game
from labelmgr.sim.policies.base import PlanDraft
from labelmgr.sim.policies.random_policy import Pick, RandomPolicy


class _FilteringRandom(RandomPolicy):
    """The random policy drawing the plain way: after every pick taken, the list is filtered
    of the picks that clash with it (its rivals), for a signing and with the slots full
    too."""

    def _draw(self, draft: PlanDraft, picks: list[Pick], cand) -> None:
        places = cand.roster_places_left
        while picks:
            if draft.free_slots <= 0:
                if places <= 0:
                    return
                picks = [p for p in picks if p.signing]
                if not picks:
                    return
            i = self._below(len(picks) + 1)
            if i == len(picks):
                return
            picks[i], picks[-1] = picks[-1], picks[i]
            pick = picks.pop()
            action = pick.action or self._action(draft.state, pick.recipe, cand)
            if not draft.try_add(action):
                continue
            if pick.signing:
                places -= 1
                if places <= 0:
                    picks = [p for p in picks if not p.signing]
                    continue
            clash = {id(p) for p in pick.rivals}
            picks = [p for p in picks if id(p) not in clash]


@pytest.mark.parametrize("difficulty", ["easy", "normal", "hard"])
def test_random_plans_match_the_plain_filtering_draw(content, difficulty):
    months = 0
    for seed in range(1, 25):
        fast, plain = RandomPolicy(content, seed), _FilteringRandom(content, seed)
        state = new_game(content, seed=seed, difficulty=difficulty, label_name="Draw")
        while not state.campaign_complete:
            plan = fast.plan(state)
            assert plan == plain.plan(state)
            state = advance_month(state, plan, content).state
            months += 1
    assert months > 100


def test_a_picks_rivals_are_the_other_picks_of_its_scene_or_artist(content):
    policy = RandomPolicy(content, 1)
    state = new_game(content, seed=1, label_name="Draw")
    meeting = content.roles[0].meetings[0]
    picks = policy._scene_picks("meeting", content.roles[0].id, meeting)
    assert len(picks) == len(meeting.choices) > 1
    for pick in picks:
        assert set(map(id, pick.rivals)) == {id(p) for p in picks if p is not pick}
    projects = policy._project_picks(state.artists[0].id, True)
    assert [p.recipe[0] for p in projects][-1] == "mini_tour"
    for pick in projects:
        assert len(pick.rivals) == len(projects) - 1 and pick not in pick.rivals
    assert policy._signing_pick(content.artists[-1].id).rivals == ()
