"""Finding a choice of a meeting, conversation or event by its id (with its terms)."""

from __future__ import annotations

from collections.abc import Sequence

from labelmgr.content.models import Choice
from labelmgr.engine.memo import PinnedMemo
from labelmgr.engine.rules.gates import is_open

_CHOICE_BY_ID: PinnedMemo[dict[str, Choice]] = PinnedMemo()
"""Each scene's choices by id, keyed by the identity of its (immutable) choice tuple."""


def choice_by_id(choices: Sequence[Choice], choice_id: str) -> Choice | None:
    """The choice with ``choice_id`` among a scene's choices (None when there is none)."""
    return _CHOICE_BY_ID.of(choices, _by_id).get(choice_id)


def _by_id(choices: Sequence[Choice]) -> dict[str, Choice]:
    return {c.id: c for c in choices}


ChoiceTerms = tuple[Choice, bool, int, int]
"""A choice, whether it has requirements, and the creative capital and money it moves at
once (0 for none): what the plan's walk reads of it."""

_TERMS_BY_ID: PinnedMemo[dict[str, ChoiceTerms]] = PinnedMemo()
"""Each scene's choices' terms by id, keyed by the identity of its choice tuple."""


def terms_by_id(choices: Sequence[Choice]) -> dict[str, ChoiceTerms]:
    """A scene's choices' terms by id (each choice as ``choice_by_id`` finds it; remembered,
    shared between callers: read it, never change it)."""
    return _TERMS_BY_ID.of(choices, _terms)


def _terms(choices: Sequence[Choice]) -> dict[str, ChoiceTerms]:
    return {c.id: (c, not is_open(c.requires), c.effects_immediate.creative_capital or 0,
                   c.effects_immediate.money or 0) for c in choices}
