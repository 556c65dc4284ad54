"""Cost of one month: the engine step alone, the persisted month, and the naive way.

Usage: ``uv run python benchmarks/turn_cost.py [--repeats N] [--songs N ...]``.

For games with 100, 1,000 and 10,000 released songs (and 50 artists) it prints the median
of repeated runs of: the engine step (``advance_month``); the persisted month (engine +
``GameRepo.commit_month``: one transaction writing only the changed rows, the action log,
the events and the rotating autosave); and, side by side in the same run, the same month
persisted the naive way — one ORM object loaded, changed and saved per song (a plain
normalised song table holding its counters, as an ORM-first design would have it), in one
single transaction as well, so the comparison is about the work and not about commits.
Targets (issue 6): engine <= 20 ms, persisted <= 100 ms, >= 10x faster than naive.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _catalog import big_game  # noqa: E402
from sqlalchemy import BigInteger, String, UniqueConstraint  # noqa: E402
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from labelmgr.content import Content, load_content  # noqa: E402
from labelmgr.engine import GameState, advance_month  # noqa: E402
from labelmgr.storage import GameRepo, UserRepo, open_database  # noqa: E402
from labelmgr.storage.tables import LedgerRow  # noqa: E402


class _Base(DeclarativeBase):
    pass


class NaiveSong(_Base):
    """The naive design: one ORM row per song with every number, counters included."""

    __tablename__ = "naive_songs"
    __table_args__ = (UniqueConstraint("game_id", "song_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    game_id: Mapped[int] = mapped_column(index=True)
    song_id: Mapped[int]
    title: Mapped[str] = mapped_column(String)
    artist_id: Mapped[str] = mapped_column(String)
    quality: Mapped[int]
    release_month: Mapped[int]
    total_streams: Mapped[int] = mapped_column(BigInteger)
    total_revenue: Mapped[int] = mapped_column(BigInteger)
    last_streams: Mapped[int] = mapped_column(BigInteger)
    last_revenue: Mapped[int] = mapped_column(BigInteger)


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _fresh(folder: Path, name: str, state: GameState, content: Content):
    db = open_database(folder / f"{name}.db")
    users = UserRepo(db, time.time)
    user_id = users.create("bench", "scrypt$not-a-real-hash").id
    repo = GameRepo(db, time.time)
    game_id = repo.create(user_id, state, content.content_hash)
    return db, repo, user_id, game_id


def persisted(folder: Path, state: GameState, content: Content, repeats: int) -> list[float]:
    """Engine + one-transaction commit, each run on a fresh copy of the game at month 30."""
    out = []
    for i in range(repeats):
        db, repo, user_id, game_id = _fresh(folder, f"fast{len(state.songs)}-{i}", state, content)
        start = time.perf_counter()
        result = advance_month(state, [], content)
        repo.commit_month(user_id, game_id, 1, state, result.state, [], result.events,
                          content.content_hash)
        out.append(time.perf_counter() - start)
        db.close()
    return out


def _naive_songs(db, game_id: int, state: GameState) -> None:
    _Base.metadata.create_all(db.engine)
    with Session(db.engine) as session:
        session.add_all(NaiveSong(game_id=game_id, song_id=s.id, title=s.title,
                                  artist_id=s.artist_id, quality=s.quality,
                                  release_month=s.release_month,
                                  total_streams=s.total_streams,
                                  total_revenue=s.total_revenue, last_streams=s.last_streams,
                                  last_revenue=s.last_revenue) for s in state.songs.rows())
        session.commit()


def naive(folder: Path, state: GameState, content: Content, repeats: int) -> list[float]:
    """Engine + ORM: load every song as an object, change it, save it; one transaction."""
    out = []
    for i in range(repeats):
        db, _repo, _user, game_id = _fresh(folder, f"naive{len(state.songs)}-{i}", state, content)
        _naive_songs(db, game_id, state)
        start = time.perf_counter()
        result = advance_month(state, [], content)
        new = result.state
        with Session(db.engine) as session:
            for k, song_id in enumerate(new.songs.id.tolist()):
                row = session.exec(select(NaiveSong).where(NaiveSong.game_id == game_id,
                                                           NaiveSong.song_id == song_id)).one()
                row.total_streams = int(new.songs.total_streams[k])
                row.total_revenue = int(new.songs.total_revenue[k])
                row.last_streams = int(new.songs.last_streams[k])
                row.last_revenue = int(new.songs.last_revenue[k])
                session.add(row)
            base = len(state.ledger)
            for j, e in enumerate(new.ledger[base:]):
                session.add(LedgerRow(game_id=game_id, seq=base + j, month=e.month,
                                      category=e.category, amount=e.amount, source=e.source,
                                      text=e.text))
            session.commit()
        out.append(time.perf_counter() - start)
        db.close()
    return out


def engine_only(state: GameState, content: Content, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        advance_month(state, [], content)
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--songs", type=int, nargs="+", default=[100, 1_000, 10_000])
    args = parser.parse_args()
    content = load_content()
    print(f"{'songs':>7} {'engine ms':>10} {'persisted ms':>13} {'naive ms':>10} "
          f"{'naive/persisted':>16}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for songs in args.songs:
            state = big_game(content, songs)
            eng = _median_ms(engine_only(state, content, args.repeats * 3))
            fast = _median_ms(persisted(folder, state, content, args.repeats))
            slow = _median_ms(naive(folder, state, content, max(3, args.repeats // 2)))
            print(f"{songs:>7,} {eng:>10.2f} {fast:>13.2f} {slow:>10.1f} {slow / fast:>15.1f}x")
    print("targets: engine <= 20 ms, persisted <= 100 ms, naive/persisted >= 10x (10,000 songs)")


if __name__ == "__main__":
    main()
