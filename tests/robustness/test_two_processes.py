"""Two ``labelmgr`` processes play the same game: whoever commits a month second is refused
with a clear message, keeps their unresolved month, and can reload and go on; nothing that
was committed is lost or written twice."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from labelmgr.content import Content
from labelmgr.service import open_service
from tests.robustness.cli import ROOT
from tests.robustness.player_process import PASSWORD

CONFLICT = ("This game was changed elsewhere (another window or process) since you opened "
            "it: reload it to go on")


class Player:
    """A player process and its replies."""

    def __init__(self, db: Path, game_id: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.robustness.player_process", str(db),
             str(db.parent / "config"), str(game_id)],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True)
        self.opened = self._reply()

    def _reply(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, "the player process died"
        return json.loads(line)

    def __call__(self, command: str) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self._reply()

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        assert self.proc.wait(timeout=60) == 0


@pytest.fixture
def game(tmp_path: Path, content: Content) -> tuple[Path, int]:
    db = tmp_path / "labelmgr.db"
    service = open_service(db, content=content, config_dir=tmp_path / "config", scrypt_n=2**4)
    service.register("alice", PASSWORD)
    game_id = service.new_game("Two Windows", seed_code="0000-0002").game_id
    service.close()
    assert game_id is not None
    return db, game_id


@pytest.fixture
def players(game: tuple[Path, int]) -> Iterator[tuple[Player, Player]]:
    first, second = Player(*game), Player(*game)
    yield first, second
    first.close()
    second.close()


def stored(db: Path, game_id: int) -> dict[str, Any]:
    conn = sqlite3.connect(db)
    try:
        month, money = conn.execute("SELECT month, money FROM games WHERE id = ?",
                                    (game_id,)).fetchone()
        logged = [m for (m,) in conn.execute(
            "SELECT month FROM action_log WHERE game_id = ? ORDER BY month", (game_id,))]
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return {"month": month, "money": money, "logged": logged, "integrity": ok}


def test_the_second_commit_is_refused_and_nothing_is_lost(game: tuple[Path, int],
                                                          players: tuple[Player, Player]):
    db, game_id = game
    first, second = players
    assert first.opened == second.opened and first.opened["month"] == 1
    assert first("plan")["plan"] == 1 and second("plan")["plan"] == 1

    won = first("advance")
    assert won["ok"] and won["month"] == 2 and won["money"] == won["ledger"]
    lost = second("advance")
    assert lost == {**second.opened, "plan": 1, "ok": False, "code": "SAVE_CONFLICT",
                    "message": CONFLICT}  # its month and plan are kept, unresolved
    assert stored(db, game_id) == {"month": 2, "money": won["money"], "logged": [1],
                                   "integrity": "ok"}

    reloaded = second("reload")
    assert reloaded == {**won, "plan": 0}  # the first process's month, exactly
    second("plan")
    assert second("advance")["month"] == 3

    assert first("advance")["code"] == "SAVE_CONFLICT"  # now the first is behind
    assert first("reload")["digest"] == second("state")["digest"]
    final = first("advance")
    assert final["ok"] and final["month"] == 4 and final["money"] == final["ledger"]
    assert stored(db, game_id) == {"month": 4, "money": final["money"], "logged": [1, 2, 3],
                                   "integrity": "ok"}
