"""A member's rules as loaded: what the determination engine is given, immutable once built.

The loader builds a ``Jurisdiction`` once per member; ``list_at`` hands the engine the member's
lists compiled for a transaction's date (compiled once per date, then cached by the loader).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from regime.countries.iso import Resolver
from regime.determine.docs import Source
from regime.determine.national.rules import ListedRuleSet
from regime.determine.us.rules import EarRuleSet
from regime.lists.compiled import CompiledList

ListProvider = Callable[[str, dt.date], CompiledList]


@dataclass(frozen=True, eq=False)
class Jurisdiction:
    """One member: its identity, lists, rules and sources."""

    id: str
    name: str
    authority: str
    engine: Literal["ear", "listed"]
    lists: tuple[str, ...]
    rules: EarRuleSet | ListedRuleSet
    resolver: Resolver
    list_at: ListProvider
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()
    epochs: tuple[dt.date, ...] = ()

    def epoch(self, date: dt.date) -> int:
        """Which stretch of unchanged rules and lists ``date`` falls in (decisions within one agree)."""
        return bisect.bisect_right(self.epochs, date)

    @property
    def ear(self) -> EarRuleSet:
        """The EAR rule set (only for the ``ear`` engine)."""
        if not isinstance(self.rules, EarRuleSet):
            raise TypeError(f"{self.id} is not read by the EAR engine")
        return self.rules

    @property
    def listed(self) -> ListedRuleSet:
        """The listed rule set (only for the ``listed`` engine)."""
        if not isinstance(self.rules, ListedRuleSet):
            raise TypeError(f"{self.id} is not read by the listed engine")
        return self.rules

    def describe_lists(self, date: dt.date) -> list[str]:
        """``us-ccl as of 2024-01-15``: the versions a decision on ``date`` reads."""
        return [f"{list_id} as of {date.isoformat()}" for list_id in self.lists]
