"""Owner scoping: user B can never reach user A's games or slots, through any repository
method or any service method, and a refused attempt writes nothing."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from labelmgr.engine import advance_month
from labelmgr.errors import LabelError
from labelmgr.service import GameService
from labelmgr.storage import GameRepo, SlotRepo
from tests.service.play import PASSWORD, make_service
from tests.storage.conftest import dump


@pytest.fixture
def two_players(service: GameService) -> dict[str, Any]:
    alice = service.register("alice", PASSWORD)
    session = service.new_game("Alice Records", seed_code="0000-0100")
    session.advance()
    slot = service.save_slot(session.game_id, "alice's save")
    service.logout()
    bob = service.register("bob_b", PASSWORD)
    return {"alice": alice, "bob": bob, "game": session.game_id, "slot": slot.id,
            "state": session.state}


def _repo_calls(service: GameService, ctx: dict[str, Any]
                ) -> dict[str, Callable[[], object]]:
    games = GameRepo(service.db, service.clock)
    slots = SlotRepo(service.db, service.clock)
    bob, game, slot, state = ctx["bob"].id, ctx["game"], ctx["slot"], ctx["state"]
    nxt = advance_month(state, [], service.content)
    return {
        "GameRepo.load": lambda: games.load(bob, game),
        "GameRepo.commit_month": lambda: games.commit_month(
            bob, game, 2, state, nxt.state, [], nxt.events, "x"),
        "GameRepo.commit_career": lambda: games.commit_career(bob, game, 2, state, "x"),
        "GameRepo.delete": lambda: games.delete(bob, game),
        "GameRepo.action_log": lambda: games.action_log(bob, game),
        "GameRepo.news": lambda: games.news(bob, game),
        "GameRepo.content_hash": lambda: games.content_hash(bob, game),
        "GameRepo.record_export": lambda: games.record_export(bob, game, "x.json"),
        "SlotRepo.list": lambda: slots.list(bob, game),
        "SlotRepo.save": lambda: slots.save(bob, game, "mine now"),
        "SlotRepo.load": lambda: slots.load(bob, slot),
        "SlotRepo.delete": lambda: slots.delete(bob, slot),
        "SlotRepo.content_hash": lambda: slots.content_hash(bob, slot),
    }


REPO_METHODS = sorted(["GameRepo.load", "GameRepo.commit_month", "GameRepo.commit_career",
                       "GameRepo.delete",
                       "GameRepo.action_log", "GameRepo.news", "GameRepo.content_hash",
                       "GameRepo.record_export", "SlotRepo.list", "SlotRepo.save",
                       "SlotRepo.load", "SlotRepo.delete", "SlotRepo.content_hash"])


def test_the_list_covers_every_owner_scoped_repository_method():
    public = {f"{cls.__name__}.{name}" for cls in (GameRepo, SlotRepo)
              for name in vars(cls) if not name.startswith("_")}
    unscoped = {"GameRepo.create", "GameRepo.summaries", "GameRepo.count",
                "GameRepo.slot_count"}  # create/list take the owner; counts are for doctor
    assert sorted(public - unscoped) == REPO_METHODS


@pytest.mark.parametrize("method", REPO_METHODS)
def test_repository_refuses_another_owner(service: GameService, two_players: dict[str, Any],
                                          method: str):
    before = dump(service.db.path)
    with pytest.raises(LabelError) as err:
        _repo_calls(service, two_players)[method]()
    assert err.value.code == "AUTH_FORBIDDEN"
    assert dump(service.db.path) == before


def test_repository_lists_only_the_owners_games(service: GameService,
                                                two_players: dict[str, Any]):
    games = GameRepo(service.db, service.clock)
    assert games.summaries(two_players["bob"].id) == []
    assert [g.id for g in games.summaries(two_players["alice"].id)] == [two_players["game"]]


SERVICE_CALLS: dict[str, Callable[[GameService, dict[str, Any], Path], object]] = {
    "open_game": lambda s, c, p: s.open_game(c["game"]),
    "delete_game": lambda s, c, p: s.delete_game(c["game"]),
    "content_warning": lambda s, c, p: s.content_warning(c["game"]),
    "list_slots": lambda s, c, p: s.list_slots(c["game"]),
    "save_slot": lambda s, c, p: s.save_slot(c["game"], "over yours"),
    "load_slot": lambda s, c, p: s.load_slot(c["slot"]),
    "delete_slot": lambda s, c, p: s.delete_slot(c["slot"]),
    "slot_warning": lambda s, c, p: s.slot_warning(c["slot"]),
    "export_game": lambda s, c, p: s.export_game(c["game"], p / "stolen.json"),
}


@pytest.mark.parametrize("name", sorted(SERVICE_CALLS))
def test_service_refuses_another_owner(service: GameService, two_players: dict[str, Any],
                                       tmp_path: Path, name: str):
    before = dump(service.db.path)
    with pytest.raises(LabelError) as err:
        SERVICE_CALLS[name](service, two_players, tmp_path)
    assert err.value.code == "AUTH_FORBIDDEN"
    assert dump(service.db.path) == before
    assert not (tmp_path / "stolen.json").exists()
    assert service.list_games() == []


def test_owner_still_has_everything_afterwards(service: GameService,
                                               two_players: dict[str, Any]):
    for name in SERVICE_CALLS:
        with contextlib.suppress(LabelError):
            SERVICE_CALLS[name](service, two_players, Path("/nonexistent"))
    service.logout()
    service.login("alice", PASSWORD)
    assert service.open_game(two_players["game"]).state == two_players["state"]
    assert [s.name for s in service.list_slots(two_players["game"])][0] == "alice's save"


def test_refused_writes_leave_the_database_unchanged(player: GameService, tmp_path: Path):
    session = player.new_game("Unchanged", seed_code="0000-0500")
    for i in range(10):
        player.save_slot(session.game_id, f"s{i}")
    other = make_service(tmp_path, player.content)
    other.login("alice", PASSWORD)
    theirs = other.open_game(session.game_id)
    theirs.advance()
    before = dump(player.db.path)
    for call, code in ((lambda: player.save_slot(session.game_id, "eleventh"),
                        "SAVE_SLOTS_FULL"),
                       (session.advance, "SAVE_CONFLICT"),
                       (lambda: player.register("alice", PASSWORD), "AUTH_USERNAME_TAKEN"),
                       (lambda: player.load_slot(99999), "SAVE_NOT_FOUND")):
        with pytest.raises(LabelError) as err:
            call()
        assert err.value.code == code
        assert dump(player.db.path) == before
    other.close()
