"""Opening the database file safely: permissions, corruption and schema checks, pragmas.

Before SQLAlchemy touches a file, a plain ``sqlite3`` look checks that it is a healthy
SQLite database of a schema this version can read; a damaged file or a newer schema is
refused with a ``DB_`` error and left exactly as it was. Every connection runs in WAL mode
with ``synchronous=FULL`` (a committed month is on disk before the commit returns, so even a
power cut cannot take it back; it costs one WAL fsync, ~3 ms a month on the development
machine), foreign keys on and a busy timeout; write transactions start with
``BEGIN IMMEDIATE`` so two processes never interleave a month.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, exc

from labelmgr.errors import LabelError
from labelmgr.storage import migrations

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"


class Database:
    """An open database file: its engine and transaction helpers. ``notice`` says what
    opening did that the player should hear about (a new database was set up, or an older
    one upgraded and where its backup is), else None."""

    def __init__(self, path: Path, engine: Engine, notice: str | None = None) -> None:
        self.path = path
        self.engine = engine
        self.notice = notice

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction (a consistent view)."""
        with self._errors(), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction: all of it is committed, or none of it."""
        with (self._errors(), self.engine.connect().execution_options(immediate=True) as conn,
              conn.begin()):
            yield conn

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except exc.OperationalError as e:
            if "locked" in str(e.orig) or "busy" in str(e.orig):
                raise LabelError("DB_LOCKED", f"The database {self.path} is busy in another "
                                 "labelmgr; try again in a moment") from e
            raise LabelError("DB_ERROR", f"The database {self.path} failed: {e.orig}") from e
        except exc.DatabaseError as e:
            raise LabelError("DB_ERROR", f"The database {self.path} failed: {e.orig}") from e
        except OverflowError as e:
            raise LabelError("DB_NUMBER_TOO_LARGE", "A number is too large to store (SQLite "
                             "keeps whole numbers up to 9,223,372,036,854,775,807); nothing "
                             "was saved") from e
        except sqlite3.DatabaseError as e:  # from the plain executemany of a month
            raise LabelError("DB_ERROR", f"The database {self.path} failed: {e}") from e

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: str | os.PathLike[str]) -> Database:
    """Open (creating or upgrading if needed) the database at ``path``.

    A missing file, an empty (0-byte) file and an SQLite file without any table become a new
    database (``Database.notice`` says so for an existing file); any other file must be a
    labelmgr database.

    Raises:
        LabelError: ``DB_CORRUPT`` (not SQLite, or failing its check), ``DB_NOT_LABELMGR``
            (an SQLite file with other tables), ``DB_SCHEMA_NEWER`` (written by a newer
            labelmgr), ``DB_OPEN`` (cannot create the file or folder), ``DB_READONLY`` (the
            file or its folder cannot be written).
    """
    db_path = Path(path).expanduser().absolute()
    found = _prepare_file(db_path)
    version = 0 if found != "existing" else _preflight(db_path)
    engine = _engine(db_path)
    notice = None
    try:
        if version == 0:
            migrations.create_schema(engine)
            if found != "created":  # the player pointed at a file: say what became of it
                notice = (f"The database {db_path} was empty: it is now a new labelmgr "
                          "database")
        elif version < migrations.SCHEMA_VERSION:
            backup = migrations.upgrade(db_path, engine, version)
            notice = (f"The database {db_path} was upgraded for this labelmgr (schema "
                      f"{version} to {migrations.SCHEMA_VERSION}); the file as it was is kept "
                      f"in {backup}")
    except BaseException:
        engine.dispose()
        raise
    return Database(db_path, engine, notice)


def _prepare_file(path: Path) -> str:
    """Create the folder (0700) and an empty file (0600) if missing: ``"created"``, else
    ``"empty"`` (0 bytes) or ``"existing"``."""
    try:
        if not path.parent.exists():
            path.parent.mkdir(parents=True, mode=0o700)
            os.chmod(path.parent, 0o700)
        if path.exists():
            return "empty" if path.stat().st_size == 0 else "existing"
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
        os.chmod(path, 0o600)
        return "created"
    except OSError as e:
        raise LabelError("DB_OPEN", f"Cannot create the database {path}: {e.strerror}") from e


def _preflight(path: Path) -> int:
    """The schema version of an existing file, after checking that it is healthy (0: an
    SQLite file without tables, to set up)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as e:
        raise LabelError("DB_OPEN", f"Cannot read the database {path}: {e.strerror}") from e
    if header != SQLITE_HEADER:
        raise corrupt_error(path, "it is not an SQLite database")
    _check_writable(path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            _check_version(path, version, conn)
            problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as e:
        raise corrupt_error(path, str(e)) from e
    if problems != ["ok"]:
        raise corrupt_error(path, "; ".join(problems[:3]))
    return version


def _check_version(path: Path, version: int, conn: sqlite3.Connection) -> None:
    """Refuse a newer schema, and an SQLite file of another program (no version, tables)."""
    if version > migrations.SCHEMA_VERSION:
        raise LabelError(
            "DB_SCHEMA_NEWER",
            f"The database {path} was written by a newer labelmgr (schema {version}; "
            f"this version reads up to {migrations.SCHEMA_VERSION}). It was left "
            "untouched: update labelmgr or use another --db file.",
            {"path": str(path), "version": version})
    if version == 0:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 4")]
        if tables:
            raise LabelError(
                "DB_NOT_LABELMGR",
                f"The database {path} is not a labelmgr database (an SQLite file with other "
                f"tables: {', '.join(tables[:3])}{', ...' if len(tables) > 3 else ''}). It "
                "was left untouched: pass --db another file.", {"path": str(path)})


def _check_writable(path: Path) -> None:
    """``DB_READONLY`` unless the file and its folder (for the WAL journal) can be written."""
    why = readonly_reason(path)
    if why is not None:
        raise LabelError("DB_READONLY", f"Cannot save to the database {path}: {why}. It was "
                         "left untouched: make it writable, or pass --db another file.",
                         {"path": str(path)})


def readonly_reason(path: Path) -> str | None:
    """Why labelmgr could not save to the existing file ``path``, or None if it can."""
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return (f"its folder {path.parent} is read-only (labelmgr writes its journal next "
                "to the file)")
    return None


def backups_of(path: Path) -> list[Path]:
    """Backup copies written next to the database before upgrades."""
    return sorted(path.parent.glob(f"{path.name}.*.bak"))


def corrupt_error(path: Path, reason: str) -> LabelError:
    """The ``DB_CORRUPT`` error naming the file and how to restore it."""
    backups = backups_of(path)
    how = (f"copy the backup {backups[-1]} over it" if backups
           else "restore it from your own backup")
    return LabelError(
        "DB_CORRUPT",
        f"The database {path} is damaged ({reason}). It was left untouched: {how}, or move "
        "it away (or pass --db) to start a new one.",
        {"path": str(path), "backups": [str(b) for b in backups]})


def _engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def _on_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get("immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
