"""Month 1 of a seeded game, on the dashboard."""

from labelmgr.tui.factory import make_app
from tests.snapshots.apps.played import fresh_session

app = make_app(session=fresh_session())
