"""The ``listed`` engine: the EU's shape of licensing, which the Netherlands and Japan share.

1. Scope: a transfer inside the territory is not an export; published technology and basic
   research are released; a release to a foreign national at home is an export only where the
   member's law says so (Japan, not the EU).
2. Prohibitions (sanctions) for the destination.
3. Each list: a listed item needs a licence to destinations outside the territory.
4. General authorisations (EU001, Japan's general bulk licences) tried against list requirements.
5. Catch-alls: an end use the exporter knows of or was informed of makes any item licensable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from regime.countries.iso import Country
from regime.determine.classes import ItemClasses, item_of, unread
from regime.determine.jurisdiction import Jurisdiction
from regime.determine.memo import Memo
from regime.determine.national.authorise import authorisations
from regime.determine.national.docs import ListRule
from regime.determine.national.rules import ListedRuleSet
from regime.determine.places import Region
from regime.determine.reading import classes_on, describe_classes, list_label
from regime.determine.result import Outcome, Requirement, ReviewPolicy
from regime.determine.transaction import Transaction
from regime.determine.us.end_use import cites, letters, names_item
from regime.determine.us.lines import within
from regime.determine.work import Work, outcome_for
from regime.lists.numbering import parse_ref
from regime.lists.snapshot import Entry
from regime.model.item import Item

SCOPE = "Scope"
PROHIBIT = "Prohibition (sanctions)"
CATCH_ALL = "Catch-all"
CHECKED = "the member's lists, catch-alls or prohibitions"


def decide_listed(tx: Transaction, jur: Jurisdiction, catalogue: Mapping[str, Item], memo: Memo) -> Work:
    """Everything the member's rules say about ``tx``."""
    rules = jur.listed
    work = Work(jur.id, jur.name, tx.label, tx.date, None, checked=CHECKED)
    lists = [(rule, region) for rule, region in rules.lists if rule.in_force.covers(tx.date)]
    readings = [(rule, region, _reading(tx, jur, rule.list, catalogue, memo)) for rule, region in lists]
    work.basis += [list_label(jur.list_at(rule.list, tx.date), tx.date) for rule, _ in lists] or [
        f"no list of {jur.id} in force on {tx.date}"
    ]
    work.classes = [c for _, _, r in readings for c in r.classes]
    country = _destination(work, rules, tx, readings, item_of(tx, catalogue))
    if country is None:
        return work
    for _, _, reading in readings:
        describe_classes(work, reading)
    listed = [(rule, region, r) for rule, region, r in readings if r.classes]
    _prohibitions(work, rules, country, bool(listed), tx)
    for rule, region, reading in readings:
        for ref, needs in reading.undecided:
            work.open(
                rule.rule,
                rule.citation,
                f"{', '.join(needs) or 'facts'} (classification left {ref} undecided on {reading.version})",
            )
        if not reading.classes:
            if reading.to_review and not reading.undecided:
                work.open(rule.rule, rule.citation, unread(reading))
            continue
        if not region.covers(country.alpha2):
            work.step(
                rule.rule,
                rule.citation,
                f"{', '.join(reading.classes)}: {country.name} is within {rules.territory.text}",
                "clear",
            )
            continue
        policy = rule.policy.policy()
        requirement = Requirement(
            id=f"{rule.list} {', '.join(reading.classes)}",
            rule=rule.rule,
            citation=rule.citation,
            basis="national",
            text=rule.text,
            outcome=outcome_for(policy),
            ref=reading.classes[0],
            exceptions_apply=True,
            policy=policy,
        )
        work.require(requirement, f"{', '.join(reading.classes)} on {reading.version}; {country.name} is {region.text}")
    authorisations(work, rules, tx, [(rule, r) for rule, _, r in listed], country)
    _catch_all(work, rules, tx, readings, country)
    return work


def _reading(
    tx: Transaction, jur: Jurisdiction, list_id: str, catalogue: Mapping[str, Item], memo: Memo
) -> ItemClasses:
    clist = jur.list_at(list_id, tx.date)
    found = classes_on(tx, clist, catalogue, memo, jur.id)
    if not found.given:
        return found
    entries = clist.snapshot.entries
    kept = tuple(c for c in found.classes if _listed(c, entries))
    return found if kept == found.classes else replace(found, classes=kept)


