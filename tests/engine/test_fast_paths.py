"""The engine's shortcuts give exactly what the plain way gives (they exist for speed only)."""

from __future__ import annotations

import zlib
from dataclasses import fields, replace

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from labelmgr.engine import (
    MAX_SEED,
    GameState,
    GrowingPlan,
    MarketingPush,
    ResolveEvent,
    SignArtist,
    StartProject,
    TakeMeeting,
    TalkToArtist,
    advance_month,
    budget_range,
    check_plan,
    new_game,
    preview_project,
)
from labelmgr.engine.evolve import copier, evolve
from labelmgr.engine.plan import most_popular_artist, signing_gates
from labelmgr.engine.rng import BLOCK_MONTHS, STREAMS, draw_integers, stream
from labelmgr.engine.rules.gates import is_open, unmet
from labelmgr.engine.rules.offers import gate_context, offered_conversations, offered_meetings
from labelmgr.engine.rules.progression import initial_access, ladder_index
from labelmgr.engine.songs import SHORT_COLUMN, total
from labelmgr.engine.state import frozen_map
from labelmgr.engine.turn import _NEXT_STATE
from labelmgr.errors import LabelError
from tests.engine.plans import plans


def _numpy_stream(seed: int, month: int, name: str) -> np.random.Generator:
    key = zlib.crc32(name.encode("utf-8"))
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence([seed, month, key])))


@settings(max_examples=40)
@given(seed=st.one_of(st.integers(0, MAX_SEED), st.sampled_from([0, 2**32 - 1, 2**32, MAX_SEED])),
       month=st.integers(0, BLOCK_MONTHS + 3), name=st.sampled_from([*STREAMS, "other"]))
def test_streams_are_numpys_seed_sequence_bit_for_bit(seed, month, name):
    ours, theirs = stream(seed, month, name), _numpy_stream(seed, month, name)
    assert ours.bit_generator.state == theirs.bit_generator.state
    assert np.array_equal(ours.random(8), theirs.random(8))


@settings(max_examples=60)
@given(seed=st.integers(0, MAX_SEED), lo=st.integers(-10**6, 10**6),
       span=st.sampled_from([1, 2, 57, 61, 10**4, 2**31 + 7, 2**32 - 1, 2**40]),
       counts=st.lists(st.integers(0, 9), min_size=1, max_size=4))
def test_draw_integers_gives_numpys_array_draw_number_for_number(seed, lo, span, counts):
    """Scalar draws for a few numbers, one array draw for more: the same numbers as
    ``integers(size=count)`` every time, and the stream left in the same place (spans
    past 2**32 and near it take numpy's other and rejecting paths)."""
    ours, theirs = stream(seed, 1, "songs"), stream(seed, 1, "songs")
    for count in counts:
        assert draw_integers(ours, lo, lo + span, count) == theirs.integers(
            lo, lo + span, size=count).tolist()
    assert ours.bit_generator.state == theirs.bit_generator.state


@pytest.mark.parametrize("first", [0, 2**32 - 3, MAX_SEED - 3])
def test_consecutive_seeds_share_a_block_pass_and_stay_bit_for_bit(first):
    """The blocks computed ahead for the next seeds (across the 32-bit word boundary too)
    give numpy's streams, in the order the simulator asks for them."""
    for seed in range(first, first + 6):
        for month in (1, BLOCK_MONTHS):
            for name in STREAMS:
                ours, theirs = stream(seed, month, name), _numpy_stream(seed, month, name)
                assert ours.bit_generator.state == theirs.bit_generator.state


def _month_and_plan(content, data, seed, months, name):
    """A new game played ``months`` drawn months on, and a drawn plan for the month after."""
    state = new_game(content, seed=seed, label_name=name)
    for _ in range(months):
        if not state.campaign_complete:
            state = advance_month(state, data.draw(plans(state, content)), content).state
    assume(not state.campaign_complete)
    return state, data.draw(plans(state, content))


