"""General Prohibitions 4 and 5, end users: each party screened against the party lists, and headquarters rules.

A Denied Persons hit prohibits the transaction. An Entity List hit requires a licence for the
items its License Requirement column names, under its License Review Policy, and bars every
licence exception. A Military End-User hit requires a licence for Supplement No. 2 items (any
item for Belarus and Russia). An Unverified List hit bars exceptions. Other lists are noted.
With no party named, end-user controls cannot be checked: that is an open question.
"""

from __future__ import annotations

from regime.countries.iso import Country
from regime.determine.classes import ItemClasses
from regime.determine.memo import Memo
from regime.determine.parties import PartyHit, PartyIndex
from regime.determine.result import Outcome, Requirement
from regime.determine.transaction import Party, Transaction
from regime.determine.us.docs import PartyListDoc
from regime.determine.us.policy import party_policy
from regime.determine.us.rules import EarRuleSet
from regime.determine.work import Work, outcome_for

GP4 = "GP4/GP5: end users (Parts 744, 764)"
ANY_ITEM_MEU = frozenset({"BY", "RU"})


def parties_of(tx: Transaction) -> tuple[Party, ...]:
    """The parties to screen (the foreign person of a deemed export counts as the end user)."""
    person = tx.foreign_person
    if person is not None and person.name and all(p.name != person.name for p in tx.parties):
        return (*tx.parties, Party(name=person.name, role="end_user", country=(person.citizenships or (None,))[-1]))
    return tx.parties


def end_users(work: Work, rules: EarRuleSet, tx: Transaction, cls: ItemClasses, index: PartyIndex, memo: Memo) -> None:
    """Screen every party and apply what each hit means; then the headquarters rules."""
    parties = parties_of(tx)
    if not parties:
        work.open(
            GP4, "15 C.F.R. §§ 736.2(b)(4)-(5), 744", "the consignee and end user (end-user controls not checked)"
        )
        return
    for party in parties:
        hits = _screen(index, party, memo)
        if not hits:
            work.step(GP4, index.version, f"{party.role} {party.name!r}: no match ({_method(index)})", "clear")
        for hit in hits:
            doc = rules.party_lists.get(hit.list_code)
            if doc is None:
                work.step(GP4, hit.list_name, f"{party.name!r} matches {hit.entry_name!r} on {hit.list_name}")
                continue
            _apply(work, rules, doc, hit, party, cls)
    _headquarters(work, rules, parties, cls)


def _screen(index: PartyIndex, party: Party, memo: Memo) -> tuple[PartyHit, ...]:
    return memo.get("party", (index.version, party.name, party.country), lambda: index.find(party.name, party.country))


def _method(index: PartyIndex) -> str:
    return f"screened against {index.version}"


def _apply(work: Work, rules: EarRuleSet, doc: PartyListDoc, hit: PartyHit, party: Party, cls: ItemClasses) -> None:
    who = (
        f"{party.role} {party.name!r} matches {hit.entry_name!r} on the {doc.name} ({hit.method}, score {hit.score:.2f}"
    )
    who += f"; {hit.federal_register})" if hit.federal_register else ")"
    if doc.effect == "denied":
        requirement = Requirement(
            id=f"DPL {hit.entry_name}",
            rule="GP4: denial orders",
            citation=doc.citation,
            basis="end_user",
            text=doc.text,
            outcome=Outcome.PROHIBITED,
        )
        work.require(requirement, f"{who}: {doc.text}")
    elif doc.effect == "entity_list":
        _entity_list(work, rules, doc, hit, who, cls)
    elif doc.effect == "military_end_user":
        countries = {party.country or "", *hit.countries}
        if not (countries & ANY_ITEM_MEU or doc.items.reaches(cls.classes, cls.unlisted)):
            work.step(
                GP4, doc.citation, f"{who}: the MEU requirement reaches {doc.items.describe()}, not this item", "clear"
            )
            return
        _listed_party(work, doc, f"MEU {hit.entry_name}", "GP5: military end users (744.21)", f"{who}: {doc.text}")
    elif doc.effect == "unverified":
        work.no_exceptions.append(f"{party.name!r} is on the Unverified List (744.15: no licence exceptions)")
        work.step(GP4, doc.citation, f"{who}: {doc.text}", "restricts")
    elif doc.effect == "sanctions" and set(hit.programmes) & set(doc.programmes):
        finding = f"{who}, programmes {', '.join(hit.programmes)}: {doc.text}"
        _listed_party(work, doc, f"SDN {hit.entry_name}", "GP5: sanctioned parties (744.8)", finding)
    else:
        work.step(GP4, doc.citation, f"{who}: {doc.text}")


