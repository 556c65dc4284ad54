"""One test per effect key of the closed vocabulary (effects.md): handler, target, result."""

from __future__ import annotations

from dataclasses import replace

import pytest

from labelmgr.content.effects import EFFECT_KEYS
from labelmgr.engine import StartProject, advance_month, new_game
from labelmgr.engine.rules import modifiers
from labelmgr.engine.rules.effects import EffectTarget, apply_effects, describe_one
from labelmgr.engine.state import Modifier
from labelmgr.engine.turn import Turn


@pytest.fixture
def turn(content):
    state = new_game(content, seed=7, label_name="Effects Lab")
    return Turn(state, content)


def _apply(turn, key, value, *, artist="mira_vale", role="producer", duration=1):
    apply_effects(turn, ((key, float(value)),),
                  EffectTarget("Test: “choice”", "meetings", artist_id=artist, role_id=role,
                               duration=duration))


def test_money_is_a_ledger_entry(turn):
    _apply(turn, "money", -2_500)
    assert turn.money == 75_000 - 2_500
    assert [(e.category, e.amount) for e in turn.entries] == [("meetings", -2_500)]


def test_reputation_is_clamped(turn):
    _apply(turn, "reputation", 3)
    assert turn.reputation == 8
    _apply(turn, "reputation", -5)
    _apply(turn, "reputation", -5)
    assert turn.reputation == 0


def test_creative_capital_never_below_zero(turn):
    _apply(turn, "creative_capital", -5)
    _apply(turn, "creative_capital", -5)
    _apply(turn, "creative_capital", -5)
    assert turn.creative_capital == 0


def test_artist_mood_scales_with_the_archetype_swing(turn):
    # Mira Vale is a visionary: mood swing 1.5, so +4 → +6; loyalty/popularity unscaled
    _apply(turn, "artist_mood", 4)
    _apply(turn, "artist_loyalty", -3)
    _apply(turn, "artist_popularity", 2)
    a = turn.artists["mira_vale"]
    spec = turn.content.artist_by_id["mira_vale"]
    assert (a.mood, a.loyalty, a.popularity) == (spec.mood + 6, spec.loyalty - 3,
                                                 spec.popularity + 2)


def test_artist_effects_skip_an_artist_who_is_not_signed(turn):
    _apply(turn, "artist_mood", 5, artist="juno_sparks")
    assert "juno_sparks" not in turn.artists


@pytest.mark.parametrize("key", ["quality_bonus", "cost_discount", "stream_boost",
                                 "press_boost", "variance", "tour_boost"])
def test_next_x_modifiers_wait_on_the_state(turn, key):
    _apply(turn, key, 5)
    (mod,) = turn.modifiers
    assert (mod.kind, mod.value, mod.created_month, mod.expires_month) == (key, 5, 1, 7)
    # not usable in the month that created it, usable from the next
    assert not modifiers.usable(mod, 1, "mira_vale") and modifiers.usable(mod, 2, "mira_vale")


def test_quality_bonus_targets_the_artist_of_the_choice(turn):
    _apply(turn, "quality_bonus", 4)
    assert turn.modifiers[0].artist_id == "mira_vale"
    assert modifiers.total(turn.modifiers, "quality_bonus", 2, "juno_sparks") == 0
    _apply(turn, "quality_bonus", 3, artist=None)
    assert modifiers.total(turn.modifiers, "quality_bonus", 2, "juno_sparks") == 3


def test_cost_discount_lowers_the_next_project(content):
    state = new_game(content, seed=7, label_name="Discount")
    state = replace(state, modifiers=(Modifier("cost_discount", 20, "test", 0, 6),))
    result = advance_month(state, [StartProject("single", "mira_vale", "Cheap")], content)
    assert result.state.projects[0].cost == 2_400    # 3,000 less 20%
    assert result.state.modifiers == ()               # consumed


def test_quality_bonus_is_consumed_by_the_next_project(content):
    state = new_game(content, seed=7, label_name="Bonus")
    state = replace(state, modifiers=(Modifier("quality_bonus", 6, "test", 0, 6),))
    s = advance_month(state, [StartProject("single", "mira_vale", "Better")], content).state
    assert s.projects[0].quality_bonus == 6 and s.modifiers == ()


def test_stream_boost_is_consumed_by_the_next_release(content):
    state = new_game(content, seed=7, label_name="Boost")
    s1 = advance_month(state, [StartProject("single", "mira_vale", "Loud")], content).state
    s2 = advance_month(s1, [], content).state
    boosted = replace(s2, modifiers=(Modifier("stream_boost", 100, "test", 1, 9),))
    a = advance_month(boosted, [], content).state
    b = advance_month(s2, [], content).state
    assert a.modifiers == ()
    # +100% doubles the first-month streams (same variance draw)
    assert int(a.songs.initial_streams[0]) == pytest.approx(2 * int(b.songs.initial_streams[0]),
                                                            abs=1)


def test_unused_modifiers_expire_and_say_so(content):
    state = new_game(content, seed=7, label_name="Expire")
    state = replace(state, modifiers=(Modifier("tour_boost", 10, "test", 0, 1),))
    r = advance_month(state, [], content)
    assert r.state.modifiers == ()
    assert any(e.kind == "ModifierExpired" for e in r.events)


def test_playlist_boost_and_monthly_income_last_for_their_duration(turn):
    _apply(turn, "playlist_boost", 0.2, duration=3)
    _apply(turn, "monthly_income", 1_500, duration=2)
    assert [(e.kind, e.start_month, e.end_month) for e in turn.lasting] == [
        ("playlist_boost", 1, 3), ("monthly_income", 1, 2)]


def test_monthly_income_pays_each_month_of_its_duration(content):
    from labelmgr.engine.state import LastingEffect
    state = new_game(content, seed=7, label_name="Income")
    state = replace(state, lasting=(LastingEffect("monthly_income", 1_500, "deal", 1, 2),))
    s = state
    paid = []
    for _ in range(3):
        s = advance_month(s, [], content).state
        paid.append(sum(e.amount for e in s.ledger if e.category == "income"))
    assert paid == [1_500, 3_000, 3_000]


def test_event_chance_adds_to_the_next_roll_then_resets(turn):
    from labelmgr.engine.rules.random_events import roll_event

    _apply(turn, "event_chance", 30)
    assert turn.event_chance_bonus == 30
    roll_event(turn)
    assert turn.event_chance_bonus == 0


def test_role_relationship_moves_the_meeting_role(turn):
    _apply(turn, "role_relationship", 8)
    assert turn.relationships["producer"] == 58
    _apply(turn, "role_relationship", 5, role=None)
    assert turn.relationships == {"producer": 58}


@pytest.mark.parametrize(("key", "value", "text"), [
    ("money", -6000, "-$6,000"), ("money", 2500, "+$2,500"),
    ("reputation", 2, "+2 reputation"), ("quality_bonus", 6, "+6 quality (next recording)"),
    ("stream_boost", 25, "+25% streams (next release)"),
    # not "±0.25 variance": the band of 0.9-1.1 times the streams widens by 0.25 each way
    ("variance", 0.25, "streams swing ±25% more (next release)"),
    ("variance", 0.1, "streams swing ±10% more (next release)"),
    ("monthly_income", 500, "+$500/month for 3 months"),
])
def test_badges_read_well(key, value, text):
    assert describe_one(key, value, 3 if key == "monthly_income" else 1) == text


def test_every_key_has_a_badge():
    for key in EFFECT_KEYS:
        assert describe_one(key, 1)
