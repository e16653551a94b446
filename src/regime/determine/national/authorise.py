"""General authorisations (EU001, Japan's general bulk licences) tried against list requirements.

An authorisation lifts the requirement of the lists it names, for its destinations, unless the
item is excluded (Annex IIg), the exporter knows of a sensitive end use or has been informed
under a catch-all, or it is not in force. Its conditions (registration, holding the licence)
are carried into the answer; one the transaction says is not met makes it unavailable.
"""

from __future__ import annotations

from regime.countries.iso import Country
from regime.determine.classes import ItemClasses
from regime.determine.docs import matches
from regime.determine.national.docs import ListRule
from regime.determine.national.rules import ListedRuleSet
from regime.determine.result import ExceptionTrial
from regime.determine.transaction import Transaction
from regime.determine.us.end_use import letters
from regime.determine.work import Work


def authorisations(
    work: Work, rules: ListedRuleSet, tx: Transaction, listed: list[tuple[ListRule, ItemClasses]], country: Country
) -> None:
    """Try each authorisation for each list requirement; record every trial."""
    requirements = {r.id: r for r in work.requirements if r.exceptions_apply}
    for rule, reading in listed:
        req_id = f"{rule.list} {', '.join(reading.classes)}"
        if req_id not in requirements:
            continue
        for doc, region in rules.authorisations:
            if rule.list not in doc.lists or not doc.in_force.covers(work.date):
                continue
            why: list[str] = []
            if not region.covers(country.alpha2):
                why.append(f"{country.name} is not in {region.text}")
            barred = [c for c in reading.classes if any(matches(c, p) for p in doc.excluded_items)]
            if barred:
                why.append(f"{', '.join(barred)} excluded from {doc.code} ({', '.join(doc.excluded_items)})")
            uses = sorted(set(tx.end_uses) & set(doc.not_for_end_uses))
            if uses:
                why.append(f"not usable for the declared end use {', '.join(uses)}")
            if letters(tx, work.member):
                why.append("not usable once the exporter has been informed under a catch-all")
            if tx.assurances.general_licence_held is False:
                why.append(f"the exporter does not hold (or is not registered for) {doc.code}")
            work.trials.append(
                ExceptionTrial(
                    code=doc.code,
                    title=doc.title,
                    citation=doc.citation,
                    available=not why,
                    why=tuple(why),
                    conditions=doc.conditions,
                    overcomes=(req_id,),
                )
            )
