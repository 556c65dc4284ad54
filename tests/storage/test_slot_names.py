"""Autosave names: the month to be played (saying so in a career), or that the game is over
(never "month 13" of a twelve-month campaign)."""

from __future__ import annotations

from dataclasses import replace

from labelmgr.content import Content
from labelmgr.engine import GameState, new_game
from labelmgr.storage.slots import autosave_name
from tests.service.play import played


def test_an_autosave_names_the_month_or_says_the_game_is_over(content: Content):
    def name(state: GameState) -> str:
        return autosave_name(state.phase, state.month)

    assert name(new_game(content, seed=1, label_name="Names")) == "Autosave, month 1"
    over = played(content, 12)
    assert over.month == 13 and over.finished
    assert name(over) == "Autosave, campaign over"
    career = played(content, 14)
    assert career.career and name(career) == "Autosave, month 15, career"
    ended = replace(career, career=False)  # how a bankruptcy ends a career
    assert ended.career_ended and name(ended) == "Autosave, career over"
