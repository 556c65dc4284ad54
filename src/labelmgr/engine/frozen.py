"""``frozen``: the engine's immutable records, frozen slots dataclasses built fast.

A frozen dataclass's own ``__init__`` sets each field through ``object.__setattr__`` (its
``__setattr__`` refuses changes), which is about twice as slow as calling the slot's own
setter; a month builds hundreds of these records (ledger lines, events, artists...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields
from typing import Any, TypeVar, dataclass_transform, overload

_T = TypeVar("_T")

DATACLASS_INITS: dict[type, Callable[..., None]] = {}
"""Each ``frozen`` class's ``__init__`` as ``dataclass`` wrote it (tests compare the two)."""


class _Factory:
    """The default of a field made by a factory (the factory runs when it is not given)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def slot_setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    """The setter of slot ``name`` of ``cls`` or a base class (it skips a frozen class's
    ``__setattr__``), else ``object.__setattr__`` for that name."""
    for klass in cls.__mro__:
        slot = klass.__dict__.get(name)
        if slot is not None:
            if hasattr(slot, "__set__") and not isinstance(slot, property):
                return slot.__set__  # type: ignore[no-any-return]
            break
    return lambda obj, value: object.__setattr__(obj, name, value)


@overload
def frozen(cls: type[_T], /) -> type[_T]: ...
@overload
def frozen(*, eq: bool = True) -> Callable[[type[_T]], type[_T]]: ...


@dataclass_transform(frozen_default=True)
def frozen(cls: type[_T] | None = None, /, *,
           eq: bool = True) -> type[_T] | Callable[[type[_T]], type[_T]]:
    """``@dataclass(frozen=True, slots=True)`` (``@frozen(eq=False)``: without ``__eq__``)
    with an ``__init__`` of the same signature (defaults and default factories included)
    that sets each slot through its own setter.

    Raises:
        TypeError: for a class with ``__post_init__``, keyword-only or non-init fields
            (which the fast ``__init__`` does not write out).
    """
    if cls is None:
        return lambda cls: _fast_init(dataclass(frozen=True, slots=True, eq=eq)(cls))
    return _fast_init(dataclass(frozen=True, slots=True)(cls))


def _fast_init(made: type[_T]) -> type[_T]:
    """Replace the dataclass's ``__init__`` of ``made`` with the slot-setter one."""
    if hasattr(made, "__post_init__"):
        raise TypeError(f"{made.__name__} has __post_init__: frozen does not support it")
    params, body = ["self"], []
    scope: dict[str, Any] = {"FACTORY": _FACTORY}
    for i, f in enumerate(fields(made)):  # type: ignore[arg-type]
        if f.kw_only or not f.init:
            raise TypeError(f"{made.__name__}.{f.name}: frozen supports plain fields only")
        if f.default is not MISSING:
            scope[f"default_{i}"] = f.default
            params.append(f"{f.name}=default_{i}")
        elif f.default_factory is not MISSING:
            scope[f"factory_{i}"] = f.default_factory
            params.append(f"{f.name}=FACTORY")
            body.append(f"    if {f.name} is FACTORY:\n        {f.name} = factory_{i}()")
        else:
            params.append(f.name)
        scope[f"set_{i}"] = slot_setter(made, f.name)
        body.append(f"    set_{i}(self, {f.name})")
    source = f"def __init__({', '.join(params)}):\n" + "\n".join(body or ["    pass"])
    exec(source, scope)  # noqa: S102 - the source is built from field names only
    init = scope["__init__"]
    init.__qualname__ = f"{made.__qualname__}.__init__"
    init.__module__ = made.__module__
    init.__doc__ = made.__init__.__doc__
    init.__annotations__ = dict(made.__init__.__annotations__)
    DATACLASS_INITS[made] = made.__init__
    made.__init__ = init  # type: ignore[misc]
    return made
