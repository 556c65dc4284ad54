"""``GameSession``: one open game and the player's plan for the month being planned.

It validates every planned action at once (through the engine's ``check_plan``), previews
costs, and advances the month. Persistence is a hook: the ``GameService`` passes a
``commit`` callable that writes the month in one transaction, and a ``commit_career`` one
that stores the start of the career at once; if either raises, the session keeps the game
as it was (nothing half-applied).

A label that goes bankrupt in its career ends there, as a bankrupt campaign does: the engine
ends the career at that month (the campaign's score stays frozen) and refuses to start it
again (``start_career``; the session reports it as ``career_refusal``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from labelmgr.content import Content
from labelmgr.engine import (
    Action,
    GameEvent,
    GameState,
    MoneyOutlook,
    MonthReport,
    MonthResult,
    Options,
    ProjectPreview,
    Song,
    StartProject,
    advance_month,
    check_plan,
    money_outlook,
    plan_options,
    preview_project,
    start_career,
)
from labelmgr.errors import LabelError

Commit = Callable[[GameState, MonthResult, Sequence[Action]], None]
"""Writes a resolved month (old state, result, the plan that produced it) or raises."""

CommitCareer = Callable[[GameState], None]
"""Stores the state that starts the career, or raises."""

NEWS_LIMIT = 500
"""How many of the newest events a session keeps and shows (loaded or played: the same)."""

SONG_ORDERS: tuple[str, ...] = ("total_revenue", "last_revenue", "total_streams", "quality",
                                "release_month")
"""Columns the song catalogue can be sorted by (descending)."""


class GameSession:
    """A game in play: its state, the plan in progress, the last report and the news."""

    def __init__(self, state: GameState, content: Content, *, game_id: int | None = None,
                 commit: Commit | None = None, commit_career: CommitCareer | None = None,
                 news: Sequence[GameEvent] = ()) -> None:
        self.state = state
        self.content = content
        self.game_id = game_id
        self._commit = commit
        self._commit_career = commit_career
        self._plan: list[Action] = []
        self.last_report: MonthReport | None = None
        self._news: list[GameEvent] = list(news)[-NEWS_LIMIT:]

    # ----------------------------------------------------------------- the plan

    @property
    def plan(self) -> tuple[Action, ...]:
        return tuple(self._plan)

    def add(self, action: Action) -> None:
        """Add an action to the plan, or raise ``LabelError`` saying why it cannot be done."""
        check_plan(self.state, [*self._plan, action], self.content)
        self._plan.append(action)

    def refusal(self, action: Action) -> LabelError | None:
        """Why ``add(action)`` would be refused (None: it would be added); the plan stays."""
        try:
            check_plan(self.state, [*self._plan, action], self.content)
        except LabelError as e:
            return e
        return None

    def remove(self, index: int) -> Action:
        """Take an action out of the plan; actions that depended on it go too."""
        if not 0 <= index < len(self._plan):
            n = len(self._plan)
            raise LabelError("VAL_PLAN_INDEX", f"There is no planned action at position {index}: "
                             f"the plan holds {n} action{'' if n == 1 else 's'}"
                             + (f" (positions 0 to {n - 1})" if n else ""))
        removed = self._plan.pop(index)
        kept: list[Action] = []
        for action in self._plan:
            try:
                check_plan(self.state, [*kept, action], self.content)
                kept.append(action)
            except LabelError:
                continue
        self._plan = kept
        return removed

    def clear_plan(self) -> None:
        self._plan = []

    def options(self) -> Options:
        return plan_options(self.state, self._plan, self.content)

    def outlook(self) -> MoneyOutlook:
        return money_outlook(self.state, self._plan, self.content)

    def preview(self, action: StartProject) -> ProjectPreview:
        """Cost and quality range of a project (its fields must be valid choices)."""
        return preview_project(self.state, self.content, action)

    # ----------------------------------------------------------------- the month

    def advance(self) -> MonthReport:
        """Resolve the month with the plan; persist it; return the report.

        Raises:
            LabelError: from the engine (nothing changed) or from the commit hook (nothing
                changed either: the session keeps the unresolved month and its plan).
        """
        result = advance_month(self.state, self._plan, self.content)
        if self._commit is not None:
            self._commit(self.state, result, tuple(self._plan))
        self.state = result.state
        self._plan = []
        self.last_report = result.report
        self._news = [*self._news, *result.events][-NEWS_LIMIT:]
        return result.report

    # ----------------------------------------------------------------- the career

    @property
    def career_bankrupt(self) -> bool:
        """True when the label went bankrupt in its career (which ended then, for good)."""
        return self.state.career_ended

    def career_refusal(self) -> LabelError | None:
        """Why the career cannot start now (None: it can, or it already runs)."""
        try:
            start_career(self.state, self.content)
        except LabelError as e:
            return e
        return None

    def start_career(self) -> None:
        """Go on after the campaign as an open-ended career, stored at once.

        Raises:
            LabelError: the ``career_refusal``, or from the store (nothing changed then).
        """
        if self.state.career:
            return
        new_state = start_career(self.state, self.content)
        if self._commit_career is not None:
            self._commit_career(new_state)
        self.state = new_state

    # ----------------------------------------------------------------- views

    def news(self, limit: int = NEWS_LIMIT) -> list[GameEvent]:
        """The newest events first."""
        return list(reversed(self._news[-limit:]))

    def songs(self, order: str = "total_revenue", offset: int = 0, limit: int = 50,
              released_only: bool = True) -> tuple[list[Song], int]:
        """A page of the song catalogue, sorted descending; returns (rows, total count)."""
        if order not in SONG_ORDERS:
            raise LabelError("VAL_SONG_ORDER", f"Songs can be sorted by {', '.join(SONG_ORDERS)}")
        table = self.state.songs
        idx = np.flatnonzero(table.released_mask) if released_only else np.arange(len(table))
        keys = getattr(table, order)[idx]
        ordered = idx[np.lexsort((table.id[idx], -keys))]
        page = ordered[offset:offset + limit]
        return list(table.rows(page)), len(idx)
