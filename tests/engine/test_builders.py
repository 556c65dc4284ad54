"""``frozen.builder``: a record built by its builder is the record its class builds (same
signature, same defaults, same fields, frozen at once)."""

from __future__ import annotations

import inspect
from dataclasses import FrozenInstanceError, field

import pytest

import labelmgr.engine  # noqa: F401 - imports every module with records
import labelmgr.engine.options  # noqa: F401
from labelmgr.engine.events import ArtistMoodChanged
from labelmgr.engine.frozen import DATACLASS_INITS, builder, frozen
from labelmgr.engine.state import LedgerEntry
from tests.engine.records import assert_same_fields, required_fields

RECORDS = sorted(DATACLASS_INITS, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_same_signature_as_the_class(cls: type) -> None:
    built, called = inspect.signature(builder(cls)), inspect.signature(cls)
    assert str(built.replace(return_annotation=None)) == str(called.replace(return_annotation=None))
    assert built.return_annotation == cls.__name__


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_same_object_as_the_class_builds(cls: type) -> None:
    """Given values for the required fields and defaults for the rest, the builder and the
    class build equal objects (factory defaults: a fresh value of the same kind each)."""
    required = required_fields(cls)
    built, called = builder(cls)(**required), cls(**required)
    assert type(built) is cls
    assert_same_fields(built, called, cls)


def test_positional_keyword_and_default_arguments() -> None:
    entry = builder(LedgerEntry)(3, "income", 500, text="Fee", source="deal")
    assert entry == LedgerEntry(3, "income", 500, "deal", "Fee")
    assert hash(entry) == hash(LedgerEntry(3, "income", 500, "deal", "Fee"))
    moved = builder(ArtistMoodChanged)(2, "Ana's mood", artist_id="ana")
    assert moved == ArtistMoodChanged(2, "Ana's mood", "ana", "")
    with pytest.raises(FrozenInstanceError):
        moved.reason = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        builder(LedgerEntry)(3, "income", 500, "deal")  # type: ignore[call-arg]


def test_factory_defaults_are_fresh_for_each_object() -> None:
    @frozen
    class Shelf:
        name: str
        items: list[str] = field(default_factory=list)

    build = builder(Shelf)
    a, b = build("a"), build("b")
    assert a.items == [] and a.items is not b.items
    given = ["x"]
    assert build("c", given).items is given


def test_only_frozen_records_have_builders() -> None:
    class Plain:
        pass

    with pytest.raises(TypeError, match="not a frozen record"):
        builder(Plain)
