"""Shared checks on the engine's frozen records."""

from __future__ import annotations

from dataclasses import MISSING, fields


def required_fields(cls: type) -> dict[str, object]:
    """A fresh object for every field of ``cls`` without a default."""
    return {f.name: object() for f in fields(cls)
            if f.default is MISSING and f.default_factory is MISSING}


def assert_same_fields(mine: object, theirs: object, cls: type) -> None:
    """Every field of ``mine`` holds the object ``theirs`` holds (a factory default: a value
    of the same kind, made fresh for each)."""
    for f in fields(cls):
        a, b = getattr(mine, f.name), getattr(theirs, f.name)
        if f.default_factory is MISSING:
            assert a is b, f.name
        else:
            assert type(a) is type(b), f.name
