"""``evolve``: a fast ``dataclasses.replace`` for the engine's frozen slots dataclasses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any, TypeVar

from labelmgr.engine.frozen import twin

_T = TypeVar("_T")

_Copier = Callable[..., Any]

_COPIERS: dict[tuple[type, tuple[str, ...], bool], _Copier] = {}
"""Per class, names changed (in call order) and calling style: a function that builds the
copy."""


def _written(cls: type, changed: tuple[str, ...], keywords: bool) -> _Copier:
    """A copy function written out for ``cls``: the copy is built as the class's mutable
    twin (``frozen.twin``), one plain store per field, each value from the changes or from
    the original, and then becomes a ``cls``.
    ``keywords``: the changes come as keyword arguments, else as one dict.

    Generated, as ``dataclasses`` generates ``__init__``: a loop over the fields costs about
    as much again, and the month copies thousands of these.

    Raises:
        TypeError: when ``changed`` names a field ``cls`` does not have.
    """
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    unknown = sorted(set(changed) - set(names))
    if unknown:
        raise TypeError(f"{cls.__name__} has no field(s) {unknown}")
    if keywords:
        assert not {"_obj", "_new", "cls", "twin", "new_object"} & set(names), "a field shadows"
        head = f"def copy(_obj, /, *, {', '.join(changed)}):" if changed else "def copy(_obj, /):"
    else:
        head = "def copy(_obj, _changes):"
    value = "{0}" if keywords else "_changes[{0!r}]"
    lines = [head, "    _new = new_object(twin)"]
    lines += [f"    _new.{name} = {value.format(name)}" if name in changed
              else f"    _new.{name} = _obj.{name}" for name in names]
    lines += ["    _new.__class__ = cls", "    return _new"]
    scope: dict[str, Any] = {"new_object": object.__new__, "cls": cls, "twin": twin(cls)}
    exec("\n".join(lines), scope)  # noqa: S102 - the source is built from field names only
    made = _COPIERS[(cls, changed, keywords)] = scope["copy"]
    return made


def copier(cls: type, *changed: str) -> _Copier:
    """``copy(obj, **changes)`` for ``cls``, taking exactly the fields in ``changed`` as
    keyword arguments: ``evolve`` for a call site that always changes the same (many)
    fields, without building a dict of the changes.

    Raises:
        TypeError: when ``changed`` names a field ``cls`` does not have.
    """
    return _COPIERS.get((cls, changed, True)) or _written(cls, changed, True)


def evolve(obj: _T, **changes: Any) -> _T:
    """``dataclasses.replace`` for the state's frozen slots dataclasses, about three times as
    fast (the month builds thousands of these): a copy with ``changes`` applied.

    Only for dataclasses whose every field is an ``__init__`` argument and which have no
    ``__post_init__`` (true of the state classes and ``SongTable``).

    Raises:
        TypeError: for a name that is not a field.
    """
    key = (type(obj), tuple(changes), False)
    made = _COPIERS.get(key) or _written(*key)
    return made(obj, changes)  # type: ignore[no-any-return]
