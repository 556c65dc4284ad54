"""App-wide messages. Widget messages live on their widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from labelmgr.engine import MonthReport
    from labelmgr.service import GameService, UserInfo


class StateChanged(Message, bubble=False):
    """The session's state or plan changed: visible screens refresh.

    Posted to the app, which hands a copy to every screen of the current mode's stack.
    It does not bubble, so a copy handed to a screen never loops back to the app.
    """


class ServiceReady(Message):
    """The storage-backed service is built (in a thread) and ready to use."""

    def __init__(self, service: GameService, user: UserInfo | None) -> None:
        super().__init__()
        self.service = service
        self.user = user
        """The remembered user, when a saved login was still valid."""


class ServiceFailed(Message):
    """The service could not be built (bad content, unreadable database)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class MonthAdvanced(Message):
    """The month resolved (in a worker): show its report."""

    def __init__(self, report: MonthReport) -> None:
        super().__init__()
        self.report = report


class AdvanceFailed(Message):
    """The month could not resolve: nothing changed."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