@settings(max_examples=20)
@given(data=st.data(), seed=st.integers(0, MAX_SEED), months=st.integers(0, 4))
def test_signing_gates_match_check_plan_artist_by_artist(content, data, seed, months):
    state, plan = _month_and_plan(content, data, seed, months, "Gate Records")
    ids = [a.id for a in content.artists]
    expected = {}
    for artist_id in ids:
        try:
            check_plan(state, [*plan, SignArtist(artist_id)], content)
            expected[artist_id] = None
        except LabelError as exc:
            expected[artist_id] = exc.message
    assert signing_gates(state, plan, content, ids) == expected


def _slow_check(state, actions, content):
    """``check_plan`` on equal but new action objects (so no grown plan is handed back):
    its totals, or the refusal's code, message and details."""
    try:
        check = check_plan(state, [replace(a) for a in actions], content)
    except LabelError as exc:
        return ("refused", exc.code, exc.message, exc.details)
    return ("ok", check.slots_used, check.money_after, check.creative_capital_after,
            check.spend, check.meeting_artists)


def _grown(plan, action):
    try:
        check = plan.with_action(action).check
    except LabelError as exc:
        return ("refused", exc.code, exc.message, exc.details)
    return ("ok", check.slots_used, check.money_after, check.creative_capital_after,
            check.spend, check.meeting_artists)


def _extra_actions(state, content):
    """Actions valid or not: every signing, every meeting and conversation choice offered
    (gated or not), every event answer, records and tours for every artist, and pushes."""
    out = [SignArtist(a.id) for a in content.artists]
    for rid, m in offered_meetings(state, content).items():
        out += [TakeMeeting(rid, m.id, c.id) for c in m.choices]
    for aid, conv in offered_conversations(state, content).items():
        out += [TalkToArtist(aid, conv.id, c.id) for c in conv.choices]
    if state.pending_event is not None:
        out += [ResolveEvent(c.id) for c in content.event_by_id[
            state.pending_event.event_id].choices]
    for a in state.artists:
        out += [StartProject("single", a.id, "S", budget_per_song=900),
                StartProject("ep", a.id, "E", song_count=4, producer_tier="pro"),
                StartProject("mini_tour", a.id, "T", venue="clubs", cities=2)]
    out += [MarketingPush("digital_ads", p.id, 2_000) for p in state.projects]
    return out


@settings(max_examples=25)
@given(data=st.data(), seed=st.integers(0, MAX_SEED), months=st.integers(0, 6))
def test_growing_plan_matches_check_plan_action_by_action(content, data, seed, months):
    state, plan = _month_and_plan(content, data, seed, months, "Grow Records")
    grown = GrowingPlan(state, content)
    for k, action in enumerate(plan):
        assert _grown(grown, action) == _slow_check(state, plan[:k + 1], content)
        grown = grown.with_action(action)
    assert grown.actions == tuple(plan)
    refused = 0
    for action in _extra_actions(state, content):
        expected = _slow_check(state, [*plan, action], content)
        refused += expected[0] == "refused"
        assert _grown(grown, action) == expected
    assert refused > 0


def _added(plan, action):
    """``plan.add(action)``'s answer, like ``_grown``'s."""
    try:
        plan.add(action)
    except LabelError as exc:
        return ("refused", exc.code, exc.message, exc.details)
    check = plan.check
    return ("ok", check.slots_used, check.money_after, check.creative_capital_after,
            check.spend, check.meeting_artists)


def _whole(plan):
    """Everything a grown plan holds: its actions, totals and the walk's sets and lists."""
    walk = plan._full
    return (plan.actions, plan._has_event, (
        walk.check.slots_used, walk.check.money_after, walk.check.creative_capital_after,
        walk.check.spend, dict(walk.check.meeting_artists)), list(walk.signed),
        set(walk.roles), set(walk.talked), set(walk.busy))


