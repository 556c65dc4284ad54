"""Refusals read as English: the article before a content name follows how it sounds."""

from __future__ import annotations

import pytest

from labelmgr.engine import StartProject, check_plan, new_game
from labelmgr.engine.plan import a_or_an
from labelmgr.errors import LabelError


@pytest.mark.parametrize(("name", "expected"), [
    ("EP", "An EP"), ("Single", "A Single"), ("PR push", "A PR push"),
    ("Digital campaign", "A Digital campaign"), ("Indie", "An Indie"),
    ("Local", "A Local"), ("MC battle", "An MC battle"), ("Arena", "An Arena")])
def test_a_or_an_follows_the_sound(name: str, expected: str):
    assert a_or_an(name) == expected


def test_an_ep_with_too_many_songs_is_refused_with_an(content):
    game = new_game(content, seed=1234, label_name="Neon Owl Records")
    with pytest.raises(LabelError) as err:
        check_plan(game, [StartProject("ep", "mira_vale", "Big", song_count=9)], content)
    assert (err.value.code, err.value.message) == ("VAL_SONG_COUNT",
                                                   "An EP has 3 to 8 songs, not 9")
