"""One ``labelmgr`` player process for the two-process test, driven line by line.

``python -m tests.robustness.player_process DB CONFIG GAME_ID`` logs in as alice, opens the
game and answers each command on stdin with one JSON line: ``plan`` (plans a single with the
first idle artist when it can), ``advance``, ``reload`` (opens the game again), ``state``.
Every answer carries the open game's month, money, ledger sum, plan length and a digest of
the whole state; a refused command also carries the error's code and message.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from labelmgr.engine import state_to_dict
from labelmgr.errors import LabelError
from labelmgr.service import GameSession, open_service
from tests.service.play import FAST_SCRYPT, simple_plan

PASSWORD = "alice password"


def describe(session: GameSession) -> dict[str, Any]:
    state = session.state
    blob = json.dumps(state_to_dict(state), sort_keys=True).encode()
    return {"month": state.month, "money": state.money,
            "ledger": state.starting_money + sum(e.amount for e in state.ledger),
            "plan": len(session.plan), "digest": hashlib.sha256(blob).hexdigest()}


def main() -> None:
    db, config, game_id = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    service = open_service(db, config_dir=config, scrypt_n=FAST_SCRYPT)
    service.login("alice", PASSWORD)
    session = service.open_game(game_id)
    print(json.dumps({"ok": True, **describe(session)}), flush=True)
    for line in sys.stdin:
        command = line.strip()
        reply: dict[str, Any] = {"ok": True}
        try:
            if command == "plan":
                for action in simple_plan(session.state, session.content):
                    session.add(action)
            elif command == "advance":
                session.advance()
            elif command == "reload":
                session = service.open_game(game_id)
        except LabelError as e:
            reply = {"ok": False, "code": e.code, "message": e.message}
        print(json.dumps({**reply, **describe(session)}), flush=True)


if __name__ == "__main__":
    main()
