"""Reading the item on a member's list: classes (given or classified), memoised, and the trace step.

Both engines call ``classes_on``; a batch's memo keeps one classification per (list version,
item) however many order lines carry the item.
"""

from __future__ import annotations

from collections.abc import Mapping

from regime.determine.classes import ItemClasses, classify_item, given_classes, item_of
from regime.determine.memo import Memo
from regime.determine.transaction import Transaction
from regime.determine.work import Work
from regime.lists.compiled import CompiledList
from regime.model.item import Item

CLASSIFY = "Classification"


def classes_on(
    tx: Transaction, clist: CompiledList, catalogue: Mapping[str, Item], memo: Memo, member: str
) -> ItemClasses:
    """What ``clist`` (as of the transaction's date) says the item is."""
    version = clist.snapshot.version
    given = tx.given_classes(clist.snapshot.id, member)
    if given is not None:
        return memo.get("given", (version, given, tx.for_classes), lambda: given_classes(given, clist, tx.for_classes))
    item = item_of(tx, catalogue)
    if item is None:
        return ItemClasses(clist.snapshot.id, version, ())
    found = item
    key = (version, item.id or item.model_dump_json())
    return memo.get("classes", key, lambda: classify_item(found, clist, catalogue))


def describe_classes(work: Work, cls: ItemClasses) -> None:
    """The classification step of the trace."""
    how = "as given on the transaction (not checked against the item)" if cls.given else "by the classification engine"
    if cls.classes:
        found = ", ".join(cls.classes)
    elif cls.undecided:
        found = "no paragraph decided"
    else:
        found = cls.fallback or "no entry of the list describes the item"
    parts = [f"{found} on {cls.version}, {how}"]
    if cls.released:
        parts.append(f"released by notes: {', '.join(cls.released)}")
    if cls.undecided:
        parts.append("undecided: " + "; ".join(f"{ref} (needs {', '.join(m) or 'facts'})" for ref, m in cls.undecided))
    if cls.for_classes:
        parts.append(f"it is for {', '.join(cls.for_classes)}")
    if cls.to_review:
        parts.append(f"text-only entries not machine-checked for this item type: {', '.join(cls.to_review[:8])}")
    work.step(CLASSIFY, cls.version, "; ".join(parts))
