"""A ready-made player database for the CLI cases: alice and bob, a game each, an export.

Built once per test session with the service (cheap scrypt) and copied into each test's
home folder, so that every CLI case starts from the same rows.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from labelmgr.content import Content
from labelmgr.service import open_service
from tests.robustness.model import dump
from tests.service.play import play

PASSWORDS = {"alice": "alice password", "bob": "bob's password"}


def build(folder: Path, content: Content) -> dict[str, int]:
    """``folder/data/labelmgr.db`` with both players, and ``folder/alice.json``; game ids."""
    service = open_service(folder / "data" / "labelmgr.db", content=content,
                           config_dir=folder / "config", scrypt_n=2**4)
    ids = {}
    for name, seed in (("alice", "0000-00A1"), ("bob", "0000-00B0")):
        service.register(name, PASSWORDS[name])
        session = service.new_game(f"{name.title()} Records", seed_code=seed)
        play(session, 3)
        assert session.game_id is not None
        ids[name] = session.game_id
        if name == "alice":
            service.export_game(session.game_id, folder / "alice.json")
        service.logout()
    service.close()
    return ids


def install(source: Path, home: Path) -> Path:
    """Copy the built database and export into ``home``; returns the database path."""
    (home / "data").mkdir(mode=0o700)
    shutil.copy2(source / "data" / "labelmgr.db", home / "data" / "labelmgr.db")
    shutil.copy2(source / "alice.json", home / "alice.json")
    return home / "data" / "labelmgr.db"


def game_rows(db: Path) -> list[str]:
    """Every row but the profiles and the audit trail (a login records its outcome there)."""
    return [line for line in dump(db)
            if "'audit." not in line and not line.startswith('INSERT INTO "users"')]
