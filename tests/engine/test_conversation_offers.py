"""Which conversation each artist is offered: not the one it held last, and not one another
artist is offered the same month, while its archetype has another scene."""

from __future__ import annotations

from dataclasses import replace

import pytest

from labelmgr.engine import TalkToArtist, advance_month, check_plan, new_game
from labelmgr.engine.rules.offers import offered_conversations
from labelmgr.engine.serialize import state_from_dict, state_to_dict
from labelmgr.engine.state import Artist, frozen_map
from labelmgr.errors import LabelError


def _talk(state, content, artist_id):
    """The state after a month of one conversation with the artist (the first choice the
    plan accepts) and the conversation held."""
    conv = offered_conversations(state, content)[artist_id]
    for choice in conv.choices:
        action = TalkToArtist(artist_id, conv.id, choice.id)
        try:
            check_plan(state, [action], content)
        except LabelError:
            continue
        return advance_month(state, [action], content).state, conv.id
    raise AssertionError(f"no choice of {conv.id} can be taken")


def _signed(content, archetype: str) -> tuple[Artist, ...]:
    specs = [s for s in content.artists if s.archetype == archetype]
    return tuple(Artist(s.id, s.name, s.archetype, s.genre, s.talent, s.work_ethic,
                        s.popularity, s.temperament, s.loyalty, s.mood, s.monthly_fee, 1, 1)
                 for s in specs)


@pytest.mark.parametrize("seed", range(24))
def test_an_artist_is_not_offered_the_conversation_it_just_held(content, seed):
    """Without the rule, one seed in three offers the same scene again next month."""
    state = new_game(content, seed=seed, label_name="Neon Owl Records")
    artist_id = state.artists[0].id
    after, held = _talk(state, content, artist_id)
    assert after.conversations_held == {artist_id: held}
    assert offered_conversations(after, content)[artist_id].id != held


@pytest.mark.parametrize("month", range(1, 13))
def test_artists_of_one_archetype_are_offered_different_conversations(content, month):
    state = new_game(content, seed=77, label_name="Neon Owl Records")
    for archetype, scenes in content.conversations_by_archetype.items():
        artists = _signed(content, archetype)[:len(scenes)]
        assert len(artists) >= 3
        offers = offered_conversations(replace(state, month=month, artists=artists), content)
        assert len({offers[a.id].id for a in artists}) == len(artists)


def test_an_archetype_with_one_scene_still_offers_it(content):
    """The rule only narrows the draw while another scene is left."""
    first = content.conversations_by_archetype["visionary"][0]
    one = replace(content, conversations=tuple(
        c for c in content.conversations if c.archetype != "visionary" or c is first))
    visionary = one.conversations_by_archetype["visionary"]
    assert visionary == (first,)
    artists = _signed(content, "visionary")[:2]
    state = replace(new_game(content, seed=5, label_name="Neon Owl Records"), artists=artists,
                    conversations_held=frozen_map({artists[0].id: visionary[0].id}))
    offers = offered_conversations(state, one)
    assert [offers[a.id] for a in artists] == [visionary[0], visionary[0]]


def test_the_conversations_held_are_saved_and_older_saves_load_without_them(content):
    state = new_game(content, seed=3, label_name="Neon Owl Records")
    after, held = _talk(state, content, state.artists[0].id)
    saved = state_to_dict(after)
    assert saved["conversations_held"] == {state.artists[0].id: held}
    assert state_from_dict(saved) == after
    del saved["conversations_held"]
    assert state_from_dict(saved) == replace(after, conversations_held=frozen_map())