@settings(max_examples=25)
@given(data=st.data(), seed=st.integers(0, MAX_SEED), months=st.integers(0, 6))
def test_plan_grown_in_place_matches_check_plan_and_a_refusal_changes_nothing(
        content, data, seed, months):
    """``add`` gives ``check_plan``'s answers, and every refusal (of every kind of action,
    offered or not, affordable or not) leaves the plan exactly as it was."""
    state, plan = _month_and_plan(content, data, seed, months, "Grow Records")

    def grown_in_place():
        grown = GrowingPlan(state, content)
        for k, action in enumerate(plan):
            assert _added(grown, action) == _slow_check(state, plan[:k + 1], content)
        return grown

    grown = grown_in_place()
    refused = 0
    for action in _extra_actions(state, content):
        expected = _slow_check(state, [*plan, action], content)
        before = _whole(grown)
        assert _added(grown, action) == expected
        if expected[0] == "refused":
            refused += 1
            assert _whole(grown) == before
        else:
            assert grown.actions == (*plan, action)
            grown = grown_in_place()
    assert refused > 0


def test_a_plan_grown_in_place_leaves_the_plans_it_came_from_alone(content):
    state = new_game(content, seed=7, label_name="Grow Records")
    artist = state.artists[0].id
    empty = GrowingPlan(state, content)
    one = empty.with_action(StartProject("single", artist, "One", song_count=1))
    one.add(SignArtist(next(a.id for a in content.artists if a.id != artist)))
    one.add(TakeMeeting(*next(iter(_offered_choice(state, content)))))
    assert empty.actions == () and empty.check.money_after == state.money
    assert len(one.actions) == 3
    assert check_plan(state, list(one.actions), content).money_after == one.check.money_after


def test_plans_grown_from_one_another_keep_their_own_walks(content):
    """A plan made with ``with_action`` and the plan it came from, grown in place after it,
    never see each other's actions (a signing redoes each plan from its own start)."""
    state = new_game(content, seed=7, label_name="Grow Records")
    artist = state.artists[0].id
    signing = SignArtist(next(a.id for a in content.artists if a.id != artist))
    meeting = TakeMeeting(*next(_offered_choice(state, content)))
    single = StartProject("single", artist, "One", song_count=1)
    base = GrowingPlan(state, content)
    derived = base.with_action(single)
    base.add(meeting)
    derived.add(signing)
    assert _slow_check(state, [single, signing], content)[1:] == (
        derived.check.slots_used, derived.check.money_after,
        derived.check.creative_capital_after, derived.check.spend,
        derived.check.meeting_artists)
    base.add(signing)
    assert base.check.money_after == check_plan(
        state, [replace(meeting), replace(signing)], content).money_after


def _offered_choice(state, content):
    for rid, meeting in offered_meetings(state, content).items():
        for c in meeting.choices:
            try:
                check_plan(state, [TakeMeeting(rid, meeting.id, c.id)], content)
            except LabelError:
                continue
            yield rid, meeting.id, c.id


def test_check_plan_hands_back_only_the_very_plan_grown(content):
    state = new_game(content, seed=7, label_name="Grow Records")
    artist = state.artists[0].id
    single = StartProject("single", artist, "One", song_count=1)
    grown = GrowingPlan(state, content).with_action(single)
    check = check_plan(state, [single], content)
    assert (check.slots_used, check.money_after) == (1, grown.check.money_after)
    check.money_after = 0
    assert check_plan(state, [single], content).money_after == grown.check.money_after
    # an equal plan of other objects is walked again: True equals 1, but is no song count
    with pytest.raises(LabelError) as exc:
        check_plan(state, [replace(single, song_count=True)], content)
    assert exc.value.code == "VAL_SONG_COUNT"


def _plain_meeting_offers(state, content):
    """The meeting offers the slow way: every meeting's gate against the role's context."""
    draws = stream(state.seed, state.month, "meetings").random(len(content.roles))
    offers = {}
    for role, u in zip(content.roles, draws, strict=True):
        ctx = gate_context(state, role_id=role.id)
        eligible = [m for m in role.meetings if unmet(m.requires, ctx) is None
                    and (state.artists or not m.concerns_artist)]
        if eligible:
            offers[role.id] = eligible[int(u * len(eligible))]
    return offers


