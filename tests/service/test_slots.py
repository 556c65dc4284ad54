"""Save slots: manual saves (10 per game, save over by name), rotating autosaves, loading."""

from __future__ import annotations

import pytest

from labelmgr.content import Content
from labelmgr.errors import LabelError
from labelmgr.service import GameService
from tests.service.play import play, simple_plan
from tests.service.test_career import IDLE_BANKRUPT_SEED, idle


def test_autosaves_keep_the_last_three_months(player: GameService):
    session = player.new_game("Auto", seed_code="0000-0010")
    assert [(s.kind, s.month) for s in player.list_slots(session.game_id)] == [("auto", 1)]
    play(session, 5)
    assert [(s.kind, s.month) for s in player.list_slots(session.game_id)] == [
        ("auto", 6), ("auto", 5), ("auto", 4)]


def test_manual_slots_come_first_and_save_over_by_name(player: GameService, clock):
    session = player.new_game("Manual", seed_code="0000-0011")
    first = player.save_slot(session.game_id, "start")
    clock.advance(5)
    play(session, 2)
    again = player.save_slot(session.game_id, "start")
    assert again.id == first.id and again.month == 3
    slots = player.list_slots(session.game_id)
    assert [(s.kind, s.name, s.month) for s in slots] == [
        ("manual", "start", 3), ("auto", "Autosave, month 3", 3),
        ("auto", "Autosave, month 2", 2), ("auto", "Autosave, month 1", 1)]


def test_a_slot_records_whether_its_campaign_or_career_is_over(player: GameService):
    session = player.new_game("Phases", seed_code=IDLE_BANKRUPT_SEED)
    idle(session, 11)
    assert player.save_slot(session.game_id, "last month").phase == "campaign"
    idle(session, 1)  # the campaign's last month: the state moves on to month 13
    done = player.save_slot(session.game_id, "done")
    assert (done.month, done.phase) == (13, "campaign_over")
    newest = next(s for s in player.list_slots(session.game_id) if s.kind == "auto")
    assert (newest.name, newest.month, newest.phase) == (
        "Autosave, campaign over", 13, "campaign_over")
    session.start_career()
    career = player.save_slot(session.game_id, "career")
    assert (career.month, career.phase) == (13, "career")
    idle(session, 3)  # bankrupt in month 15: the career ends
    sunk = player.save_slot(session.game_id, "sunk")
    assert (sunk.month, sunk.phase) == (16, "career_over")
    assert [(s.name, s.phase) for s in player.list_slots(session.game_id)] == [
        ("sunk", "career_over"), ("career", "career"), ("done", "campaign_over"),
        ("last month", "campaign"), ("Autosave, career over", "career_over"),
        ("Autosave, month 15, career", "career"),
        ("Autosave, month 14, career", "career")]


def test_at_most_ten_manual_slots(player: GameService):
    session = player.new_game("Full", seed_code="0000-0012")
    for i in range(10):
        player.save_slot(session.game_id, f"slot {i}")
    with pytest.raises(LabelError) as err:
        player.save_slot(session.game_id, "one more")
    assert err.value.code == "SAVE_SLOTS_FULL"
    player.save_slot(session.game_id, "slot 3")  # saving over still works
    assert sum(s.kind == "manual" for s in player.list_slots(session.game_id)) == 10


def test_slot_names_are_checked(player: GameService):
    session = player.new_game("Names", seed_code="0000-0013")
    for bad in ("", "   ", "x" * 41, "tab\x07"):
        with pytest.raises(LabelError) as err:
            player.save_slot(session.game_id, bad)
        assert err.value.code == "VAL_SLOT_NAME"
    assert [s.kind for s in player.list_slots(session.game_id)] == ["auto"]


