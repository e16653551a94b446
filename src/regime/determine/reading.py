"""Reading the item on a member's list: classes (given or classified), memoised, and the trace step.

Both engines call ``classes_on``; a batch's memo keeps one classification per (list version,
item) however many order lines carry the item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from regime.determine.classes import ItemClasses, classify_item, given_classes, item_of, text_version
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
    item = item_of(tx, catalogue)
    if given is not None and item is None:
        return memo.get("given", (version, given, tx.for_classes), lambda: given_classes(given, clist, tx.for_classes))
    if item is None:
        return ItemClasses(clist.snapshot.id, text_version(clist), ())
    subject = item
    key = (version, item.id or item.model_dump_json())
    engine = memo.get("classes", key, lambda: classify_item(subject, clist, catalogue))
    if given is None:
        return engine
    return memo.get("merged", (key, given), lambda: merge(engine, given_classes(given, clist, tx.for_classes)))


def list_label(clist: CompiledList, date: dt.date) -> str:
    """``us-ccl as of 2024-01-15 (text in force since 2023-11-17)``: how a decision names the list it read."""
    since = clist.snapshot.as_of
    tail = f" (text in force since {since.isoformat()})" if since.year > 1900 else ""
    return f"{clist.snapshot.id} as of {date.isoformat()}{tail}"


def merge(engine: ItemClasses, person: ItemClasses) -> ItemClasses:
    """The engine's classes plus a person's reading of the text-only entries (which it replaces)."""
    classes = tuple(dict.fromkeys(engine.classes + person.classes))
    fallback = person.fallback if not classes and not engine.undecided else None
    return replace(engine, classes=classes, fallback=fallback, to_review=(), given=True)


def describe_classes(work: Work, cls: ItemClasses) -> None:
    """The classification step of the trace."""
    how = "by the classification engine"
    if cls.given:
        how = "as given on the transaction" + (" with the engine's classes" if cls.released or cls.undecided else "")
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
