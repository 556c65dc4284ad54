"""Where labelmgr keeps its files: the database and the config folder (env overrides)."""

from __future__ import annotations

import os
from pathlib import Path

APP = "labelmgr"


def default_db_path() -> Path:
    """``$LABELMGR_DB``, else ``labelmgr.db`` in the user data folder."""
    env = os.environ.get("LABELMGR_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP)) / "labelmgr.db"


def default_config_dir() -> Path:
    """``$LABELMGR_CONFIG_DIR``, else the user config folder."""
    env = os.environ.get("LABELMGR_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP))
