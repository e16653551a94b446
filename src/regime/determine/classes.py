"""The item's classification on one of a member's lists, as determination reads it.

Either the transaction gives the classes (``classification``) or the item is classified by the
classification engine against the list compiled for the transaction's date. Undecided paragraphs
keep the facts they need, so a determination can name them; the classes of what software or
technology is *for* are kept too, since CCL lines for D and E entries are written in those terms.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from regime.classify.decide import Decider
from regime.determine.transaction import Transaction
from regime.errors import InputError
from regime.lists.compiled import CompiledList
from regime.lists.numbering import parse_ref
from regime.model.item import Item

KINDS = {"D": "software", "E": "technology"}


@dataclass(frozen=True, slots=True)
class ItemClasses:
    """What one list says the item is."""

    list_id: str
    version: str
    classes: tuple[str, ...]
    undecided: tuple[tuple[str, tuple[str, ...]], ...] = ()
    released: tuple[str, ...] = ()
    fallback: str | None = None
    given: bool = False
    kind: str = "commodity"
    for_classes: tuple[str, ...] | None = None
    to_review: tuple[str, ...] = ()
    datacenter: bool | None = None

    @property
    def unlisted(self) -> bool:
        """True when no entry of the list describes the item (EAR99, or not in Annex I)."""
        return not self.classes and not self.undecided


def item_of(tx: Transaction, catalogue: Mapping[str, Item]) -> Item | None:
    """The transaction's item, a catalogue id resolved; None when only a classification is given."""
    if tx.item is None or isinstance(tx.item, Item):
        return tx.item
    found = catalogue.get(tx.item)
    if found is None:
        raise InputError(f"no catalogue item {tx.item!r}", where=f"transaction {tx.label}: item")
    return found


def given_classes(classes: tuple[str, ...], clist: CompiledList, for_classes: tuple[str, ...] | None) -> ItemClasses:
    """Classes stated by the transaction (checked for form, not against the item)."""
    refs = tuple(str(parse_ref(c)) if c not in _FALLBACKS else c for c in classes)
    listed = tuple(r for r in refs if r not in _FALLBACKS)
    groups = {parse_ref(r).group for r in listed}
    kind = KINDS.get(groups.pop(), "commodity") if len(groups) == 1 else "commodity"
    fallback = next((r for r in refs if r in _FALLBACKS), None)
    return ItemClasses(
        clist.snapshot.id,
        text_version(clist),
        listed,
        fallback=fallback,
        given=True,
        kind=kind,
        for_classes=for_classes,
    )


_FALLBACKS = frozenset({"EAR99", "NLR", "not listed"})


def classify_item(item: Item, clist: CompiledList, catalogue: Mapping[str, Item]) -> ItemClasses:
    """The item classified against ``clist`` (the classification engine's decision core)."""
    decision = Decider(clist, catalogue).decide(item)
    entries = clist.snapshot.entries
    classes = tuple(c for c in decision.classes if parse_ref(c).entry in entries)
    undecided = tuple((u.ref, tuple(u.missing)) for u in decision.undecided)
    fallback = clist.snapshot.info.fallback if not classes and not undecided else None
    released = tuple(f"{c.entry.id}.{pid}" if pid else c.entry.id for c, pid, _ in decision.released)
    targets = tuple(c for t in decision.targets for c in t.classes) if item.for_items else None
    item_type = decision.ctx.values.get("item_type")
    review = clist.review_for(str(item_type)) if item_type and not classes else ()
    datacenter = decision.ctx.values.get("designed_for_datacenter")
    return ItemClasses(
        list_id=clist.snapshot.id,
        version=text_version(clist),
        classes=classes,
        undecided=undecided,
        released=released,
        fallback=fallback,
        kind=item.kind,
        for_classes=targets,
        to_review=review,
        datacenter=datacenter if isinstance(datacenter, bool) else None,
    )


def unread(cls: ItemClasses) -> str:
    """The open question when no checkable entry describes the item but text-only entries might."""
    shown = ", ".join(cls.to_review[:12]) + (f" and {len(cls.to_review) - 12} more" if len(cls.to_review) > 12 else "")
    return f"a reading of the text-only entries of {cls.version} for this item type ({shown}), or the item's classification"


def text_version(clist: CompiledList) -> str:
    """``us-ccl (text in force since 2023-11-17)``: the list text a classification read, without the day asked."""
    since = clist.snapshot.as_of
    return clist.snapshot.id + (f" (text in force since {since.isoformat()})" if since.year > 1900 else "")
