"""One month at a time: the order of resolution, the ledger, slots, signings, projects,
effects, events, bankruptcy and the end of the campaign (mechanics.md Part A)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from labelmgr.engine import (
    MarketingPush,
    ResolveEvent,
    SignArtist,
    StartProject,
    TakeMeeting,
    advance_month,
    check_plan,
    new_game,
    plan_options,
    start_career,
)
from labelmgr.engine.events import DelayedEffectFired, EventResolved
from labelmgr.engine.rng import stream
from labelmgr.engine.state import Access, PendingEvent
from labelmgr.errors import LabelError


@pytest.fixture
def game(content):
    return new_game(content, seed=1234, label_name="Neon Owl Records")


def test_new_game_follows_the_difficulty_presets(content):
    for difficulty, money, artist in (("easy", 150_000, "tomas_reyne"),
                                      ("normal", 75_000, "mira_vale"),
                                      ("hard", 40_000, "juno_sparks")):
        s = new_game(content, seed=1, difficulty=difficulty, label_name="X")
        assert (s.money, s.starting_money) == (money, money)
        assert [a.id for a in s.artists] == [artist]
        assert (s.month, s.reputation, s.creative_capital, s.focus_slots) == (1, 5, 10, 3)
        assert s.access == Access("none", "none", "clubs")   # venue clubs at threshold 5
        assert s.roster_places == 2
        assert s.producer_tiers == ("local",)


@pytest.mark.parametrize("bad", [{"difficulty": "nightmare"}, {"seed": -1},
                                 {"seed": 2**40}, {"label_name": "   "},
                                 {"label_name": "x" * 41}, {"label_name": "a\x07b"}])
def test_new_game_refuses_bad_input(content, bad):
    kw = {"seed": 1, "label_name": "Fine", **bad}
    with pytest.raises(LabelError) as err:
        new_game(content, **kw)
    assert err.value.code.startswith("VAL_")


def test_empty_month_charges_overhead_and_fees_once(content, game):
    result = advance_month(game, [], content)
    s = result.state
    burn = -sum(e.amount for e in s.ledger if e.category == "operations")
    assert 3_000 <= burn <= 6_000
    fee = content.artist_by_id["mira_vale"].monthly_fee
    assert [e.amount for e in s.ledger if e.category == "artist_fees"] == [-fee]
    assert s.money == 75_000 - burn - fee == s.starting_money + s.ledger_total
    assert s.month == 2 and result.report.month == 1
    assert result.report.net == -(burn + fee)
    # the burn is the first draw of the month's "economy" stream
    assert burn == int(stream(1234, 1, "economy").integers(3_000, 6_001))


def test_the_same_month_is_the_same_to_the_dollar(content, game):
    a = advance_month(game, [], content).state
    b = advance_month(game, [], content).state
    assert a.money == b.money and a.ledger == b.ledger


def test_signing_charges_and_roster_places_limit(content, game):
    spec = content.artist_by_id["tomas_reyne"]
    s = advance_month(game, [SignArtist("tomas_reyne")], content).state
    assert s.artist("tomas_reyne") is not None
    signing = [e for e in s.ledger if e.category == "signing"]
    assert [e.amount for e in signing] == [-spec.signing_cost]
    with pytest.raises(LabelError) as err:
        check_plan(s, [SignArtist("juno_sparks")], content)
    assert err.value.code == "GAME_ROSTER_FULL"


def test_focus_slots_limit_the_plan(content, game):
    opts = plan_options(game, [], content)
    meetings = [TakeMeeting(m.role.id, m.meeting.id, c.choice.id)
                for m in opts.meetings for c in m.choices[:1] if c.gate is None][:4]
    assert len(meetings) == 4
    check_plan(game, meetings[:3], content)
    with pytest.raises(LabelError) as err:
        check_plan(game, meetings, content)
    assert err.value.code == "GAME_NO_SLOTS" and err.value.details["index"] == 3
    four = replace(game, reputation=18, focus_slots=4)
    assert advance_month(four, [], content).state.focus_slots == 4
    assert advance_month(replace(game, reputation=18), [], content).state.focus_slots == 4


def test_one_meeting_per_executive(content, game):
    m = plan_options(game, [], content).meetings[0]
    twice = [TakeMeeting(m.role.id, m.meeting.id, c.choice.id) for c in m.choices[:2]]
    with pytest.raises(LabelError) as err:
        check_plan(game, twice, content)
    assert err.value.code == "GAME_MEETING_TWICE"


def test_a_single_records_then_releases_when_production_ends(content, game):
    plan = [StartProject("single", "mira_vale", "Low Tide")]
    m1 = advance_month(game, plan, content)
    project = m1.state.projects[0]
    # Mira Vale: visionary, work ethic below 80 → standard takes 2 months
    assert (project.start_month, project.release_month, project.cost) == (1, 3, 3_000)
    assert [e.amount for e in m1.state.ledger if e.category == "projects"] == [-3_000]
    assert len(m1.state.songs) == 0                      # recording starts next month
    m2 = advance_month(m1.state, [], content)
    assert len(m2.state.songs) == 1 and m2.state.songs.release_month[0] == 0
    m3 = advance_month(m2.state, [], content)
    song = m3.state.songs.row(0)
    assert song.release_month == 3 and song.initial_streams > 0
    assert m3.report.releases[0].streams == song.initial_streams
    first = [e for e in m3.state.ledger if e.category == "releases"]
    assert [e.amount for e in first] == [song.total_revenue] == [m3.report.releases[0].revenue]
    assert m3.state.projects[0].stage == "released"
    m4 = advance_month(m3.state, [], content)
    assert [e.category for e in m4.report.entries].count("streaming") == 1
    assert m4.state.songs.total_revenue[0] > song.total_revenue


def test_an_artist_does_one_project_at_a_time(content, game):
    plan = [StartProject("single", "mira_vale", "One"), StartProject("single", "mira_vale", "Two")]
    with pytest.raises(LabelError) as err:
        check_plan(game, plan, content)
    assert err.value.code == "GAME_ARTIST_BUSY"


@pytest.mark.parametrize(("action", "code"), [
    (StartProject("single", "mira_vale", ""), "VAL_TITLE"),
    (StartProject("single", "mira_vale", "X", song_count=4), "VAL_SONG_COUNT"),
    (StartProject("single", "mira_vale", "X", producer_tier="regional"), "GAME_TIER_LOCKED"),
    (StartProject("single", "mira_vale", "X", budget_per_song=100), "VAL_BUDGET"),
    (StartProject("single", "nobody", "X"), "GAME_NOT_SIGNED"),
    (StartProject("album", "mira_vale", "X"), "VAL_PROJECT_KIND"),
    (StartProject("mini_tour", "mira_vale", "X", venue="arenas", cities=2), "GAME_VENUE_LOCKED"),
    (StartProject("mini_tour", "mira_vale", "X", venue="clubs", cities=9), "VAL_CITIES"),
    (MarketingPush("digital_ads", 99, 2_000), "GAME_NO_RECORD"),
    (SignArtist("mira_vale"), "GAME_ALREADY_SIGNED"),
    (ResolveEvent("x"), "GAME_NO_EVENT"),
])
def test_invalid_actions_are_refused_with_a_code(content, game, action, code):
    with pytest.raises(LabelError) as err:
        advance_month(game, [action], content)
    assert err.value.code == code and err.value.message


def test_spending_is_refused_beyond_the_cash_and_while_money_is_negative(content, game):
    with pytest.raises(LabelError) as err:
        check_plan(replace(game, money=2_000), [StartProject("single", "mira_vale", "X")],
                   content)
    assert err.value.code == "GAME_NO_MONEY"
    with pytest.raises(LabelError) as err:
        check_plan(replace(game, money=-500), [StartProject("single", "mira_vale", "X")],
                   content)
    assert err.value.code == "GAME_MONEY_NEGATIVE"
    assert "the label's money is negative (-$500)" in err.value.message


def test_a_costly_choice_says_why_it_is_closed(content, game):
    """Short of cash it names what is left; with the label's money negative it says that no
    spending is allowed (not "$0 left", which read as a small shortfall)."""
    def costly_gates(state):
        return {c.gate for m in plan_options(state, [], content).meetings for c in m.choices
                if (c.choice.effects_immediate.money or 0) < -200}
    short = costly_gates(replace(game, money=200))
    assert short and all(g is not None and g.endswith("; $200 left") for g in short)
    negative = costly_gates(replace(game, money=-500))
    assert negative and all(
        g is not None and g.endswith("; no spending while the label's money is negative")
        for g in negative)


def test_marketing_feeds_the_release(content, game):
    s = advance_month(game, [StartProject("single", "mira_vale", "Ad Me")], content).state
    pushed = advance_month(s, [MarketingPush("digital_ads", 1, 8_000)], content).state
    plain = advance_month(s, [], content).state
    assert pushed.projects[0].ad_spend == 8_000
    a = advance_month(pushed, [], content).state.songs.initial_streams[0]
    b = advance_month(plain, [], content).state.songs.initial_streams[0]
    assert a > b


def test_delayed_effects_fire_later_and_name_their_cause(content):
    for seed in range(40):
        s = new_game(content, seed=seed, label_name="Delay")
        for m in plan_options(s, [], content).meetings:
            for c in m.choices:
                if c.gate is None and c.delayed and c.choice.delay == 1:
                    r1 = advance_month(s, [TakeMeeting(m.role.id, m.meeting.id, c.choice.id)],
                                       content)
                    assert len(r1.state.delayed) == 1
                    r2 = advance_month(r1.state, [], content)
                    fired = [e for e in r2.events if isinstance(e, DelayedEffectFired)]
                    assert len(fired) == 1 and fired[0].source_month == 1
                    assert c.choice.label in fired[0].text
                    assert r2.state.delayed == ()
                    return
    pytest.fail("no meeting with a delayed effect was offered")


def test_pending_event_default_applies_without_a_choice(content, game):
    event = content.events[0]
    s = replace(game, pending_event=PendingEvent(event.id, 1, "mira_vale"))
    r = advance_month(s, [], content)
    resolved = [e for e in r.events if isinstance(e, EventResolved)]
    assert resolved[0].choice_id == event.default_choice and resolved[0].defaulted
    chosen = next(c.id for c in event.choices if c.id != event.default_choice)
    try:
        r2 = advance_month(s, [ResolveEvent(chosen)], content)
    except LabelError:
        return   # the other choice is gated for this state
    resolved2 = [e for e in r2.events if isinstance(e, EventResolved)]
    assert resolved2[0].choice_id == chosen and not resolved2[0].defaulted


def test_access_tiers_rise_and_never_drop(content, game):
    s = advance_month(replace(game, reputation=31), [], content).state
    assert s.access == Access("mid", "mid_tier", "theaters")
    s = advance_month(replace(s, reputation=2), [], content).state
    assert s.access == Access("mid", "mid_tier", "theaters")
    assert "regional" in s.producer_tiers and s.roster_places == 4


def test_a_tour_runs_the_month_after_booking(content, game):
    plan = [StartProject("mini_tour", "mira_vale", "Spring Run", venue="clubs", cities=3)]
    m1 = advance_month(game, plan, content)
    assert [e.amount for e in m1.state.ledger if e.category == "projects"] == [-10_500]
    m2 = advance_month(m1.state, [], content)
    tour = m2.report.tours[0]
    assert tour.cities == 3 and 0 < tour.tickets <= tour.capacity
    assert [e.amount for e in m2.state.ledger if e.category == "tours"] == [tour.revenue]
    assert m2.state.projects[0].stage == "toured"


def test_bankruptcy_ends_the_campaign_as_a_failure(content, game):
    # starting money moved with it, so the ledger identity holds (no entries yet)
    s = replace(game, money=-9_000, starting_money=-9_000)
    r = advance_month(s, [], content)
    assert r.state.campaign_complete and r.state.results.bankrupt
    assert r.state.results.victory_type == "Failure"
    bankrupt = [e for e in r.events if e.kind == "Bankrupt"]
    assert [e.text for e in bankrupt] == [f"Bankrupt: money fell to -${-r.state.money:,}"]
    with pytest.raises(LabelError) as err:
        advance_month(r.state, [], content)
    assert err.value.code == "GAME_CAMPAIGN_OVER"
    assert err.value.message == "The label went bankrupt: this game is over"  # no career
    with pytest.raises(LabelError):
        start_career(r.state, content)


def test_twelve_full_months_then_results_then_career(content, game):
    s = game
    for month in range(1, 13):
        assert not s.campaign_complete and s.month == month
        s = advance_month(s, [], content).state
    assert s.campaign_complete and s.results is not None and s.results.month == 12
    assert len(s.history) == 12
    with pytest.raises(LabelError) as err:
        advance_month(s, [], content)
    assert err.value.code == "GAME_CAMPAIGN_OVER"
    assert err.value.message == "The campaign is over: start the label's career to keep playing"
    career = start_career(s, content)
    later = advance_month(career, [], content).state
    assert later.month == 14 and later.results == s.results and later.career


@pytest.mark.parametrize("seed", range(12))
def test_a_record_never_repeats_a_title(content, seed):
    """Song titles are drawn from the bank; a record gets no title twice (its own title
    included), with the bank's size near the record's: without the rule most of these
    EPs repeat one."""
    bank = ("Glass", "Harbour", "Night Bus", "Static", "Low Tide", "Paper", "Ember")
    small = replace(content, song_titles=bank)
    state = new_game(small, seed=seed, label_name="Neon Owl Records")
    state = advance_month(state, [StartProject("ep", "mira_vale", "Low Tide", song_count=6)],
                          small).state
    while state.projects[0].stage == "production":
        state = advance_month(state, [], small).state
    titles = list(state.songs.titles)
    assert len(titles) == 6 and titles[0] == "Low Tide"
    assert len(set(titles)) == 6 and set(titles) <= {*bank}
