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
    3. ``songs`` keyed by ``(game_id, song_id)`` WITHOUT ROWID and without the streaming
       counters, which move to ``song_counters`` (one block per game: a month rewrites one
       value instead of a row per earning song); ``games`` and ``save_slots`` AUTOINCREMENT
       (a deleted game's or slot's id is never handed out again; the sequence starts above
       every id the audit trail names).
    4. ``save_slots.events``: the domain events (news) a slot had before its month, so that
       loading it restores its news, not whatever the live game kept (NULL: the live game's
       events before the slot's month, as before; slots of older schemas keep that).
    5. ``save_slots.phase``: where the slot's game stood (``GameState.phase``: a campaign or a
       career month to play, or its campaign or career over), so that the slot list can say
       "campaign over" instead of the month after the last; filled in from each slot's
       snapshot (a damaged one is taken as a campaign month: loading it names the damage).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import numpy as np
import sqlalchemy as sa
from sqlalchemy import Connection, Engine

from labelmgr.errors import LabelError
from labelmgr.storage.codec import unpack
from labelmgr.storage.tables import METADATA

SCHEMA_VERSION = 5
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
            _run_step(engine, v)
        except (sa.exc.SQLAlchemyError, LabelError, KeyError, ValueError) as e:
            raise LabelError("DB_MIGRATION", f"Upgrading {path} from schema {v} failed ({e}); "
                             f"the backup {backup} holds it as it was") from e
    return backup


def _run_step(engine: Engine, version: int) -> None:
    """One step in one transaction, with foreign keys off while tables are rebuilt (dropping
    a parent table would otherwise cascade into its children) and checked before commit."""
    with engine.connect() as conn:
        driver = conn.connection.driver_connection
        driver.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                STEPS[version](conn)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise LabelError("DB_MIGRATION", f"{len(broken)} rows lost their parent "
                                     f"(first: {tuple(broken[0])})")
                conn.exec_driver_sql(f"PRAGMA user_version={version + 1}")
        finally:
            driver.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]


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


def _to_v3(conn: Connection) -> None:
    op = _operations(conn)
    _counters_from_songs(conn, op)
    for index in ("ix_songs_game_id", "ix_songs_project_id", "ix_songs_game_total_revenue",
                  "ix_songs_game_release_month", "ix_songs_game_quality"):
        op.drop_index(index, table_name="songs")
    op.rename_table("songs", "songs_v2")
    fixed = ("game_id", "song_id", "project_id", "title", "artist_id", "quality",
             "recorded_month", "release_month", "initial_streams")
    op.create_table(
        "songs",
        *(sa.Column(c, sa.String() if c in ("title", "artist_id") else sa.Integer(),
                    nullable=False) for c in fixed),
        sa.PrimaryKeyConstraint("game_id", "song_id"),
        sa.ForeignKeyConstraint(["game_id"], ["games.id"], ondelete="CASCADE"),
        sqlite_with_rowid=False)
    for name, cols in (("ix_songs_game_project", ["game_id", "project_id"]),
                       ("ix_songs_game_release_month", ["game_id", "release_month"]),
                       ("ix_songs_game_quality", ["game_id", "quality"])):
        op.create_index(name, "songs", cols)
    names = ", ".join(fixed)
    conn.exec_driver_sql(f"INSERT INTO songs ({names}) SELECT {names} FROM songs_v2")
    op.drop_table("songs_v2")
    for table, key in (("games", "game_id"), ("save_slots", "slot_id")):
        with op.batch_alter_table(table, recreate="always",
                                  table_kwargs={"sqlite_autoincrement": True}):
            pass
        _start_sequence_above(conn, table, key)


def _counters_from_songs(conn: Connection, op) -> None:  # type: ignore[no-untyped-def]
    """Create ``song_counters`` and fill it from the counters of the schema-2 song rows."""
    from labelmgr.storage.counters import COUNTER_COLUMNS

    op.create_table(
        "song_counters",
        sa.Column("game_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("game_id"),
        sa.ForeignKeyConstraint(["game_id"], ["games.id"], ondelete="CASCADE"))
    for (game_id,) in conn.exec_driver_sql("SELECT id FROM games").all():
        found = conn.exec_driver_sql(f"SELECT {', '.join(COUNTER_COLUMNS)} FROM songs WHERE "
                                     "game_id = ? ORDER BY song_id", (game_id,)).all()
        block = np.array(found, dtype=np.int64).reshape(len(found), len(COUNTER_COLUMNS))
        conn.exec_driver_sql("INSERT INTO song_counters (game_id, data) VALUES (?, ?)",
                             (game_id, block.T.astype("<i8").tobytes()))


def _start_sequence_above(conn: Connection, table: str, key: str) -> None:
    """Make the table's next id larger than any it holds and any the audit trail names (a
    deleted game or slot), so that no id ever names two of them."""
    [(stored,)] = conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").all()
    [(named,)] = conn.exec_driver_sql(
        "SELECT coalesce(max(CAST(json_extract(data, ?) AS INTEGER)), 0) FROM event_log "
        "WHERE audit AND json_valid(data)", (f"$.{key}",)).all()
    conn.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
    conn.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)",
                         (table, max(int(stored), int(named))))


def _to_v4(conn: Connection) -> None:
    _operations(conn).add_column("save_slots", sa.Column("events", sa.LargeBinary(),
                                                         nullable=True))


def _to_v5(conn: Connection) -> None:
    from labelmgr.storage.snapshot import decode_snapshot

    _operations(conn).add_column("save_slots", sa.Column("phase", sa.String(), nullable=False,
                                                         server_default="campaign"))
    slots = sa.table("save_slots", sa.column("id"), sa.column("snapshot"), sa.column("phase"))
    for (slot_id,) in conn.execute(sa.select(slots.c.id)).all():  # one snapshot at a time
        blob = conn.execute(sa.select(slots.c.snapshot).where(slots.c.id == slot_id)).scalar_one()
        try:
            phase = decode_snapshot(blob).phase
        except LabelError:
            continue
        if phase != "campaign":
            conn.execute(sa.update(slots).where(slots.c.id == slot_id).values(phase=phase))


STEPS: dict[int, Callable[[Connection], None]] = {1: _to_v2, 2: _to_v3, 3: _to_v4, 4: _to_v5}
"""``STEPS[v]`` upgrades schema ``v`` to ``v + 1``."""
