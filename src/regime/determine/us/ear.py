"""The EAR analysis in its order (regime-mechanics.md section 5).

1. Scope: published information and fundamental research are not subject; a release to a
   foreign person is a deemed export to their country; foreign-made items above de minimis only.
2. Classification: the classes from the list compiled for the transaction's date (or given).
3. GP1: every reason for control of every class crossed with the destination.
4. GP4-GP10: denial orders and the Entity List, Part 744 end uses, Part 746 embargoes.
5. Licence exceptions, against the product-based requirements only.
The result is a ``Work`` record; ``outcome.conclude`` turns it into the determination.
"""

from __future__ import annotations

from collections.abc import Mapping

from regime.determine.classes import item_of
from regime.determine.jurisdiction import Jurisdiction
from regime.determine.memo import Memo
from regime.determine.parties import PartyIndex
from regime.determine.reading import classes_on, describe_classes, list_label
from regime.determine.transaction import Transaction
from regime.determine.us.chart import product_requirements
from regime.determine.us.embargo import embargoes
from regime.determine.us.end_use import end_uses
from regime.determine.us.end_user import country_of, end_users
from regime.determine.us.exceptions import try_exceptions
from regime.determine.us.subject import de_minimis, deemed_destination, published
from regime.determine.work import Work, cached
from regime.model.item import Item

DESTINATION = "Destination"
CHECKED = "the CCL crossed with the Country Chart, the end-user and end-use rules (Parts 744, 764) or the embargoes (Part 746)"


def decide_ear(
    tx: Transaction, jur: Jurisdiction, index: PartyIndex, catalogue: Mapping[str, Item], memo: Memo
) -> Work:
    """Everything the EAR says about ``tx`` (its value aside, which ``conclude`` applies)."""
    rules = jur.ear
    work = Work(jur.id, jur.name, tx.label, tx.date, None, checked=CHECKED)
    clist = jur.list_at(jur.lists[0], tx.date)
    cls = classes_on(tx, clist, catalogue, memo, jur.id)
    work.classes = list(cls.classes)
    work.basis += [list_label(clist, tx.date), rules.head.chart, index.version]
    item = item_of(tx, catalogue)
    facts = item.parameters if item is not None else {}
    if published(work, tx, cls, facts):
        return work
    destination = tx.destination
    if tx.kind in ("deemed_export", "deemed_reexport"):
        destination = deemed_destination(work, tx, cls)
        if destination is None:
            return work
    if destination is None:
        work.open(DESTINATION, "15 C.F.R. § 738.4", "the country of ultimate destination")
        return work
    country = memo.get("country", destination, lambda: country_of(rules, destination, "transaction: destination"))
    work.destination = country
    origin = item.origin if item is not None and item.origin else None
    if de_minimis(work, rules, tx, cls, origin, country.alpha2):
        return work
    epoch, here = jur.epoch(tx.date), country.alpha2
    cached(work, memo, "describe", cls, lambda w: describe_classes(w, cls))
    if not cls.classes and not cls.undecided and not cls.fallback:
        work.open("Classification", cls.version, "the item or its classification")
    gp1 = (clist.snapshot.version, cls, here)
    cached(work, memo, "gp1", gp1, lambda w: product_requirements(w, rules, clist, cls, country, memo))
    gp4 = (epoch, cls, tx.parties, tx.foreign_person, index.version)
    cached(work, memo, "gp4", gp4, lambda w: end_users(w, rules, tx, cls, index, memo))
    gp5 = (epoch, cls, tx.end_uses, tx.informed, here)
    cached(work, memo, "gp5", gp5, lambda w: end_uses(w, rules, tx, cls, country))
    cached(work, memo, "gp6", (epoch, cls, here), lambda w: embargoes(w, rules, cls, country))
    if any(r.exceptions_apply for r in work.requirements):
        needs = tuple((r.id, r.reason, r.ref) for r in work.requirements if r.exceptions_apply)
        key = (epoch, gp1, needs, tuple(work.no_exceptions), tx.kind, tx.assurances)
        cached(work, memo, "exceptions", key, lambda w: try_exceptions(w, rules, clist, cls, tx, here))
    return work