def _listed_party(work: Work, doc: PartyListDoc, key: str, rule: str, finding: str) -> None:
    """A licence requirement a party-list hit imposes, under the list's own review policy."""
    policy = doc.policy.policy() if doc.policy else None
    requirement = Requirement(
        id=key,
        rule=rule,
        citation=doc.citation,
        basis="end_user",
        text=doc.text,
        outcome=outcome_for(policy),
        policy=policy,
    )
    work.require(requirement, finding)


def _entity_list(work: Work, rules: EarRuleSet, doc: PartyListDoc, hit: PartyHit, who: str, cls: ItemClasses) -> None:
    text = (hit.licence_requirement or "").strip()
    lowered = text.lower()
    every = any(p in lowered for p in rules.all_items_patterns)
    ccl_only = "on the ccl" in lowered or "listed on the ccl" in lowered or "specified on the ccl" in lowered
    if not every and not (ccl_only and not cls.unlisted):
        if ccl_only:
            work.step(GP4, doc.citation, f"{who}: its requirement ({text}) does not reach EAR99 items", "clear")
        else:
            work.open(
                GP4,
                doc.citation,
                f"whether the Entity List requirement of {hit.entry_name!r} reaches this item: {text!r}",
            )
        return
    policy = party_policy(rules, hit.licence_policy, f"{doc.citation}, License Review Policy")
    work.no_exceptions.append(f"{hit.entry_name!r} is on the Entity List (744.16(b): no licence exceptions)")
    requirement = Requirement(
        id=f"EL {hit.entry_name}",
        rule="GP5: Entity List (744.16)",
        citation=doc.citation,
        basis="end_user",
        text=f"License Requirement: {text}",
        outcome=outcome_for(policy),
        policy=policy,
    )
    work.require(
        requirement,
        f"{who}: licence required ({text}); review policy: {hit.licence_policy or 'not stated'}; no licence exceptions (744.16(b))",
    )


def _headquarters(work: Work, rules: EarRuleSet, parties: tuple[Party, ...], cls: ItemClasses) -> None:
    for placed in rules.headquarters:
        doc = placed.doc
        if not doc.in_force.covers(work.date) or not doc.items.reaches(cls.classes, cls.unlisted):
            continue
        for party in parties:
            if party.headquarters is None:
                work.open(
                    GP4, doc.citation, f"where {party.name!r}'s ultimate parent is headquartered ({doc.text.strip()})"
                )
                continue
            code = rules.groups.code(party.headquarters, f"party {party.name}: headquarters")
            if not placed.region.covers(code):
                continue
            policy = doc.policy.policy()
            for ref in (c for c in cls.classes if doc.items.reaches((c,), False)):
                requirement = Requirement(
                    id=f"{ref} RS (headquarters of {party.name})",
                    rule="GP1: RS headquarters rule",
                    citation=doc.citation + f" [{doc.status}]",
                    basis="product",
                    text=doc.text.strip(),
                    outcome=outcome_for(policy),
                    reason="RS",
                    ref=ref,
                    exceptions_apply=True,
                    policy=policy,
                )
                work.require(
                    requirement, f"{party.name!r} is headquartered in {party.headquarters}: {doc.text.strip()}"
                )


def country_of(rules: EarRuleSet, ref: str, where: str) -> Country:
    """Resolve a country reference, naming where it was written when it is unknown."""
    return rules.destinations.country(rules.groups.code(ref, where))
