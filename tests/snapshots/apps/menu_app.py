"""Signed in as ana, with two games (fixed clock), on the main menu."""

from labelmgr.tui.factory import make_app
from tests.snapshots.apps.core import service

app = make_app(service(signed_in=True), seed_code="0000-0007")
