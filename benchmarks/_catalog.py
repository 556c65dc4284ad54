"""Benchmark helper: a mid-career game with a large released catalogue and many artists."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from labelmgr.content import Content
from labelmgr.engine import GameState, new_game
from labelmgr.engine.songs import INT_COLUMNS, SongTable
from labelmgr.engine.state import Artist


def big_game(content: Content, songs: int, artists: int = 50, seed: int = 11) -> GameState:
    """A game at month 30 (career) with ``songs`` released songs spread over ``artists``."""
    state = new_game(content, seed=seed, label_name="Benchmark Records")
    specs = content.artists
    roster = tuple(
        Artist(f"{specs[i % len(specs)].id}_{i}", f"{specs[i % len(specs)].name} {i}",
               specs[i % len(specs)].archetype, specs[i % len(specs)].genre, 70, 70, 40, 50, 60,
               60, 800, 1, 29)
        for i in range(artists))
    rng = np.random.default_rng(seed)
    cols = {c: np.zeros(songs, dtype=np.int64) for c in INT_COLUMNS}
    cols["id"] = np.arange(1, songs + 1)
    cols["project_id"] = np.arange(1, songs + 1) // 3 + 1
    cols["quality"] = rng.integers(30, 95, songs)
    cols["recorded_month"] = rng.integers(1, 29, songs)
    cols["release_month"] = np.minimum(cols["recorded_month"] + 1, 29)
    cols["initial_streams"] = rng.integers(20_000, 250_000, songs)
    cols["total_streams"] = cols["initial_streams"] * 3
    cols["total_revenue"] = cols["total_streams"] // 20
    titles = [f"Song {i}" for i in range(songs)]
    owners = [roster[i % artists].id for i in range(songs)]
    table = SongTable.from_columns({c: cols[c].tolist() for c in INT_COLUMNS}, titles, owners)
    return replace(state, month=30, artists=roster, roster_places=60, songs=table,
                   next_song_id=songs + 1, campaign_complete=True, career=True)
