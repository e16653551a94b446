"""The evaluation context of one item: its facts, what it has been classified as so far, its parts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from regime.lists.compiled import CompiledList
from regime.lists.expr.context import pattern_matches


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
        self.classes: set[str] = set()
        self.pending: set[str] = set()
        self.component_classes = component_classes
        self.component_pending = component_pending
        self.target_classes = target_classes
        self.target_pending = target_pending
        self._exceeds_fn = exceeds_fn
        self._exceeds_memo: dict[str, bool | None] = {}

    @staticmethod
    def _answer(pattern: str, known: set[str] | frozenset[str], pending: set[str] | frozenset[str]) -> bool | None:
        if any(pattern_matches(ref, pattern) for ref in known):
            return True
        if any(pattern_matches(ref, pattern) or pattern_matches(pattern, ref) for ref in pending):
            return None
        return False

    def meets(self, pattern: str) -> bool | None:
        """Whether the item itself is classified under ``pattern`` (so far)."""
        return self._answer(pattern, self.classes, self.pending)

    def contains(self, pattern: str) -> bool | None:
        """Whether a component is classified under ``pattern``."""
        return self._answer(pattern, self.component_classes, self.component_pending)

    def for_item(self, pattern: str) -> bool | None:
        """Whether the software or technology is for an item classified under ``pattern``."""
        return self._answer(pattern, self.target_classes, self.target_pending)

    def exceeds(self, pattern: str) -> bool | None:
        """Whether the item's own facts (or a component) reach the performance parameters of ``pattern``."""
        if pattern not in self._exceeds_memo:
            self._exceeds_memo[pattern] = None  # a cycle reads as unknown
            self._exceeds_memo[pattern] = self._exceeds_fn(self, pattern)
        return self._exceeds_memo[pattern]
