"""A read-only look at a database file for ``labelmgr doctor``: it never creates, upgrades
or repairs anything."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from labelmgr.storage.db import SQLITE_HEADER, backups_of, readonly_reason
from labelmgr.storage.migrations import SCHEMA_VERSION

COUNTED = ("users", "games", "save_slots")


@dataclass(frozen=True)
class Health:
    """What ``inspect_database`` found; ``problems`` is empty for a healthy file (``version``
    0 without problems: an empty file, set up when labelmgr opens it), and ``readonly`` says
    why labelmgr could not save to it (None when it can)."""

    path: Path
    exists: bool
    size: int = 0
    version: int | None = None
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    backups: list[Path] = field(default_factory=list)
    readonly: str | None = None


def inspect_database(path: Path) -> Health:
    """Header, schema version, ``PRAGMA integrity_check`` and row counts of ``path``."""
    try:
        if not path.exists():
            return Health(path, exists=False)
        size = path.stat().st_size
        backups = backups_of(path)
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as e:
        return Health(path, True, problems=[f"cannot read it: {e.strerror}"])
    if size and header != SQLITE_HEADER:
        return Health(path, True, size, problems=["not an SQLite database"], backups=backups)
    readonly = readonly_reason(path)
    try:
        conn = _connect(path, readonly is not None)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            found = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            problems = [] if found == ["ok"] else found
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
            counts = {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                      for t in COUNTED if t in tables}
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        return Health(path, True, size, problems=[str(e)], backups=backups)
    if version > SCHEMA_VERSION:
        problems.append(f"schema {version} is newer than this labelmgr reads ({SCHEMA_VERSION})")
    elif version == 0 and tables:
        problems.append(f"not a labelmgr database (an SQLite file with other tables: "
                        f"{', '.join(sorted(tables)[:3])})")
    return Health(path, True, size, version, problems, counts, backups, readonly)


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    """A connection that leaves no file behind: a file nobody can write is opened as
    immutable (else SQLite would leave its ``-wal`` and ``-shm`` next to it), unless it still
    has a journal to read."""
    wal = path.with_name(path.name + "-wal")
    if readonly and not (wal.exists() and wal.stat().st_size):
        return sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True)
    return sqlite3.connect(path, timeout=5)
