"""The evaluation context of one item: its facts, what it has been classified as so far, its parts."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from regime.lists.compiled import CompiledList


@functools.lru_cache(maxsize=65536)
def prefixes(ref: str) -> frozenset[str]:
    """Every pattern a reference falls under: ``3A090.a.1`` -> itself, ``3A090.a``, ``3A090`` and ``3A``."""
    entry, _, paragraph = ref.partition(".")
    found = {entry, entry[:-3]} if len(entry) >= 5 and entry[-3:].isdigit() else {entry}
    parts = paragraph.split(".") if paragraph else []
    found.update(f"{entry}." + ".".join(parts[:n]) for n in range(1, len(parts) + 1))
    return frozenset(found)


class _Refs:
    """A set of classification references, answerable by pattern in constant time."""

    def __init__(self, refs: Iterable[str] = ()) -> None:
        self.refs: set[str] = set()
        self.covered: set[str] = set()
        for ref in refs:
            self.add(ref)

    def add(self, ref: str) -> None:
        self.refs.add(ref)
        self.covered |= prefixes(ref)

    def under(self, pattern: str) -> bool:
        """Some reference falls under ``pattern``."""
        return pattern in self.covered

    def overlaps(self, pattern: str) -> bool:
        """Some reference falls under ``pattern``, or ``pattern`` falls under some reference."""
        return pattern in self.covered or not self.refs.isdisjoint(prefixes(pattern))


_EMPTY = _Refs()


def _refs(refs: frozenset[str]) -> _Refs:
    """A read-only set of references (the shared empty one when there are none)."""
    return _Refs(refs) if refs else _EMPTY


class ItemContext:
    """Facts in canonical units plus the classifications ``meets``/``exceeds``/``contains`` read.

    ``classes`` grows as entries are evaluated in dependency order; ``pending`` holds references
    whose answer is unknown, so a test of them is unknown too, never a silent False.
    """

    def __init__(
        self,
        values: dict[str, Any],
        clist: CompiledList,
        component_classes: frozenset[str],
        component_pending: frozenset[str],
        target_classes: frozenset[str],
        target_pending: frozenset[str],
        exceeds_fn: Callable[[ItemContext, str], bool | None],
    ) -> None:
        self.values = values
        self.clist = clist
        self._classes = _Refs()
        self._pending = _Refs()
        self._components = (_refs(component_classes), _refs(component_pending))
        self._targets = (_refs(target_classes), _refs(target_pending))
        self._exceeds_fn = exceeds_fn
        self._exceeds_memo: dict[str, bool | None] = {}

    @property
    def classes(self) -> set[str]:
        """The classes found so far."""
        return self._classes.refs

    def add_class(self, ref: str) -> None:
        """Record a class the item has been found to meet."""
        self._classes.add(ref)

    def add_pending(self, ref: str) -> None:
        """Record a class that could not be decided."""
        self._pending.add(ref)

    @staticmethod
    def _answer(pattern: str, known: _Refs, pending: _Refs) -> bool | None:
        if known.under(pattern):
            return True
        return None if pending.overlaps(pattern) else False

    def meets(self, pattern: str) -> bool | None:
        """Whether the item itself is classified under ``pattern`` (so far)."""
        return self._answer(pattern, self._classes, self._pending)

    def contains(self, pattern: str) -> bool | None:
        """Whether a component is classified under ``pattern``."""
        return self._answer(pattern, *self._components)

    def for_item(self, pattern: str) -> bool | None:
        """Whether the software or technology is for an item classified under ``pattern``."""
        return self._answer(pattern, *self._targets)

    def exceeds(self, pattern: str) -> bool | None:
        """Whether the item's own facts (or a component) reach the performance parameters of ``pattern``."""
        if pattern not in self._exceeds_memo:
            self._exceeds_memo[pattern] = None  # a cycle reads as unknown
            self._exceeds_memo[pattern] = self._exceeds_fn(self, pattern)
        return self._exceeds_memo[pattern]