@settings(max_examples=40)
@given(seed=st.integers(0, 10_000), month=st.integers(1, 12), reputation=st.integers(0, 30),
       relationship=st.integers(40, 60), artists=st.booleans())
def test_meeting_offers_match_every_gate_checked(content, seed, month, reputation,
                                                 relationship, artists):
    state = new_game(content, seed=seed, label_name="Offers")
    state = replace(state, month=month, reputation=reputation,
                    relationships=frozen_map({r.id: relationship for r in content.roles}),
                    artists=state.artists if artists else ())
    assert offered_meetings(state, content) == _plain_meeting_offers(state, content)


@settings(max_examples=15)
@given(data=st.data(), seed=st.integers(0, MAX_SEED))
def test_meeting_offers_match_the_gates_month_after_month(content, data, seed):
    """Played months move released songs, reputation and relationships past the gates."""
    state = new_game(content, seed=seed, label_name="Offers Month")
    while not state.campaign_complete:
        assert offered_meetings(state, content) == _plain_meeting_offers(state, content)
        state = advance_month(state, data.draw(plans(state, content)), content).state


def test_meeting_offers_open_at_each_relationship_minimum(content):
    """Relationship gates open exactly at their minimum (the remembered eligibility is keyed
    by where each value falls among the minimums)."""
    state = new_game(content, seed=3, label_name="Gates")
    minimums = {m.requires.role_relationship for r in content.roles for m in r.meetings
                if m.requires.role_relationship is not None}
    assert minimums
    for level in sorted(minimums):
        for relationship in (level - 1, level, level + 1):
            for month in (1, 4, 12):
                probe = replace(state, month=month, relationships=frozen_map(
                    {r.id: relationship for r in content.roles}))
                assert offered_meetings(probe, content) == _plain_meeting_offers(probe, content)


def test_evolve_copies_with_changes_like_dataclasses_replace(content):
    state = new_game(content, seed=5, label_name="Evolve")
    before = (state.month, state.money)
    moved = evolve(state, month=3, money=-12)
    assert moved == replace(state, month=3, money=-12)
    assert (state.month, state.money) == before == (1, state.starting_money)
    assert evolve(state) == state and evolve(state) is not state
    with pytest.raises(TypeError, match=r"GameState has no field\(s\) \['cash'\]"):
        evolve(state, month=2, cash=5)


def test_is_open_tells_empty_requirements_apart(content):
    choices = [c for r in content.roles for m in r.meetings for c in m.choices]
    assert any(is_open(c.requires) for c in choices)
    assert any(not is_open(c.requires) for c in choices)
    for c in choices:
        assert is_open(c.requires) == c.requires.is_empty()


def test_evolve_remembers_each_set_of_changed_fields_apart(content):
    """One copy function per class and changed names: another order or set of names is its
    own function, and each copies every other field from the original."""
    state = new_game(content, seed=6, label_name="Evolve Order")
    assert evolve(state, money=1, month=2) == evolve(state, month=2, money=1) \
        == replace(state, month=2, money=1)
    assert evolve(state, reputation=9) == replace(state, reputation=9)
    assert evolve(state, money=1, month=2).label_name == "Evolve Order"


def test_a_copier_takes_exactly_its_fields_as_keywords(content):
    state = new_game(content, seed=6, label_name="Copier")
    move = copier(GameState, "month", "money")
    assert move(state, month=4, money=-3) == replace(state, month=4, money=-3)
    assert move(state, money=-3, month=4).label_name == "Copier"
    assert copier(GameState, "month", "money") is move
    with pytest.raises(TypeError):
        move(state, month=4)  # every named field must be given
    with pytest.raises(TypeError):
        move(state, month=4, money=1, reputation=2)
    with pytest.raises(TypeError, match=r"GameState has no field\(s\) \['cash'\]"):
        copier(GameState, "month", "cash")
    assert copier(GameState)(state) == state


