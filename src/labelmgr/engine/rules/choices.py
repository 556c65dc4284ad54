"""Finding a choice of a meeting, conversation or event by its id."""

from __future__ import annotations

from collections.abc import Sequence

from labelmgr.content.models import Choice
from labelmgr.engine.memo import PinnedMemo

_CHOICE_BY_ID: PinnedMemo[dict[str, Choice]] = PinnedMemo()
"""Each scene's choices by id, keyed by the identity of its (immutable) choice tuple."""


def choice_by_id(choices: Sequence[Choice], choice_id: str) -> Choice | None:
    """The choice with ``choice_id`` among a scene's choices (None when there is none)."""
    return _CHOICE_BY_ID.of(choices, _by_id).get(choice_id)


def _by_id(choices: Sequence[Choice]) -> dict[str, Choice]:
    return {c.id: c for c in choices}
