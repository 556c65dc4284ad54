"""Five months into a seeded game (see ``played.played_session``), on the dashboard."""

from labelmgr.tui.factory import make_app
from tests.snapshots.apps.played import played_session

app = make_app(session=played_session())
