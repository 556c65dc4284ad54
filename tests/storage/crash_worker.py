"""Crash-test workers: processes that play one game month after month until killed.

``python -m tests.storage.crash_worker DB CONFIG_DIR`` (from the repository root) starts a
warm parent that imports everything once and prints ``zygote``. For each ``fork`` line on
its stdin it forks a worker, which opens the database itself, commits months without end and
prints ``ready PID`` after its first one; ``reap PID`` waits for a (killed) worker and
prints ``reaped PID SIGNAL``. Forking saves each of the many kills the start-up time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from labelmgr.content import Content, load_content
from labelmgr.errors import LabelError
from labelmgr.service import GameService, GameSession, open_service
from tests.service.play import FAST_SCRYPT, PASSWORD, simple_plan


def _session(service: GameService) -> GameSession:
    games = service.list_games()
    playable = [g for g in games if not g.complete or g.career]
    if playable:
        return service.open_game(playable[0].id)
    return service.new_game("Crash Test Records", seed_code=f"0000-{len(games):04d}")


def work(db: Path, config: Path, content: Content) -> None:
    """Commit months forever (a bankrupt game is replaced by a new one)."""
    service = open_service(db, content=content, config_dir=config, scrypt_n=FAST_SCRYPT)
    try:
        service.login("crash", PASSWORD)
    except LabelError:
        service.register("crash", PASSWORD)
    session = _session(service)
    announced = False
    while True:
        state = session.state
        if state.campaign_complete and not state.career:
            if session.career_refusal() is not None:  # bankrupt (campaign or career)
                session = service.new_game("Crash Test Records", seed_code="0000-0777")
                continue
            session.start_career()
        for action in simple_plan(session.state, session.content):
            session.add(action)
        session.advance()
        if not announced:
            print(f"ready {os.getpid()}", flush=True)
            announced = True


def main() -> None:
    db, config = Path(sys.argv[1]), Path(sys.argv[2])
    content = load_content()
    import labelmgr.service.game_service  # noqa: F401  (warm: the workers fork with it)

    print("zygote", flush=True)
    for line in sys.stdin:
        command, *rest = line.split()
        if command == "fork":
            if os.fork() == 0:
                try:
                    work(db, config, content)
                finally:
                    os._exit(1)
        elif command == "reap":
            pid, status = os.waitpid(int(rest[0]), 0)
            print(f"reaped {pid} {os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0}",
                  flush=True)


if __name__ == "__main__":
    main()