def test_load_slot_then_continue_equals_never_saving(player: GameService, content: Content):
    straight = player.new_game("Straight", seed_code="0000-0014")
    play(straight, 4)
    saved = player.new_game("Saved", seed_code="0000-0014")
    play(saved, 2)
    slot = player.save_slot(saved.game_id, "mid")
    play(saved, 3)  # a different future, then go back
    session = player.load_slot(slot.id)
    assert session.state.month == 3
    play(session, 2)
    a, b = straight.state, session.state
    assert a.month == b.month == 5
    from dataclasses import replace

    assert replace(b, label_name=a.label_name) == a
    assert player.open_game(saved.game_id).state == session.state


def test_loading_an_older_autosave_keeps_later_ones(player: GameService):
    session = player.new_game("Back", seed_code="0000-0015")
    play(session, 3)
    auto_month_2 = next(s for s in player.list_slots(session.game_id) if s.month == 2)
    loaded = player.load_slot(auto_month_2.id)
    assert loaded.state.month == 2
    assert [s.month for s in player.list_slots(session.game_id)] == [4, 3, 2]
    forward = next(s for s in player.list_slots(session.game_id) if s.month == 4)
    assert player.load_slot(forward.id).state == session.state


def test_news_after_load_stops_at_the_slot_month(player: GameService, content: Content):
    session = player.new_game("News", seed_code="0000-0016")
    play(session, 2)
    slot = player.save_slot(session.game_id, "m3")
    play(session, 3)
    loaded = player.load_slot(slot.id)
    assert loaded.news() and all(e.month < 3 for e in loaded.news())
    for action in simple_plan(loaded.state, content):
        loaded.add(action)
    loaded.advance()
    assert max(e.month for e in player.open_game(session.game_id).news()) == 3


def test_old_session_conflicts_after_a_slot_load(player: GameService):
    session = player.new_game("Stale", seed_code="0000-0017")
    slot = player.save_slot(session.game_id, "s")
    player.load_slot(slot.id)
    with pytest.raises(LabelError) as err:
        session.advance()
    assert err.value.code == "SAVE_CONFLICT"


def test_delete_slot(player: GameService):
    session = player.new_game("Del", seed_code="0000-0018")
    slot = player.save_slot(session.game_id, "x")
    player.delete_slot(slot.id)
    assert [s.kind for s in player.list_slots(session.game_id)] == ["auto"]
    with pytest.raises(LabelError) as err:
        player.delete_slot(slot.id)
    assert err.value.code == "SAVE_NOT_FOUND"


def test_autosaves_keep_their_history_across_loads(player: GameService, tmp_path):
    session = player.new_game("History", seed_code="0000-0019")
    play(session, 5)
    month_4 = next(s for s in player.list_slots(session.game_id) if s.month == 4)
    back = player.load_slot(month_4.id)
    play(back, 1)  # a new month 5 replaces the old future in the live log
    old_6 = next(s for s in player.list_slots(session.game_id) if s.month == 6)
    forward = player.load_slot(old_6.id)
    assert forward.state == session.state
    player.export_game(session.game_id, tmp_path / "h.json")
    imported = player.import_game(tmp_path / "h.json")  # its log replays to month 6 exactly
    assert player.open_game(imported.id).state == session.state


def test_news_after_an_older_then_a_newer_save_is_the_newer_games(player: GameService,
                                                                   content: Content):
    session = player.new_game("Back and forth", seed_code="0000-001A")
    play(session, 5)
    late = player.save_slot(session.game_id, "month 6")
    news_at_6 = session.news(500)
    assert {e.month for e in news_at_6} == {1, 2, 3, 4, 5}
    slots = player.list_slots(session.game_id)
    older = next(s for s in slots if s.kind == "auto" and s.month == 4)
    newer = next(s for s in slots if s.kind == "auto" and s.month == 6)
    assert [e.month for e in player.load_slot(older.id).news(500)] == \
        [e.month for e in news_at_6 if e.month < 4]
    assert player.load_slot(newer.id).news(500) == news_at_6
    assert player.open_game(session.game_id).news(500) == news_at_6
    back = player.load_slot(older.id)  # another month 4 and 5, then the manual save again
    play(back, 2)
    assert player.load_slot(late.id).news(500) == news_at_6
    assert player.open_game(session.game_id).news(500) == news_at_6
