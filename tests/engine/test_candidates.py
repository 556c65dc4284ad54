"""``plan_candidates``: the month's offers and targets, unchecked, agree with ``plan_options``."""

from __future__ import annotations

from labelmgr.engine import (
    SignArtist,
    StartProject,
    advance_month,
    check_plan,
    new_game,
    plan_candidates,
    plan_options,
)
from labelmgr.errors import LabelError


def test_a_new_game_lists_its_offers_and_targets(content):
    game = new_game(content, seed=1234, label_name="Neon Owl Records")
    cand = plan_candidates(game, content)
    assert cand.event is None
    assert [(r, m.id) for r, m in cand.meetings] == [
        ("manager", "roster_checkin"), ("a_and_r", "demo_pile"), ("producer", "studio_time"),
        ("publicist", "press_kit"), ("digital", "ad_budget"), ("streaming", "pitch_window"),
        ("booking", "support_slot"), ("operations", "monthly_books")]
    assert [(a, c.id) for a, c in cand.conversations] == [("mira_vale", "vis_radio_edit")]
    assert len(cand.free_artists) == 11 and "mira_vale" not in cand.free_artists
    assert cand.roster_places_left == 1
    assert cand.idle_artists == ("mira_vale",)
    assert cand.marketing_targets == ()
    assert (cand.producer_tiers, cand.venues) == (("local",), ("clubs",))


def test_a_full_roster_and_a_busy_artist(content):
    game = new_game(content, seed=1234, label_name="Neon Owl Records")
    plan = [SignArtist("tomas_reyne"), StartProject("single", "mira_vale", "Low Tide")]
    state = advance_month(game, plan, content).state
    cand = plan_candidates(state, content)
    assert cand.roster_places_left == 0
    assert "tomas_reyne" not in cand.free_artists and len(cand.free_artists) == 10
    assert cand.idle_artists == ("tomas_reyne",)
    assert cand.marketing_targets == (state.projects[0].id,)
    for artist_id in cand.free_artists:
        try:
            check_plan(state, [SignArtist(artist_id)], content)
        except LabelError as err:
            assert err.code == "GAME_ROSTER_FULL"
        else:
            raise AssertionError(f"{artist_id} signed onto a full roster")


def test_candidates_match_the_planner_over_a_campaign(content):
    state = new_game(content, seed=77, label_name="Match")
    seen_event = False
    while not state.campaign_complete:
        cand = plan_candidates(state, content)
        opts = plan_options(state, [], content)
        assert [(m.role.id, m.meeting) for m in opts.meetings] == list(cand.meetings)
        assert [(c.artist_id, c.conversation) for c in opts.conversations] == list(
            cand.conversations)
        assert tuple(s.artist.id for s in opts.signings) == cand.free_artists
        assert (opts.event.event if opts.event else None) == cand.event
        seen_event |= cand.event is not None
        assert (opts.idle_artists, opts.marketing_targets) == (cand.idle_artists,
                                                               cand.marketing_targets)
        assert (opts.producer_tiers, opts.venues) == (cand.producer_tiers, cand.venues)
        plan = [StartProject("single", a, "Song") for a in cand.idle_artists[:1]]
        state = advance_month(state, plan, content).state
    assert seen_event
