"""Explicit caches a caller may share across determinations (a batch shares one; a single call gets its own).

The engine stays pure: a memo only remembers answers of pure sub-steps (an item's classes on a
list and date, a CCL entry's parsed lines, a party's screening hits, a destination's resolution),
keyed by everything those answers depend on.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Memo:
    """Named tables of remembered answers; ``get`` computes on a miss."""

    __slots__ = ("hits", "misses", "tables")

    def __init__(self) -> None:
        self.tables: dict[str, dict[Hashable, Any]] = {}
        self.hits = 0
        self.misses = 0

    def get(self, table: str, key: Hashable, make: Callable[[], T]) -> T:
        """The remembered answer for ``key`` in ``table``, computing it with ``make`` the first time."""
        found = self.tables.setdefault(table, {})
        if key in found:
            self.hits += 1
            value: T = found[key]
            return value
        self.misses += 1
        value = make()
        found[key] = value
        return value

    def size(self) -> dict[str, int]:
        """How many answers each table holds."""
        return {name: len(table) for name, table in self.tables.items()}