def _listed(ref: str, entries: Mapping[str, Entry]) -> bool:
    """Whether a given class names an entry (and paragraph, where the entry lists them) of the list."""
    parsed = parse_ref(ref)
    entry = entries.get(parsed.entry)
    if entry is None:
        return False
    refs = [p.ref for p in entry.paragraphs if p.id]
    return not parsed.paragraph or not refs or any(within(ref, r) or within(r, ref) for r in refs)


def _destination(
    work: Work,
    rules: ListedRuleSet,
    tx: Transaction,
    readings: Sequence[tuple[ListRule, Region, ItemClasses]],
    item: Item | None,
) -> Country | None:
    doc = rules.doc
    given = next((r.kind for _, _, r in readings if r.given), None)
    kind = item.kind if item is not None else given or "commodity"
    facts = item.parameters if item is not None else {}
    public = (
        tx.published or tx.fundamental_research or facts.get("public_domain") or facts.get("basic_scientific_research")
    )
    if kind in ("technology", "software") and public is True and doc.published.applies:
        work.clear("published or basic research", doc.published.text, SCOPE, doc.published.citation)
        return None
    destination = tx.destination
    if tx.kind == "transfer":
        work.clear(
            "transfer", "a transfer within the country is not an export under these rules", SCOPE, doc.deemed.citation
        )
        return None
    if tx.kind in ("deemed_export", "deemed_reexport"):
        if not doc.deemed.applies:
            work.clear("no deemed export", doc.deemed.text, SCOPE, doc.deemed.citation)
            return None
        person = tx.foreign_person
        destination = destination or (person.citizenships[-1] if person and person.citizenships else None)
        work.step(SCOPE, doc.deemed.citation, f"{doc.deemed.text} Read as an export to {destination or '?'}.")
    if destination is None:
        work.open(SCOPE, doc.deemed.citation, "the country of destination")
        return None
    country = rules.groups.resolver.resolve(rules.groups.code(destination, "transaction: destination"))
    work.destination = country
    return country


def _prohibitions(work: Work, rules: ListedRuleSet, country: Country, listed: bool, tx: Transaction) -> None:
    for doc, region in rules.prohibitions:
        if not doc.in_force.covers(work.date) or not region.covers(country.alpha2):
            continue
        if not doc.items.reaches(tuple(work.classes), not listed):
            work.step(
                PROHIBIT, doc.citation, f"{doc.id} reaches {doc.items.describe()}; the item is not listed", "clear"
            )
            continue
        requirement = Requirement(
            id=f"prohibition {doc.id}",
            rule=PROHIBIT,
            citation=doc.citation,
            basis="embargo",
            text=doc.text,
            outcome=Outcome.PROHIBITED,
            policy=ReviewPolicy(level="denial", text="Prohibited: no licence can be granted.", citation=doc.citation),
        )
        work.require(requirement, f"{country.name}: {doc.text}")


def _catch_all(
    work: Work,
    rules: ListedRuleSet,
    tx: Transaction,
    readings: Sequence[tuple[ListRule, Region, ItemClasses]],
    country: Country,
) -> None:
    declared = set(tx.end_uses)
    probe = next((r for _, _, r in readings), ItemClasses("", "", ()))
    notices = [n for n in letters(tx, work.member) if names_item(n, probe)]
    for doc, region in rules.catch_all:
        if not doc.in_force.covers(work.date):
            continue
        known = declared & set(doc.end_uses)
        told = [n for n in notices if cites(n.rule, doc.informed)]
        if not known and not told:
            continue
        trigger = (
            f"declared end use {', '.join(sorted(known))}"
            if known
            else f"informed by {told[0].by or 'the authority'} ({told[0].rule})"
        )
        if not region.covers(country.alpha2):
            work.step(CATCH_ALL, doc.citation, f"{trigger}: {doc.id} reaches only {region.text}", "clear")
            continue
        policy = doc.policy.policy()
        requirement = Requirement(
            id=f"catch-all {doc.id}",
            rule=CATCH_ALL,
            citation=doc.citation,
            basis="end_use",
            text=doc.text.strip(),
            outcome=outcome_for(policy),
            policy=policy,
        )
        work.require(requirement, f"{trigger}: {doc.text.strip()}")
