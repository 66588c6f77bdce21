"""Remember the result of a pure function of an immutable object, by the object's identity.

``mkdocs serve`` rebuilds the site after every change; a source that did not change comes
back from :mod:`scripts.buildcache` as the very same object, so what was computed from it
(its dated statements, its folded text) can be reused without hashing it again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class IdentityMemo(Generic[V]):
    """Values by ``(id(obj), key)``; the object is kept alive with its value so that its id
    cannot be reused by another object while the entry stands."""

    def __init__(self, size: int = 2048) -> None:
        self._size = size
        self._values: dict[tuple[int, Hashable], tuple[object, V]] = {}

    def get(self, obj: object, key: Hashable, make: Callable[[], V]) -> V:
        """The value remembered for ``obj`` and ``key``, made by ``make()`` the first time."""
        slot = (id(obj), key)
        found = self._values.get(slot)
        if found is not None and found[0] is obj:
            return found[1]
        value = make()
        self._values[slot] = (obj, value)
        while len(self._values) > self._size:
            del self._values[next(iter(self._values))]  # the oldest entry
        return value
