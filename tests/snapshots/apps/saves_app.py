"""A stored game (throwaway database, frozen clock) with a manual save and autosaves."""

import atexit
import shutil
import tempfile
from pathlib import Path

from labelmgr.engine import seed_code
from labelmgr.service import open_service
from labelmgr.tui.factory import make_app

NOW = 1_767_225_600.0
"""2026-01-01 00:00 UTC: every slot's time."""

folder = Path(tempfile.mkdtemp(prefix="labelmgr-snap-"))
atexit.register(shutil.rmtree, folder, True)
service = open_service(folder / "saves.db", config_dir=folder, clock=lambda: NOW, scrypt_n=16)
service.register("ana", "correct horse battery")
session = service.new_game("Neon Owl Records", seed_code=seed_code(7))
session.advance()
service.save_slot(session.game_id, "Before the tour")
session.advance()
app = make_app(service, session=session)
