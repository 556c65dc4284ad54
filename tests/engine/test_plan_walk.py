"""The plan walk's remembered terms of a choice and its refusals' wording."""

from __future__ import annotations

from dataclasses import replace

import pytest

from labelmgr.engine import TakeMeeting, check_plan, new_game
from labelmgr.engine.rules.choices import choice_by_id, terms_by_id
from labelmgr.engine.rules.offers import offered_meetings
from labelmgr.errors import LabelError


def test_a_choices_terms_are_its_requirements_and_immediate_costs(content):
    scenes = [m for r in content.roles for m in r.meetings]
    scenes += [*content.conversations, *content.events]
    choices = [c for scene in scenes for c in scene.choices]
    assert any(c.requires.is_empty() for c in choices)
    assert any(not c.requires.is_empty() for c in choices)
    for scene in scenes:
        terms = terms_by_id(scene.choices)
        assert list(terms) == [c.id for c in scene.choices]
        for c in scene.choices:
            now = c.effects_immediate
            assert terms[c.id] == (choice_by_id(scene.choices, c.id), not c.requires.is_empty(),
                                   now.creative_capital or 0, now.money or 0)
        assert terms.get("no_such_choice") is None


@pytest.mark.parametrize(("money", "code", "tail"), [
    (100, "GAME_NO_MONEY", "; only $100 is left after this month's plan"),
    (-500, "GAME_MONEY_NEGATIVE", ", but the label's money is negative (-$500): nothing that "
     "spends money until it recovers"),
])
def test_a_costly_meeting_choice_refused_names_the_choice_and_the_executive(
        content, money, code, tail):
    refused = 0
    for seed in range(30):
        state = replace(new_game(content, seed=seed, label_name="Walk"), money=money)
        for role_id, meeting in offered_meetings(state, content).items():
            role = content.role_by_id[role_id]
            for c in meeting.choices:
                cost = -(c.effects_immediate.money or 0)
                if cost <= max(money, 0) or not c.requires.is_empty():
                    continue
                with pytest.raises(LabelError) as err:
                    check_plan(state, [TakeMeeting(role_id, meeting.id, c.id)], content)
                assert err.value.code == code
                assert err.value.message == f"“{c.label}” ({role.title}) costs ${cost:,}{tail}"
                refused += 1
    assert refused
