"""The database: SQLModel tables, the owner-scoped repositories, migrations, passwords.

Heavy to import (sqlmodel, sqlalchemy): the service imports it only when it opens a database.
"""

from labelmgr.storage.db import Database, backups_of, open_database
from labelmgr.storage.games import GameRecord, GameRepo, LiveGame
from labelmgr.storage.migrations import SCHEMA_VERSION
from labelmgr.storage.slots import AUTOSAVES, MAX_MANUAL, SlotRecord, SlotRepo, autosave_name
from labelmgr.storage.users import UserRecord, UserRepo

__all__ = [
    "AUTOSAVES",
    "MAX_MANUAL",
    "SCHEMA_VERSION",
    "Database",
    "GameRecord",
    "GameRepo",
    "LiveGame",
    "SlotRecord",
    "SlotRepo",
    "UserRecord",
    "UserRepo",
    "autosave_name",
    "backups_of",
    "open_database",
]
