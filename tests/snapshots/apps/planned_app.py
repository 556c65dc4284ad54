"""Month 1 of seed 7 with two meetings planned."""

from labelmgr.tui.factory import make_app
from tests.snapshots.apps.core import planned_session

app = make_app(session=planned_session())
