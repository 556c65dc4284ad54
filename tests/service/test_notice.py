"""What the storage layer noticed on opening reaches the player once."""

from __future__ import annotations

from pathlib import Path

from labelmgr.content import Content
from tests.service.play import make_service


def test_an_empty_file_becomes_a_database_and_says_so_once(tmp_path: Path, content: Content):
    (tmp_path / "empty.db").write_bytes(b"")
    service = make_service(tmp_path, content, db_name="empty.db")
    try:
        assert service.take_notice() == (f"The database {tmp_path / 'empty.db'} was empty: "
                                          "it is now a new labelmgr database")
        assert service.take_notice() is None
    finally:
        service.close()
    again = make_service(tmp_path, content, db_name="empty.db")
    try:
        assert again.take_notice() is None
    finally:
        again.close()
