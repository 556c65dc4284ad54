"""``KeepStylesOnFirstResume``: a screen whose first resume skips Textual's restyle."""

from __future__ import annotations

from textual import events


class KeepStylesOnFirstResume:
    """Mixin for a screen first resumed just after it mounts (at startup), every style fresh:
    Textual's restyle of the whole screen on that resume (``refresh_styles``) would compute
    them all again (~3 ms for the profile form). Later resumes (back from help) restyle as
    usual. Put it before ``Screen`` in the bases."""

    _resumed = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
