"""``run_game``: what ``labelmgr`` with no subcommand runs (``--db``, ``--seed``, ``--content``).

Only Textual is imported before the first screen; the content and the storage-backed
service are built by ``open_game_service`` in the app's thread worker. If that fails (bad
content, unreadable database), the app closes and the reason is printed: exit code 1.
"""

from __future__ import annotations

import sys
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from labelmgr.service import GameService


def open_game_service(db: str | None, content_dir: str | None) -> GameService:
    """Load and validate the content, then open the service on the database.

    Raises:
        LabelError: ``CONTENT_INVALID`` listing every problem, or a ``DB_`` error.
    """
    from labelmgr.content import load_content
    from labelmgr.service import open_service

    content = load_content(content_dir)
    return open_service(db, content=content)


def run_game(db: str | None = None, content_dir: str | None = None,
             seed_code: str | None = None) -> int:
    """Run the terminal game; returns the process exit code.

    Args:
        db: The database file (None: the default location).
        content_dir: Another content folder (None: the shipped content).
        seed_code: Pre-fills New game's seed code.
    """
    from labelmgr.tui.factory import make_app

    app = make_app(service_factory=partial(open_game_service, db, content_dir),
                   seed_code=seed_code)
    app.run()
    if app.crash_note:
        print(f"labelmgr: {app.crash_note}", file=sys.stderr)
        return 1
    if app.startup_error:
        print(f"labelmgr: {app.startup_error}", file=sys.stderr)
        return 1
    return app.return_code or 0
