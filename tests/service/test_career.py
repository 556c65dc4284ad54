"""The label's career: chosen once and stored at once; a bankrupt career ends for good."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from labelmgr.content import Content
from labelmgr.engine import seed_code
from labelmgr.errors import LabelError
from labelmgr.service import GameService, GameSession
from tests.service.play import PASSWORD, make_service

IDLE_BANKRUPT_SEED = seed_code(8)
"""Idle on normal: the campaign ends with $5,086; the career goes bankrupt in month 15."""


def idle(session: GameSession, months: int) -> None:
    """Resolve ``months`` months with an empty plan (an event gets its default choice)."""
    for _ in range(months):
        session.advance()


def test_continue_career_is_stored_at_once(player: GameService, content: Content,
                                           tmp_path: Path):
    session = player.new_game("Career", seed_code=IDLE_BANKRUPT_SEED)
    idle(session, 12)
    assert session.state.campaign_complete and not session.state.career
    session.start_career()
    assert session.state.career
    [summary] = player.list_games()
    assert summary.complete and summary.career
    assert player.open_game(session.game_id).state == session.state
    again = make_service(tmp_path, content)  # quit right away, start labelmgr again
    try:
        again.login("alice", PASSWORD)
        reopened = again.open_game(session.game_id)
        assert reopened.state.career and reopened.state.month == 13
    finally:
        again.close()
    slot = player.save_slot(session.game_id, "career chosen")
    assert player.load_slot(slot.id).state.career
    # the session that chose goes on without a conflict: the choice bumped its version
    session = player.open_game(session.game_id)
    session.start_career()  # choosing again changes nothing
    session.advance()
    assert session.state.month == 14 and session.state.career
    player.export_game(session.game_id, tmp_path / "career.json")
    log = json.loads((tmp_path / "career.json").read_text())["actions"]
    assert [(e["month"], e["career"]) for e in log] == [(m, m > 12) for m in range(1, 14)]
    imported = player.import_game(tmp_path / "career.json")
    assert player.open_game(imported.id).state.career


def test_continue_career_from_a_stale_window_conflicts(player: GameService):
    session = player.new_game("Stale career", seed_code=IDLE_BANKRUPT_SEED)
    idle(session, 12)
    other = player.open_game(session.game_id)
    other.start_career()
    with pytest.raises(LabelError) as err:
        session.start_career()
    assert err.value.code == "SAVE_CONFLICT"
    assert not session.state.career


def test_a_bankrupt_career_ends_for_good(player: GameService):
    session = player.new_game("Sinking", seed_code=IDLE_BANKRUPT_SEED)
    idle(session, 12)
    assert session.career_refusal() is None
    session.start_career()
    idle(session, 3)
    state = session.state
    assert state.month == 16 and not state.career and state.campaign_complete
    assert state.money == -13_272 and state.history[-1].money == -13_272
    assert session.news()[0].kind == "Bankrupt"
    assert session.career_bankrupt
    refusal = session.career_refusal()
    assert refusal is not None and refusal.code == "GAME_BANKRUPT"
    assert refusal.message == ("The label went bankrupt in month 15 of its career (money "
                               "-$13,272, below the -$10,000 line): it cannot go on")
    with pytest.raises(LabelError) as err:
        session.start_career()
    assert err.value.code == "GAME_BANKRUPT"
    with pytest.raises(LabelError) as err:
        session.advance()
    assert err.value.code == "GAME_CAMPAIGN_OVER"
    assert err.value.message == "The label went bankrupt in its career: this game is over"
    reopened = player.open_game(session.game_id)
    assert reopened.career_bankrupt and reopened.state == state
    [summary] = player.list_games()
    assert summary.complete and not summary.career and summary.bankrupt
    with pytest.raises(LabelError) as err:
        reopened.start_career()
    assert err.value.code == "GAME_BANKRUPT"
    assert player.open_game(session.game_id).state == state


def test_a_finished_campaign_is_not_a_bankrupt_career(player: GameService):
    session = player.new_game("Done", seed_code=IDLE_BANKRUPT_SEED)
    idle(session, 12)
    assert not session.career_bankrupt
    [summary] = player.list_games()
    assert summary.complete and not summary.bankrupt
    session.start_career()
    idle(session, 1)
    assert not session.career_bankrupt and session.career_refusal() is None
    [summary] = player.list_games()
    assert summary.career and not summary.bankrupt


def test_a_campaign_that_went_bankrupt_is_listed_as_bankrupt(player: GameService):
    session = player.new_game("Sunk", difficulty="hard", seed_code=IDLE_BANKRUPT_SEED)
    running = player.new_game("Afloat", seed_code=IDLE_BANKRUPT_SEED)
    while not session.state.campaign_complete:
        session.advance()
    assert session.state.results is not None and session.state.results.bankrupt
    listed = {g.label_name: g for g in player.list_games()}
    assert listed["Sunk"].complete and listed["Sunk"].bankrupt
    assert not listed["Afloat"].complete and not listed["Afloat"].bankrupt
    assert running.state.month == 1


def test_a_damaged_finished_game_still_lists_and_names_its_damage(player: GameService,
                                                                  tmp_path: Path):
    session = player.new_game("Damaged", difficulty="hard", seed_code=IDLE_BANKRUPT_SEED)
    while not session.state.campaign_complete:
        session.advance()
    with sqlite3.connect(tmp_path / "labelmgr.db") as db:
        db.execute("UPDATE games SET state = ? WHERE id = ?", (b"not a state", session.game_id))
    [summary] = player.list_games()
    assert summary.label_name == "Damaged" and summary.complete and not summary.bankrupt
    with pytest.raises(LabelError) as err:
        player.open_game(session.game_id)
    assert err.value.code == "SAVE_CORRUPT"
