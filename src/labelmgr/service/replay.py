"""Replaying an action log from a seed: a game is its seed, content and action log."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from labelmgr.content import Content
from labelmgr.engine import (
    GameEvent,
    GameState,
    action_from_dict,
    advance_month,
    new_game,
    start_career,
)
from labelmgr.errors import LabelError


def replay(content: Content, *, seed: int, difficulty: str, label_name: str,
           log: Sequence[dict[str, Any]], career: bool = False,
           ) -> tuple[GameState, list[GameEvent]]:
    """The state after playing every month of ``log`` from a new game, and every month's
    events in order (the game's news, as it was played).

    Raises:
        LabelError: ``SAVE_REPLAY`` when a month is missing or its plan is refused.
    """
    events: list[GameEvent] = []
    try:
        state = new_game(content, seed=seed, difficulty=difficulty, label_name=label_name)
        for entry in log:
            if entry.get("month") != state.month:
                raise LabelError("SAVE_REPLAY", f"the action log skips to month "
                                 f"{entry.get('month')!r} after month {state.month - 1}")
            if entry.get("career") and not state.career:
                state = start_career(state, content)
            actions = [action_from_dict(a) for a in entry["actions"]]
            month = advance_month(state, actions, content)
            state = month.state
            events += month.events
        if career and not state.career:
            state = start_career(state, content)
    except LabelError as e:
        if e.code == "SAVE_REPLAY":
            raise
        raise LabelError("SAVE_REPLAY", f"the action log does not replay: {e.message}") from e
    except (KeyError, TypeError) as e:
        raise LabelError("SAVE_REPLAY", f"the action log is damaged ({e})") from e
    return state, events
