"""Month 4 of seed 7 with a random event waiting for its answer."""

from labelmgr.tui.factory import make_app
from tests.snapshots.apps.core import event_session

app = make_app(session=event_session())
