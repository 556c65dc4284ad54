"""``open_service``: the one way to get a ``GameService`` (storage is imported here, lazily)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from labelmgr.service.paths import default_config_dir, default_db_path

if TYPE_CHECKING:
    from labelmgr.content import Content
    from labelmgr.service.game_service import GameService

DEFAULT_SCRYPT_N = 2**14


def open_service(db_path: str | os.PathLike[str] | None = None, *,
                 content: Content | None = None,
                 config_dir: str | os.PathLike[str] | None = None,
                 clock: Callable[[], float] = time.time,
                 scrypt_n: int = DEFAULT_SCRYPT_N) -> GameService:
    """Open (create or upgrade) the database and return the service on it.

    Args:
        db_path: the database file; None means ``$LABELMGR_DB`` or the user data folder.
        content: the game content (the shipped content when None).
        config_dir: where the remembered login lives; None means ``$LABELMGR_CONFIG_DIR`` or
            the user config folder.
        clock: Unix seconds (tests pass a fake one).
        scrypt_n: the scrypt cost for new passwords and unknown-name checks.

    Raises:
        LabelError: ``DB_*`` when the database cannot be used (it is left untouched).
    """
    from labelmgr.content import load_content
    from labelmgr.service.game_service import GameService
    from labelmgr.storage import open_database

    db = open_database(Path(db_path) if db_path is not None else default_db_path())
    folder = Path(config_dir) if config_dir is not None else default_config_dir()
    return GameService(db, content if content is not None else load_content(),
                       config_dir=folder.expanduser(), clock=clock, scrypt_n=scrypt_n)
