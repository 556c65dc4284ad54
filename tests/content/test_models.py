"""Content models: frozen slots dataclasses that pydantic validates as they are built."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from pydantic import ValidationError

from labelmgr.content import load_content
from labelmgr.content.effects import EFFECT_KEYS, Effects
from labelmgr.content.models import Choice, Requires


def _models(value: object) -> Iterator[object]:
    """Every content model object reachable from ``value``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield value
        for f in dataclasses.fields(value):
            yield from _models(getattr(value, f.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _models(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _models(item)


def test_every_loaded_object_reads_its_attributes_from_slots() -> None:
    """No instance dict and no ``__getattr__`` hook (a pydantic ``BaseModel`` has one, and
    it slows every attribute read the engine makes)."""
    content = load_content()
    found = [m for part in (content.balance, content.roles, content.artists,
                            content.conversations, content.events) for m in _models(part)]
    kinds = {type(m).__name__ for m in found}
    assert {"Balance", "Economy", "Role", "Meeting", "Choice", "Effects", "Requires",
            "ArtistSpec", "Conversation", "EventSpec", "ProducerTier"} <= kinds
    for model in found:
        assert not hasattr(model, "__dict__"), type(model).__name__
        assert not hasattr(type(model), "__getattr__"), type(model).__name__


def test_models_are_frozen() -> None:
    choice = load_content().roles[0].meetings[0].choices[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        choice.label = "Changed"  # type: ignore[misc]


def test_models_validate_when_built() -> None:
    assert Effects(money=-500).items() == [("money", -500)]
    with pytest.raises(ValidationError, match="less than or equal to 50000"):
        Effects(money=60_000)
    with pytest.raises(ValidationError, match="fame"):
        Effects(fame=3)  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="should match pattern"):
        Choice(id="Not An Id", label="Go")


def test_empty_effects_and_requirements() -> None:
    assert Effects().is_empty() and not Effects(reputation=1).is_empty()
    assert Requires().is_empty() and not Requires(month=3).is_empty()
    assert EFFECT_KEYS[:3] == ("money", "reputation", "creative_capital")
    assert len(EFFECT_KEYS) == 16
