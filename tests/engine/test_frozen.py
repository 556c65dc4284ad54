"""``frozen``: the engine's records keep every behaviour of ``@dataclass(frozen=True,
slots=True)``; only their ``__init__`` is written out (the record is built as its mutable
twin, which then becomes the frozen class)."""

from __future__ import annotations

import inspect
import pickle
from dataclasses import FrozenInstanceError, field

import pytest

import labelmgr.engine  # noqa: F401 - imports every module with records
import labelmgr.engine.options  # noqa: F401
from labelmgr.engine.events import ArtistSigned, GameEvent
from labelmgr.engine.evolve import evolve
from labelmgr.engine.frozen import DATACLASS_INITS, frozen
from labelmgr.engine.state import Artist, LedgerEntry
from tests.engine.records import assert_same_fields, required_fields

RECORDS = sorted(DATACLASS_INITS, key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def test_the_engine_records_are_all_frozen() -> None:
    names = {cls.__name__ for cls in RECORDS}
    assert {"GameState", "Artist", "LedgerEntry", "MonthReport", "StartProject",
            "ArtistSigned", "GameEvent", "SongTable", "Candidates"} <= names
    assert len(RECORDS) >= 50


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_same_signature_as_the_dataclass_init(cls: type) -> None:
    assert str(inspect.signature(cls.__init__)) == str(inspect.signature(DATACLASS_INITS[cls]))
    assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
def test_same_object_as_the_dataclass_init(cls: type) -> None:
    """Given values for the required fields and defaults for the rest, both ``__init__``s
    build equal objects (factory defaults: a fresh value of the same kind each)."""
    required = required_fields(cls)
    fast = cls(**required)
    slow = object.__new__(cls)
    DATACLASS_INITS[cls](slow, **required)
    assert_same_fields(fast, slow, cls)


def test_positional_keyword_and_default_arguments() -> None:
    entry = LedgerEntry(3, "income", 500, text="Fee", source="deal")
    assert (entry.month, entry.category, entry.amount, entry.source, entry.text) == (
        3, "income", 500, "deal", "Fee")
    signed = ArtistSigned(2, "Signed Ana", artist_id="ana")
    assert (signed.month, signed.text, signed.artist_id, signed.cost) == (2, "Signed Ana", "ana", 0)
    assert signed == ArtistSigned(2, "Signed Ana", "ana", 0)
    with pytest.raises(TypeError):
        LedgerEntry(3, "income", 500, "deal")  # type: ignore[call-arg]


def test_still_frozen_hashable_and_slotted() -> None:
    entry = LedgerEntry(3, "income", 500, "deal", "Fee")
    with pytest.raises(FrozenInstanceError):
        entry.amount = 0  # type: ignore[misc]
    assert hash(entry) == hash(LedgerEntry(3, "income", 500, "deal", "Fee"))
    assert not hasattr(entry, "__dict__")


def test_factory_defaults_are_fresh_for_each_object() -> None:
    @frozen
    class Shelf:
        name: str
        items: list[str] = field(default_factory=list)

    a, b = Shelf("a"), Shelf("b")
    assert a.items == [] and a.items is not b.items
    given = ["x"]
    assert Shelf("c", given).items is given
    assert Shelf("d", items=given).items is given


def test_the_twin_never_shows() -> None:
    """Built by ``__init__`` or copied by ``evolve``, a record is of its own class at once;
    a subclass of a record is built by the dataclass's ``__init__`` and stays itself."""
    signed = ArtistSigned(2, "Signed Ana", "ana")
    assert type(signed) is ArtistSigned and isinstance(signed, GameEvent)
    artist = Artist("ana", "Ana", "visionary", "pop", 60, 50, 20, 40, 50, 60, 500, 1, 1)
    moved = evolve(artist, mood=70)
    assert type(moved) is Artist and moved.mood == 70 and artist.mood == 60
    with pytest.raises(FrozenInstanceError):
        moved.mood = 1  # type: ignore[misc]

    class Loud(ArtistSigned):
        __slots__ = ("volume",)

    loud = Loud(3, "Signed Bo", "bo")
    assert type(loud) is Loud and (loud.month, loud.artist_id) == (3, "bo")


def test_records_still_pickle() -> None:
    """The simulator's workers send records between processes."""
    entry = LedgerEntry(3, "income", 500, "deal", "Fee")
    back = pickle.loads(pickle.dumps(entry))
    assert back == entry and type(back) is LedgerEntry


def test_refuses_what_it_does_not_write_out() -> None:
    with pytest.raises(TypeError, match="__post_init__"):
        @frozen
        class WithPost:
            a: int

            def __post_init__(self) -> None:
                pass

    with pytest.raises(TypeError, match="plain fields only"):
        @frozen
        class KeywordOnly:
            a: int = field(kw_only=True)

    with pytest.raises(TypeError, match="plain fields only"):
        @frozen
        class NotInit:
            a: int = field(init=False, default=0)

    with pytest.raises(TypeError, match=r"\['twin'\] clash"):
        @frozen
        class Clash:
            twin: int


def test_without_eq_objects_compare_by_identity() -> None:
    @frozen(eq=False)
    class Box:
        size: int

    a = Box(1)
    assert a == a and a != Box(1)
    assert hash(a) == object.__hash__(a)
    with pytest.raises(FrozenInstanceError):
        a.size = 2  # type: ignore[misc]
