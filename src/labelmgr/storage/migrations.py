"""Schema versions (``PRAGMA user_version``) and the migrations between them.

A fresh database gets the current schema at once. An older one is first copied to a backup
next to it (``NAME.schemaV.bak``), then upgraded step by step, each step and its new version
number in one transaction. Steps use alembic's operations, imported only when a step runs
(opening an up-to-date database never loads alembic).

History:
    1. the first schema.
    2. ``games.reputation`` and ``games.career`` (the game list shows them without
       decoding each game's state; filled in from the stored states), and
       ``save_slots.actions`` may be NULL (an autosave shares the live game's log until it
       changes, so a month no longer rewrites the whole log into each autosave).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import Connection, Engine

from labelmgr.errors import LabelError
from labelmgr.storage.codec import unpack
from labelmgr.storage.tables import METADATA

SCHEMA_VERSION = 2
"""The schema this code writes."""


def create_schema(engine: Engine) -> None:
    """Create every table and index of the current schema in an empty database."""
    with engine.begin() as conn:
        METADATA.create_all(conn)
        conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")


def upgrade(path: Path, engine: Engine, version: int) -> Path:
    """Back the file up, then run every step from ``version`` to ``SCHEMA_VERSION``.

    Returns the backup's path. A failing step leaves the database at the last finished
    version (each step is one transaction) and raises ``DB_MIGRATION``.
    """
    backup = backup_copy(path, version)
    for v in range(version, SCHEMA_VERSION):
        try:
            with engine.begin() as conn:
                STEPS[v](conn)
                conn.exec_driver_sql(f"PRAGMA user_version={v + 1}")
        except (sa.exc.SQLAlchemyError, LabelError, KeyError) as e:
            raise LabelError("DB_MIGRATION", f"Upgrading {path} from schema {v} failed ({e}); "
                             f"the backup {backup} holds it as it was") from e
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


def _operations(conn: Connection):  # type: ignore[no-untyped-def]
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    return Operations(MigrationContext.configure(conn))


def _to_v2(conn: Connection) -> None:
    op = _operations(conn)
    op.add_column("games", sa.Column("reputation", sa.Integer(), nullable=False,
                                     server_default="0"))
    op.add_column("games", sa.Column("career", sa.Boolean(), nullable=False,
                                     server_default=sa.false()))
    games = sa.table("games", sa.column("id"), sa.column("state"), sa.column("reputation"),
                     sa.column("career"))
    for game_id, blob in conn.execute(sa.select(games.c.id, games.c.state)).all():
        small = unpack(blob)
        conn.execute(sa.update(games).where(games.c.id == game_id).values(
            reputation=int(small["reputation"]), career=bool(small["career"])))
    with op.batch_alter_table("save_slots") as batch:  # SQLite: rebuilds the table
        batch.alter_column("actions", existing_type=sa.LargeBinary(), nullable=True)


STEPS: dict[int, Callable[[Connection], None]] = {1: _to_v2}
"""``STEPS[v]`` upgrades schema ``v`` to ``v + 1``."""
