"""A ten-year game (12 campaign months + 108 career months): file size, load, slot write.

Usage: ``uv run python benchmarks/save_load.py [--years N] [--policy NAME] [--seed CODE]``.

Plays a seeded game through the real ``GameService`` (every month committed as in play; a
label that goes bankrupt ends there, and the months line says so),
then reports the database size, the time to load the game to its dashboard state
(``open_game``, median of repeats on a freshly opened service), and the time to write a
manual save slot. Targets (issue 6): <= 2 MB, load <= 150 ms.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from labelmgr.content import load_content
from labelmgr.engine import Action, SignArtist, StartProject
from labelmgr.engine.seedcode import parse_seed_code
from labelmgr.errors import LabelError
from labelmgr.service import GameSession, open_service
from labelmgr.sim.policies import Policy, make_policy

SEED = "0000-000G"
"""A seed whose label the ``balanced`` head keeps solvent for ten years."""


def _try(session: GameSession, action: Action, reserve: int) -> bool:
    """Add an action if it is valid and keeps the projected money above ``reserve``."""
    try:
        session.add(action)
    except LabelError:
        return False
    if session.outlook().low < reserve:
        session.remove(len(session.plan) - 1)
        return False
    return True


def busy_month(session: GameSession, label_head: Policy) -> None:
    """A label that records all it can afford: the ``balanced`` policy's plan (it keeps the
    label solvent), then a record for every idle artist while the projected money stays
    above a reserve, and a new signing when there is plenty."""
    for action in label_head.plan(session.state):
        try:
            session.add(action)
        except LabelError:
            continue
    for option in session.options().signings:
        if option.gate is None and _try(session, SignArtist(option.artist.id), 120_000):
            break
    for artist in session.options().idle_artists:
        for kind, songs in (("ep", 5), ("single", 2), ("single", 1)):
            action = StartProject(kind, artist, f"Record {session.state.month}",
                                  song_count=songs)
            if _try(session, action, 60_000):
                break


def play(db: Path, config: Path, years: int, policy_name: str,
         seed: str) -> tuple[int, int, int]:
    """Play the game; returns (game id, songs, months played: fewer if it went bankrupt)."""
    content = load_content()
    service = open_service(db, content=content, config_dir=config, scrypt_n=2**4)
    service.register("bench", "benchmark-password")
    session = service.new_game("Ten Year Records", seed_code=seed)
    head = make_policy("balanced" if policy_name == "busy" else policy_name, content,
                       parse_seed_code(seed))
    months = 0
    while months < 12 * years:
        if session.state.campaign_complete and not session.state.career:
            if session.career_refusal() is not None:  # bankrupt: the game is over
                break
            session.start_career()
        if policy_name == "busy":
            busy_month(session, head)
        else:
            for action in head.plan(session.state):
                try:
                    session.add(action)
                except LabelError:
                    continue
        session.advance()
        months += 1
    game_id = session.game_id
    assert game_id is not None
    songs = len(session.state.songs)
    service.close()
    return game_id, songs, months


def _size(folder: Path) -> int:
    """Bytes in the game's database files (the database and any journal beside it)."""
    return sum(p.stat().st_size for p in folder.glob("ten_years.db*"))


def median_ms(fn, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--policy", default="busy",
                        help="busy (balanced, plus every record it can afford) or a sim "
                        "policy name")
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--seed", default=SEED, help="the game's seed code")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db, config = Path(tmp) / "ten_years.db", Path(tmp) / "config"
        start = time.perf_counter()
        game_id, songs, months = play(db, config, args.years, args.policy, args.seed)
        played = time.perf_counter() - start
        size = _size(Path(tmp))  # the game as played: its months, autosaves and slots
        service = open_service(db, content=load_content(), config_dir=config, scrypt_n=2**4)
        service.login("bench", "benchmark-password")
        load = median_ms(lambda: service.open_game(game_id), args.repeats)
        names = iter(range(10_000))
        slot = median_ms(lambda: service.save_slot(game_id, f"bench {next(names)}"),
                         min(args.repeats, 9))
        service.close()
        timed = _size(Path(tmp))
        print(f"months played       {months} ({songs:,} songs) in {played:.1f} s "
              f"({played / max(months, 1) * 1000:.0f} ms/month incl. planning)")
        print(f"database size       {size / 1e6:.2f} MB (target <= 2 MB); "
              f"{timed / 1e6:.2f} MB with the slots written to time them")
        print(f"load to dashboard   {load:.1f} ms median (target <= 150 ms)")
        print(f"write manual slot   {slot:.1f} ms median")


if __name__ == "__main__":
    main()
