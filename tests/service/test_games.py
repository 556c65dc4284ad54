"""GameService games: new, list, open, delete, and every month persisted as it resolves."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from labelmgr.content import Content
from labelmgr.engine import advance_month, new_game, parse_seed_code
from labelmgr.errors import LabelError
from labelmgr.service import GameService, GameSession, GameSummary, SlotInfo, UserInfo
from tests.service.play import make_service, play, simple_plan


def test_package_import_does_not_load_the_database_layer():
    code = ("import sys, labelmgr.service; "
            "print(any(m.split('.')[0] in ('sqlalchemy', 'sqlmodel') or "
            "m.startswith('labelmgr.storage') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout.strip()
    assert out == "False"


def test_public_names_are_exported():
    assert all(cls is not None for cls in (GameService, GameSession, GameSummary, SlotInfo,
                                           UserInfo))


def test_every_game_method_needs_a_login(service: GameService):
    calls = [service.list_games, lambda: service.new_game("X"), lambda: service.open_game(1),
             lambda: service.delete_game(1), lambda: service.list_slots(1),
             lambda: service.save_slot(1, "a"), lambda: service.load_slot(1),
             lambda: service.delete_slot(1), lambda: service.content_warning(1),
             lambda: service.export_game(1, "x.json"), lambda: service.import_game("x.json")]
    for call in calls:
        with pytest.raises(LabelError) as err:
            call()
        assert err.value.code == "AUTH_REQUIRED"


def test_new_game_uses_the_seed_code_and_is_listed(player: GameService, content: Content):
    session = player.new_game("Tape Hiss", "hard", seed_code="7Q2K-MX4P")
    expected = new_game(content, seed=parse_seed_code("7Q2K-MX4P"), difficulty="hard",
                        label_name="Tape Hiss")
    assert session.game_id is not None
    assert session.state == expected
    [summary] = player.list_games()
    assert (summary.id, summary.label_name, summary.difficulty, summary.seed_code,
            summary.month, summary.money, summary.reputation, summary.complete,
            summary.career, summary.content_changed) == (
        session.game_id, "Tape Hiss", "hard", "7Q2K-MX4P", 1, expected.money,
        expected.reputation, False, False, False)


def test_bad_new_game_input_writes_nothing(player: GameService):
    for args, code in ((("",), "VAL_LABEL_NAME"), (("L", "insane"), "VAL_DIFFICULTY"),
                       (("L", "normal", "!!"), "VAL_SEED_CODE")):
        with pytest.raises(LabelError) as err:
            player.new_game(*args)
        assert err.value.code == code
    assert player.list_games() == []


def test_months_persist_and_reopen_exactly(player: GameService, tmp_path: Path,
                                           content: Content):
    session = player.new_game("Tape Hiss", seed_code="0000-0042")
    play(session, 6)
    other = make_service(tmp_path, content)
    other.login("alice", "correct horse")
    reopened = other.open_game(session.game_id)
    assert reopened.state == session.state
    assert reopened.state.month == 7
    assert [e.text for e in reopened.news()] == [e.text for e in session.news()]
    other.close()


def test_persisted_game_matches_engine_replay(player: GameService, content: Content):
    session = player.new_game("Tape Hiss", seed_code="0000-0042")
    state = new_game(content, seed=parse_seed_code("0000-0042"), label_name="Tape Hiss")
    for _ in range(8):
        plan = simple_plan(session.state, content)
        for action in plan:
            session.add(action)
        session.advance()
        state = advance_month(state, plan, content).state
    assert player.open_game(session.game_id).state == state


def test_list_is_last_played_first(player: GameService, clock):
    first = player.new_game("First", seed_code="0000-0001")
    clock.advance(10)
    player.new_game("Second", seed_code="0000-0002")
    clock.advance(10)
    first.advance()
    assert [g.label_name for g in player.list_games()] == ["First", "Second"]
    assert player.list_games()[0].month == 2


def test_delete_game_removes_it_and_its_slots(player: GameService):
    session = player.new_game("Gone", seed_code="0000-0003")
    slot = player.save_slot(session.game_id, "keep")
    player.delete_game(session.game_id)
    assert player.list_games() == []
    for call in (lambda: player.open_game(session.game_id),
                 lambda: player.load_slot(slot.id)):
        with pytest.raises(LabelError) as err:
            call()
        assert err.value.code == "SAVE_NOT_FOUND"


def test_conflict_when_another_service_advanced_first(player: GameService, tmp_path: Path,
                                                      content: Content):
    mine = player.new_game("Race", seed_code="0000-0004")
    other = make_service(tmp_path, content)
    other.login("alice", "correct horse")
    theirs = other.open_game(mine.game_id)
    theirs.advance()
    with pytest.raises(LabelError) as err:
        mine.advance()
    assert err.value.code == "SAVE_CONFLICT"
    assert mine.state.month == 1
    assert player.open_game(mine.game_id).state == theirs.state
    other.close()


def test_failed_engine_month_writes_nothing(player: GameService, content: Content):
    session = player.new_game("Broke", seed_code="0000-0005")
    before = player.list_games()
    from labelmgr.engine import SignArtist

    session._plan.append(SignArtist("nobody_at_all"))  # bypass validation: engine refuses
    with pytest.raises(LabelError):
        session.advance()
    assert player.list_games() == before
    assert player.open_game(session.game_id).state == session.state
