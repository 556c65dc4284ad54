"""Seed 7 after its twelfth month: the campaign is over."""

from labelmgr.tui.factory import make_app
from tests.snapshots.apps.core import finished_session

app = make_app(session=finished_session())
