"""``frozen``: the engine's immutable records, frozen slots dataclasses built fast.

A frozen dataclass's own ``__init__`` sets each field through ``object.__setattr__`` (its
``__setattr__`` refuses changes): a call per field, and a month builds hundreds of these
records (ledger lines, events, artists...). Here a record is built as its mutable twin (the
same base and slots, the default ``__setattr__``), whose slots take plain attribute stores,
and then becomes the frozen class: the layouts match, so Python allows the switch. It is
about twice as fast, and the record is the same object a dataclass would have built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields
from typing import Any, ParamSpec, TypeVar, dataclass_transform, overload

_T = TypeVar("_T")
_P = ParamSpec("_P")

DATACLASS_INITS: dict[type, Callable[..., None]] = {}
"""Each ``frozen`` class's ``__init__`` as ``dataclass`` wrote it (tests compare the two)."""

_BUILDERS: dict[object, Callable[..., Any]] = {}
"""Each ``frozen`` class's builder (``builder``), written with its ``__init__``."""

_TWINS: dict[type, type] = {}
"""Each frozen class's twin (``twin``), made once."""

_SET_CLASS: Callable[[object, type], None] = object.__dict__["__class__"].__set__
"""Sets an object's class without going through its ``__setattr__`` (a frozen one refuses)."""


class _Factory:
    """The default of a field made by a factory (the factory runs when it is not given)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def twin(made: type) -> type:
    """The mutable twin of the frozen slots class ``made``: the same base and the same
    slots, with the default ``__setattr__``. Build a record as its twin, set its slots with
    plain stores, then set ``__class__`` to ``made``."""
    built = _TWINS.get(made)
    if built is None:
        namespace = {"__slots__": made.__dict__.get("__slots__", ()),
                     "__setattr__": object.__setattr__, "__delattr__": object.__delattr__,
                     "__module__": made.__module__,
                     "__qualname__": f"{made.__qualname__}.<being built>"}
        built = _TWINS[made] = type(made.__name__, (made.__base__,), namespace)
    return built


def builder(cls: Callable[_P, _T]) -> Callable[_P, _T]:
    """A function that builds a ``frozen`` record of exactly ``cls`` from the arguments of
    its ``__init__`` (the same signature and defaults), without calling the class: the
    record is made as its twin and switched to ``cls`` once, where a call of the class runs
    ``__init__`` through ``type.__call__`` and switches twice. About twice as fast, for the
    records a month builds most.

    Raises:
        TypeError: for a class that ``frozen`` did not make.
    """
    made = _BUILDERS.get(cls)
    if made is None:
        raise TypeError(f"{cls!r} is not a frozen record")
    return made


@overload
def frozen(cls: type[_T], /) -> type[_T]: ...
@overload
def frozen(*, eq: bool = True) -> Callable[[type[_T]], type[_T]]: ...


@dataclass_transform(frozen_default=True)
def frozen(cls: type[_T] | None = None, /, *,
           eq: bool = True) -> type[_T] | Callable[[type[_T]], type[_T]]:
    """``@dataclass(frozen=True, slots=True)`` (``@frozen(eq=False)``: without ``__eq__``)
    with an ``__init__`` of the same signature (defaults and default factories included)
    that builds the record as its twin.

    Raises:
        TypeError: for a class with ``__post_init__``, keyword-only or non-init fields
            (which the fast ``__init__`` does not write out), or a field named like one of
            the names that ``__init__`` uses.
    """
    if cls is None:
        return lambda cls: _fast_init(dataclass(frozen=True, slots=True, eq=eq)(cls))
    return _fast_init(dataclass(frozen=True, slots=True)(cls))


def _fast_init(made: type[_T]) -> type[_T]:
    """Replace the dataclass's ``__init__`` of ``made`` with the twin-building one (an
    object of a subclass goes through the dataclass's own: it has no twin of its layout),
    and write its builder (``builder``) beside it, from the same parameters and stores."""
    if hasattr(made, "__post_init__"):
        raise TypeError(f"{made.__name__} has __post_init__: frozen does not support it")
    params, names, factories = ["self"], [], []
    scope: dict[str, Any] = {"FACTORY": _FACTORY, "cls": made, "twin": twin(made),
                             "set_class": _SET_CLASS, "dataclass_init": made.__init__,
                             "new_object": object.__new__}
    for i, f in enumerate(fields(made)):  # type: ignore[arg-type]
        if f.kw_only or not f.init:
            raise TypeError(f"{made.__name__}.{f.name}: frozen supports plain fields only")
        names.append(f.name)
        if f.default is not MISSING:
            scope[f"default_{i}"] = f.default
            params.append(f"{f.name}=default_{i}")
        elif f.default_factory is not MISSING:
            scope[f"factory_{i}"] = f.default_factory
            params.append(f"{f.name}=FACTORY")
            factories.append(f"    if {f.name} is FACTORY:\n        {f.name} = factory_{i}()")
        else:
            params.append(f.name)
    clash = sorted(set(names) & {*scope, "self"})
    if clash:
        raise TypeError(f"{made.__name__}: fields named {clash} clash with __init__'s names")
    stores = [f"    self.{name} = {name}" for name in names]
    init_body = [*factories, "    if type(self) is not cls:",
                 f"        return dataclass_init({', '.join(['self', *names])})",
                 "    set_class(self, twin)", *stores, "    self.__class__ = cls"]
    build_body = [*factories, "    self = new_object(twin)", *stores,
                  "    self.__class__ = cls", "    return self"]
    source = (f"def __init__({', '.join(params)}):\n" + "\n".join(init_body)
              + f"\ndef build({', '.join(params[1:])}):\n" + "\n".join(build_body))
    exec(source, scope)  # noqa: S102 - the source is built from field names only
    init = scope["__init__"]
    init.__qualname__ = f"{made.__qualname__}.__init__"
    init.__module__ = made.__module__
    init.__doc__ = made.__init__.__doc__
    init.__annotations__ = dict(made.__init__.__annotations__)
    build = scope["build"]
    build.__qualname__ = f"{made.__qualname__}.<build>"
    build.__module__ = made.__module__
    build.__annotations__ = {**{k: v for k, v in init.__annotations__.items()
                                if k not in ("self", "return")}, "return": made.__name__}
    _BUILDERS[made] = build
    DATACLASS_INITS[made] = made.__init__
    made.__init__ = init  # type: ignore[misc]
    return made
