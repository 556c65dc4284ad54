"""What every policy shares: the ``Policy`` protocol and a plan that validates as it grows.

A policy sees what a player sees (the state and the engine's ``plan_options``,
``preview_project`` and ``money_outlook``) and returns a valid plan for the month.
"""

from __future__ import annotations

from typing import ClassVar, Protocol

from labelmgr.content import Content
from labelmgr.engine import Action, GameState, PlanCheck, check_plan
from labelmgr.errors import LabelError


class Policy(Protocol):
    """A scripted label head: one plan per month."""

    name: ClassVar[str]

    def plan(self, state: GameState) -> list[Action]:
        """The actions for the month ``state`` is planning (always a valid plan)."""
        ...


class PlanDraft:
    """A plan under construction: every action is checked by the engine before it is kept."""

    __slots__ = ("_check", "actions", "content", "slots_used", "state")

    def __init__(self, state: GameState, content: Content) -> None:
        self.state = state
        self.content = content
        self.actions: list[Action] = []
        self.slots_used = 0
        self._check: PlanCheck | None = None

    @property
    def free_slots(self) -> int:
        return self.state.focus_slots - self.slots_used

    def _checked(self, action: Action, keep: int | None) -> PlanCheck | None:
        if action.uses_slot and self.free_slots <= 0:
            return None
        try:
            check = check_plan(self.state, [*self.actions, action], self.content)
        except LabelError:
            return None
        if keep is not None and check.money_after < keep:
            return None
        return check

    def fits(self, action: Action, *, keep: int | None = None) -> bool:
        """Whether ``action`` could join the plan (leaving at least ``keep`` cash)."""
        return self._checked(action, keep) is not None

    def try_add(self, action: Action, *, keep: int | None = None) -> bool:
        """Keep ``action`` when the plan stays valid with it (and, given ``keep``, leaves at
        least that much cash); returns whether it was kept."""
        check = self._checked(action, keep)
        if check is None:
            return False
        self.actions.append(action)
        self.slots_used += action.uses_slot
        self._check = check
        return True

    def money_after(self) -> int:
        """Cash left after the plan so far (before the month's costs and revenue)."""
        if self._check is None:
            self._check = check_plan(self.state, self.actions, self.content)
        return self._check.money_after
