"""``PinnedMemo``: values remembered by the identity of an immutable object.

Content objects (the balance, a meeting choice) are frozen but not hashable, and the same
ones are asked about many times a month. The memo keys on ``id(obj)`` and keeps ``obj``
alive beside its value, so an id can never be reused by another object while it is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")
T = TypeVar("T")


class PinnedMemo(Generic[V]):
    """A bounded memo keyed by (an object's identity, a hashable key); cleared when full."""

    def __init__(self, limit: int = 4096) -> None:
        self._values: dict[tuple[int, Hashable], tuple[object, V]] = {}
        self._of: dict[int, tuple[object, V]] = {}
        self._limit = limit

    def of(self, obj: T, make: Callable[[T], V]) -> V:
        """The value remembered for ``obj`` alone, made with ``make(obj)`` the first time
        (``get`` without a key: no key tuple, no closure; for the lookups made most often)."""
        hit = self._of.get(id(obj))
        if hit is not None and hit[0] is obj:
            return hit[1]
        if len(self._of) >= self._limit:
            self._of.clear()
        value = make(obj)
        self._of[id(obj)] = (obj, value)
        return value

    def get(self, obj: object, key: Hashable, make: Callable[[], V]) -> V:
        """The value remembered for ``(obj, key)``, made with ``make()`` the first time."""
        slot = (id(obj), key)
        hit = self._values.get(slot)
        if hit is not None and hit[0] is obj:
            return hit[1]
        if len(self._values) >= self._limit:
            self._values.clear()
        value = make()
        self._values[slot] = (obj, value)
        return value
