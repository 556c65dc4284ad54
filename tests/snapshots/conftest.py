"""Snapshot fixtures: freeze what flickers so an SVG depends only on the game.

* The text cursor: Textual blinks it every half second, so a slow machine would catch it
  hidden and a fast one shown. Textual has no public switch, so the blink timer's callback
  is replaced for the test (the cursor then always shows).
* Notifications: they expire after a few seconds, so a slow run could miss one; during a
  snapshot they stay.
* The clock: service-backed apps pass a fixed ``clock`` (see ``apps/service_app.py``), and
  times are rendered in UTC (``TZ``).
* Seeds: every app module builds its game from a fixed seed.
"""

from __future__ import annotations

import time

import pytest
from textual.app import App
from textual.widgets import Input


@pytest.fixture(autouse=True)
def _freeze_flicker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(App, "NOTIFICATION_TIMEOUT", 3600)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
