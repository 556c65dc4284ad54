"""A ten-year game (12 campaign months + 108 career months): file size, load, slot write.

Usage: ``uv run python benchmarks/save_load.py [--years N] [--policy NAME]``.

Plays a seeded game through the real ``GameService`` (every month committed as in play),
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
from labelmgr.errors import LabelError
from labelmgr.service import GameSession, open_service
from labelmgr.sim.policies import make_policy


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


def busy_month(session: GameSession) -> None:
    """A label that records all the time, keeping a cash reserve."""
    for option in session.options().signings:
        if option.gate is None and _try(session, SignArtist(option.artist.id), 40_000):
            break
    for artist in session.options().idle_artists:
        for kind, songs in (("ep", 5), ("single", 2), ("single", 1)):
            action = StartProject(kind, artist, f"Record {session.state.month}",
                                  song_count=songs)
            if _try(session, action, 10_000):
                break


def play(db: Path, config: Path, years: int, policy_name: str) -> tuple[int, int, int]:
    """Play the game; returns (game id, songs, months played)."""
    content = load_content()
    service = open_service(db, content=content, config_dir=config, scrypt_n=2**4)
    service.register("bench", "benchmark-password")
    session = service.new_game("Ten Year Records", seed_code="7Q2K-MX4P")
    policy = make_policy(policy_name, content, 7) if policy_name != "busy" else None
    months = 0
    while months < 12 * years:
        if session.state.campaign_complete and not session.state.career:
            if session.state.results is not None and session.state.results.bankrupt:
                break
            session.start_career()
        if policy is None:
            busy_month(session)
        else:
            for action in policy.plan(session.state):
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
                        help="busy (records all the time) or a sim policy name")
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db, config = Path(tmp) / "ten_years.db", Path(tmp) / "config"
        start = time.perf_counter()
        game_id, songs, months = play(db, config, args.years, args.policy)
        played = time.perf_counter() - start
        service = open_service(db, content=load_content(), config_dir=config, scrypt_n=2**4)
        service.login("bench", "benchmark-password")
        load = median_ms(lambda: service.open_game(game_id), args.repeats)
        names = iter(range(10_000))
        slot = median_ms(lambda: service.save_slot(game_id, f"bench {next(names)}"),
                         min(args.repeats, 9))
        service.close()
        size = sum(p.stat().st_size for p in Path(tmp).glob("ten_years.db*"))
        print(f"months played       {months} ({songs:,} songs) in {played:.1f} s "
              f"({played / max(months, 1) * 1000:.0f} ms/month incl. planning)")
        print(f"database size       {size / 1e6:.2f} MB (target <= 2 MB)")
        print(f"load to dashboard   {load:.1f} ms median (target <= 150 ms)")
        print(f"write manual slot   {slot:.1f} ms median")


if __name__ == "__main__":
    main()
