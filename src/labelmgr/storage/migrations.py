"""Schema versions (``PRAGMA user_version``) and the migrations between them.

A fresh database gets the current schema at once. An older one is copied to a backup next
to it, then upgraded step by step, each step in one transaction with the new version
number. Migration steps use alembic's operations, imported only when a step runs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from labelmgr.storage.tables import METADATA

SCHEMA_VERSION = 1
"""The schema this code writes."""


def create_schema(engine: Engine) -> None:
    """Create every table and index of the current schema in an empty database."""
    with engine.begin() as conn:
        METADATA.create_all(conn)
        conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")


def upgrade(path: Path, engine: Engine, version: int) -> Path:
    """Back the file up, then run every step from ``version`` to ``SCHEMA_VERSION``."""
    backup = backup_copy(path, version)
    return backup


def backup_copy(path: Path, version: int) -> Path:
    """A consistent copy of the database next to it (``NAME.schemaV.bak``, 0600)."""
    target = path.with_name(f"{path.name}.schema{version}.bak")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.schema{version}-{n}.bak")
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    target.chmod(0o600)
    return target
