"""What every policy shares: the ``Policy`` protocol and a plan that validates as it grows.

A policy sees what a player sees (the state and the engine's ``plan_options``,
``preview_project``, ``budget_range`` and ``money_outlook``) and returns a valid plan for
the month.
"""

from __future__ import annotations

from typing import ClassVar, Protocol

from labelmgr.content import Content
from labelmgr.engine import Action, GameState, GrowingPlan
from labelmgr.errors import LabelError


class Policy(Protocol):
    """A scripted label head: one plan per month."""

    name: ClassVar[str]

    def plan(self, state: GameState) -> list[Action]:
        """The actions for the month ``state`` is planning (always a valid plan)."""
        ...


class PlanDraft:
    """A plan under construction: every action is checked by the engine before it is kept
    (``GrowingPlan``: the same answers as ``check_plan`` on the longer plan)."""

    __slots__ = ("_plan", "content", "slots_used", "state")

    def __init__(self, state: GameState, content: Content) -> None:
        self.state = state
        self.content = content
        self.slots_used = 0
        self._plan = GrowingPlan(state, content)

    @property
    def actions(self) -> list[Action]:
        """The actions kept so far, in plan order (a fresh list)."""
        return list(self._plan.actions)

    @property
    def free_slots(self) -> int:
        return self.state.focus_slots - self.slots_used

    def _checked(self, action: Action, keep: int | None) -> GrowingPlan | None:
        if action.uses_slot and self.free_slots <= 0:
            return None
        try:
            plan = self._plan.with_action(action)
        except LabelError:
            return None
        if keep is not None and plan.check.money_after < keep:
            return None
        return plan

    def fits(self, action: Action, *, keep: int | None = None) -> bool:
        """Whether ``action`` could join the plan (leaving at least ``keep`` cash)."""
        return self._checked(action, keep) is not None

    def try_add(self, action: Action, *, keep: int | None = None) -> bool:
        """Keep ``action`` when the plan stays valid with it (and, given ``keep``, leaves at
        least that much cash); returns whether it was kept."""
        if keep is None:  # grown in place: nothing to put back when the cash is too low
            if action.uses_slot and self.slots_used >= self.state.focus_slots:  # no free slot
                return False
            try:
                self._plan.add(action)
            except LabelError:
                return False
        else:
            plan = self._checked(action, keep)
            if plan is None:
                return False
            self._plan = plan
        self.slots_used += action.uses_slot
        return True

    def money_after(self) -> int:
        """Cash left after the plan so far (before the month's costs and revenue)."""
        return self._plan.check.money_after
