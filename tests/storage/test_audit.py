"""The audit trail in the event log, and content-hash warnings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from labelmgr.content import Content
from labelmgr.errors import LabelError
from labelmgr.service import GameService
from labelmgr.storage.eventlog import audit_entries
from tests.service.play import PASSWORD, make_service


def _kinds(service: GameService) -> list[str]:
    with service.db.read() as conn:
        return [e["kind"] for e in audit_entries(conn)]


def test_audit_trail_records_what_a_player_did(service: GameService, tmp_path: Path):
    service.register("alice", PASSWORD)
    service.logout()
    with pytest.raises(LabelError):
        service.login("alice", "not the password")
    with pytest.raises(LabelError):
        service.login("nobody", "not the password")
    service.login("alice", PASSWORD)
    session = service.new_game("Audited", seed_code="0000-0300")
    slot = service.save_slot(session.game_id, "one")
    service.load_slot(slot.id)
    service.delete_slot(slot.id)
    service.export_game(session.game_id, tmp_path / "a.json")
    service.import_game(tmp_path / "a.json")
    service.delete_game(session.game_id)
    assert _kinds(service) == [
        "user_registered", "login_failed", "login_failed", "login", "game_created",
        "slot_saved", "slot_loaded", "slot_deleted", "game_exported", "game_imported",
        "game_deleted"]
    with service.db.read() as conn:
        entries = audit_entries(conn)
    failed_unknown = entries[2]
    assert failed_unknown["user_id"] is None and failed_unknown["data"] == {
        "username": "nobody"}
    deleted = entries[-1]
    assert deleted["game_id"] is None and deleted["data"] == {"game_id": session.game_id}
    assert entries[4]["game_id"] is None  # its game was deleted; the entry stays


def test_content_change_is_reported(tmp_path: Path, content: Content):
    first = make_service(tmp_path, content)
    first.register("alice", PASSWORD)
    session = first.new_game("Old Numbers", seed_code="0000-0301")
    slot = first.save_slot(session.game_id, "s")
    assert first.content_warning(session.game_id) is None
    assert first.slot_warning(slot.id) is None
    first.close()
    changed = replace(content, content_hash="f" * 64)
    second = make_service(tmp_path, changed)
    second.login("alice", PASSWORD)
    [summary] = second.list_games()
    assert summary.content_changed
    assert "other game content" in (second.content_warning(session.game_id) or "")
    assert all(s.content_changed for s in second.list_slots(session.game_id))
    assert second.slot_warning(slot.id) is not None
    reopened = second.open_game(session.game_id)
    reopened.advance()  # played on with the new content: the game records it
    assert second.content_warning(session.game_id) is None
    second.close()


def test_a_deleted_newest_game_or_slot_id_is_never_handed_out_again(player: GameService):
    kept = player.new_game("Kept", seed_code="0000-0301")
    gone = player.new_game("Gone", seed_code="0000-0302")
    slot = player.save_slot(kept.game_id, "gone too")
    player.delete_slot(slot.id)
    player.delete_game(gone.game_id)
    again = player.new_game("Again", seed_code="0000-0303")
    new_slot = player.save_slot(kept.game_id, "new")
    assert again.game_id == gone.game_id + 1 and new_slot.id > slot.id
    with player.db.read() as conn:
        entries = audit_entries(conn)
    named = {e["data"].get("game_id", e["game_id"]): e["text"] for e in entries
             if e["kind"] in ("game_created", "game_deleted")}
    assert named == {kept.game_id: "Game 'Kept' created", gone.game_id: "Game 'Gone' deleted",
                     again.game_id: "Game 'Again' created"}
