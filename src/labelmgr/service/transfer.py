"""Export and import of games through the checked JSON format of ``storage.exchange``."""

from __future__ import annotations

import os

from labelmgr.content import Content
from labelmgr.errors import LabelError
from labelmgr.service.replay import replay
from labelmgr.storage import GameRepo, exchange


def export_game(games: GameRepo, uid: int, game_id: int, path: str | os.PathLike[str]) -> None:
    """Write the user's game to ``path`` (atomically) and audit it."""
    game = games.load(uid, game_id, news_limit=0)
    log = games.action_log(uid, game_id)
    doc = exchange.build(game.state, log, game.content_hash, games.clock())
    exchange.write(path, doc)
    games.record_export(uid, game_id, os.fspath(path))


def import_game(games: GameRepo, content: Content, uid: int,
                path: str | os.PathLike[str]) -> int:
    """Check and replay an export, then store it as a new game of the user, with the news
    its months made.

    Raises:
        LabelError: ``SAVE_IMPORT_*`` for a bad, edited, foreign or mismatched file; nothing
            is written then.
    """
    data = exchange.read(path)
    current = content.content_hash
    if data.content_hash != current:
        raise LabelError("SAVE_IMPORT_CONTENT", f"{os.fspath(path)} was played with other "
                         "game content, so its months cannot be confirmed here",
                         {"file_content": data.content_hash, "content": current})
    try:
        state, events = replay(content, seed=data.seed, difficulty=data.difficulty,
                       label_name=data.label_name, log=data.log, career=data.snapshot.career)
    except LabelError as e:
        raise LabelError("SAVE_IMPORT_REPLAY", f"{os.fspath(path)} cannot be imported: "
                         f"{e.message}") from e
    if state != data.snapshot:
        raise LabelError("SAVE_IMPORT_REPLAY", f"{os.fspath(path)} cannot be imported: its "
                         "action log does not lead to its saved state")
    return games.create(uid, state, current, data.log, kind="imported", events=events)
