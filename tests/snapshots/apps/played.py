"""A seeded game played a few months by a fixed script, for screen snapshots."""

from __future__ import annotations

from dataclasses import replace

from labelmgr.content import load_content
from labelmgr.engine import SignArtist, SongTable, StartProject, new_game
from labelmgr.service import GameSession

SEED = 7
"""The world every snapshot shows."""


def fresh_session() -> GameSession:
    """Month 1 of a new normal game (Neon Owl Records, seed 7)."""
    content = load_content()
    return GameSession(new_game(content, seed=SEED, label_name="Neon Owl Records"), content)


def played_session() -> GameSession:
    """Five months in: a signing, two singles, an EP and a tour, some released."""
    session = fresh_session()
    script: list[list[object]] = [
        [SignArtist("ezra_lumen"), StartProject("single", "mira_vale", "Low Tide")],
        [StartProject("single", "ezra_lumen", "Velvet Static")],
        [],
        [StartProject("ep", "mira_vale", "Glass Hours", song_count=4)],
        [StartProject("mini_tour", "ezra_lumen", "Spring Run", venue="clubs", cities=2)],
    ]
    for actions in script:
        for action in actions:
            session.add(action)  # type: ignore[arg-type]
        session.advance()
    return session


def long_catalogue_session(n: int) -> GameSession:
    """The fresh game with ``n`` released songs of varied figures (for catalogue paging)."""
    session = fresh_session()
    ids = list(range(1, n + 1))
    columns = {
        "id": ids, "project_id": [1] * n, "quality": [40 + (i * 37) % 60 for i in ids],
        "recorded_month": [1] * n, "release_month": [1 + i % 12 for i in ids],
        "initial_streams": [i * 50 for i in ids], "total_streams": [i * 137 for i in ids],
        "total_revenue": [i * 7 for i in ids], "last_streams": [(n - i) * 11 for i in ids],
        "last_revenue": [(n - i) // 2 for i in ids],
    }
    titles = [f"Track {i:04d}" for i in ids]
    artists = [("mira_vale", "ezra_lumen", "kit_marrow")[i % 3] for i in ids]
    songs = SongTable.from_columns(columns, titles, artists)
    session.state = replace(session.state, songs=songs)
    return session
