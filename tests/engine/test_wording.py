"""Refusals read as English: the article before a content name follows how it sounds."""

from __future__ import annotations

import pytest

from labelmgr.engine import StartProject, advance_month, check_plan, new_game
from labelmgr.errors import LabelError
from labelmgr.wording import a_or_an, plural


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


@pytest.mark.parametrize(("amount", "expected"), [
    (0, "0 songs"), (1, "1 song"), (2, "2 songs"), (1200, "1,200 songs")])
def test_plural_fits_the_word_to_the_count(amount: int, expected: str):
    assert plural(amount, "song", "songs") == expected


def test_the_report_says_one_song_not_songs(content):
    game = new_game(content, seed=1234, label_name="Neon Owl Records")
    single = StartProject("single", "mira_vale", "Glass Harbour")
    month = advance_month(game, [single], content)
    month = advance_month(month.state, [], content)
    texts = [e.text for e in month.events]
    assert any(t.startswith("Mira Vale recorded 1 song for “Glass Harbour” (1/1)") for t in texts), texts
    assert not any("(s)" in e.text for e in month.events)
