"""The first screen: no one signed in yet."""

from labelmgr.tui.factory import make_app
from tests.snapshots.apps.core import service

app = make_app(service(signed_in=False))
