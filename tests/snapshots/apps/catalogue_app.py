"""A label with a long catalogue (1,234 released songs) for the paged song list."""

from labelmgr.tui.factory import make_app
from tests.snapshots.apps.played import long_catalogue_session

app = make_app(session=long_catalogue_session(1234))
