"""The classification engine: ``classify(item, compiled_list)`` -> every matching paragraph, with reasons.

Pure: it reads the item and the compiled list and nothing else. ``classify`` gives the full
reasoning a person reads; ``classify_brief`` gives only the answer (classes, undecided and released
paragraphs), for batch work that decides many items and explains none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from regime.classify.decide import Decider
from regime.classify.narrate import narrate
from regime.classify.result import Classification
from regime.lists.compiled import CompiledList
from regime.lists.numbering import join_ref
from regime.model.item import Item

DEFAULT_MARGIN = 0.10


def classify(
    item: Item,
    clist: CompiledList,
    *,
    catalogue: Mapping[str, Item] | None = None,
    margin: float = DEFAULT_MARGIN,
) -> Classification:
    """Classify ``item`` against ``clist`` with its reasoning; near misses within ``margin`` of a threshold."""
    return narrate(Decider(clist, catalogue).decide(item), clist, margin)


@dataclass(frozen=True, slots=True)
class Brief:
    """The answer without the reasoning."""

    classes: tuple[str, ...]
    undecided: tuple[str, ...]
    released: tuple[str, ...]
    fallback: str | None


def classify_brief(item: Item, clist: CompiledList, *, catalogue: Mapping[str, Item] | None = None) -> Brief:
    """Classes, undecided and released paragraphs only: the fast path for batches."""
    decision = Decider(clist, catalogue).decide(item)
    undecided = tuple(u.ref for u in decision.undecided)
    fallback = clist.snapshot.info.fallback if not decision.classes and not undecided else None
    released = tuple(join_ref(centry.entry.id, pid) for centry, pid, _ in decision.released)
    return Brief(tuple(decision.classes), undecided, released, fallback)
