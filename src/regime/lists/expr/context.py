"""What an expression reads when it runs: the item's facts and its place in the list."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol


class Context(Protocol):
    """The facts of one item (canonical units) and answers about its classification.

    ``meets``, ``exceeds``, ``contains`` and ``for_item`` take list patterns: an entry (``3A090``), a paragraph
    (``3A090.a``, which also matches ``3A090.a.1``) or a category and group (``3B``). Each answers
    True, False, or None when it cannot yet be told.
    """

    @property
    def values(self) -> Mapping[str, Any]:
        """The item's facts in canonical units (derived parameters included)."""
        ...

    def meets(self, pattern: str) -> bool | None:
        """Whether the item itself is classified under ``pattern``."""
        ...

    def exceeds(self, pattern: str) -> bool | None:
        """Whether the item meets or exceeds the performance parameters of ``pattern``."""
        ...

    def contains(self, pattern: str) -> bool | None:
        """Whether a component of the item is classified under ``pattern``."""
        ...

    def for_item(self, pattern: str) -> bool | None:
        """Whether the item (software or technology) is for an item classified under ``pattern``."""
        ...


def is_group_pattern(pattern: str) -> bool:
    """True for a category-and-group pattern such as ``3B`` or ``19A``."""
    return 2 <= len(pattern) <= 3 and pattern[:-1].isdigit() and pattern[-1] in "ABCDE"


def pattern_matches(ref: str, pattern: str) -> bool:
    """True when the classification ``ref`` falls under ``pattern`` (entry, paragraph or group)."""
    if is_group_pattern(pattern):
        return ref.startswith(pattern) and len(ref) > len(pattern) and ref[len(pattern)].isdigit()
    return ref == pattern or ref.startswith(pattern + ".")


class Facts:
    """A plain context over a dict of facts with known classifications (for tests and tools)."""

    def __init__(
        self,
        values: Mapping[str, Any],
        *,
        classes: frozenset[str] = frozenset(),
        component_classes: frozenset[str] = frozenset(),
        target_classes: frozenset[str] = frozenset(),
    ) -> None:
        self._values = values
        self.classes = classes
        self.component_classes = component_classes
        self.target_classes = target_classes

    @property
    def values(self) -> Mapping[str, Any]:
        return self._values

    def meets(self, pattern: str) -> bool | None:
        return any(pattern_matches(ref, pattern) for ref in self.classes)

    def exceeds(self, pattern: str) -> bool | None:
        return self.meets(pattern) or self.contains(pattern)

    def contains(self, pattern: str) -> bool | None:
        return any(pattern_matches(ref, pattern) for ref in self.component_classes)

    def for_item(self, pattern: str) -> bool | None:
        return any(pattern_matches(ref, pattern) for ref in self.target_classes)