def test_the_months_state_copy_changes_every_field_the_month_changes(content):
    """The month's own copier (turn.py) names every field of the state but those a month
    never changes, so a new field is either written there or kept from the month before."""
    code = _NEXT_STATE.__code__
    changed = set(code.co_varnames[1:1 + code.co_kwonlyargcount])
    kept = {f.name for f in fields(GameState)} - changed
    assert kept == {"label_name", "seed", "difficulty", "starting_money"}


def _plain_most_popular(state, extra=()):
    ids = [a.id for a in state.artists] + list(extra)
    pops = {a.id: a.popularity for a in state.artists}
    return min(ids, key=lambda i: (-pops.get(i, 0), i)) if ids else None


@settings(max_examples=40)
@given(data=st.data(), seed=st.integers(0, 1_000), signed=st.integers(0, 3))
def test_most_popular_artist_is_highest_popularity_then_id(content, data, seed, signed):
    state = new_game(content, seed=seed, label_name="Popular")
    pool = [a for a in content.artists if state.artist(a.id) is None]
    chosen = data.draw(st.lists(st.sampled_from(pool), max_size=4, unique=True))
    artists = tuple(replace(a, popularity=data.draw(st.integers(0, 3)))
                    for a in state.artists[:signed])
    state = replace(state, artists=artists)
    extra = [a.id for a in chosen]
    assert most_popular_artist(state, extra) == _plain_most_popular(state, extra)
    assert most_popular_artist(state) == _plain_most_popular(state)


@settings(max_examples=30)
@given(seed=st.integers(0, 1_000), reputation=st.integers(0, 100))
def test_progression_unlocks_the_same_whether_remembered_or_not(content, seed, reputation):
    """A reputation that unlocked nothing before unlocks nothing again; one that unlocks
    still unlocks (the remembered 'settled' states never hide an unlock)."""
    state = replace(new_game(content, seed=seed, label_name="Tiers"), reputation=reputation)
    first = advance_month(state, [], content).state
    again = advance_month(state, [], content).state
    assert (first.access, first.producer_tiers, first.focus_slots, first.roster_places) == (
        again.access, again.producer_tiers, again.focus_slots, again.roster_places)
    expected = initial_access(content.balance, first.reputation)
    for ladder in ("playlist", "press", "venue"):
        steps = getattr(content.balance.access, ladder)
        assert ladder_index(steps, getattr(first.access, ladder)) >= ladder_index(
            steps, getattr(expected, ladder))


def test_actions_with_plain_field_types_pass_and_others_are_refused(content):
    state = new_game(content, seed=8, label_name="Types")
    artist = state.artists[0].id if state.artists else content.artists[0].id

    class Count(int):
        """An int subclass: let through, as isinstance allows."""

    good = StartProject("single", artist, "Song", song_count=Count(1))
    bad = [StartProject("single", artist, "Song", song_count=True),
           StartProject("single", artist, "Song", song_count=1.0),
           StartProject("single", artist, 7)]
    for action in bad:
        with pytest.raises(LabelError) as refused:
            check_plan(state, [action], content)
        assert refused.value.code in {"VAL_SONG_COUNT", "VAL_TITLE"}
    try:
        check_plan(state, [good], content)
    except LabelError as exc:
        assert not exc.code.startswith("VAL_SONG")


def test_budget_range_is_the_previews_budget_bounds(content):
    state = new_game(content, seed=9, label_name="Budgets")
    artist = state.artists[0].id
    b = content.balance
    for kind, ptype in b.projects.types.items():
        for count in range(ptype.min_songs, ptype.max_songs + 1):
            for tier in content.producer_tier_by_id:
                for time in content.time_investment_by_id:
                    record = StartProject(kind, artist, "Bounds", song_count=count,
                                          producer_tier=tier, time_investment=time)
                    preview = preview_project(state, content, record)
                    assert budget_range(content, record) == (preview.budget_min,
                                                             preview.budget_max)


@given(values=st.lists(st.integers(-(2**40), 2**40), max_size=3 * SHORT_COLUMN))
def test_a_column_total_is_numpys_sum_short_or_long(values):
    column = np.array(values, dtype=np.int64)
    got = total(column)
    assert type(got) is int
    assert got == int(column.sum())
