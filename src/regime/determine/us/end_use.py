"""General Prohibition 5, end uses: the Part 744 rules a declared end use or an "is informed" letter triggers.

A rule of ``end_use.yaml`` fires when the transaction declares one of its end uses (what the
exporter knows) or when BIS has informed the exporter under it, the item is within the rule's
item scope and the destination within its country scope. A letter under a provision no rule
here covers still makes a licence required: the letter's terms govern. Exceptions never lift these.
"""

from __future__ import annotations

from regime.countries.iso import Country
from regime.determine.classes import ItemClasses
from regime.determine.docs import matches
from regime.determine.result import Outcome, Requirement, ReviewPolicy
from regime.determine.transaction import Informed, Transaction
from regime.determine.us.rules import EarRuleSet
from regime.determine.work import Work, outcome_for

GP5 = "GP5: end-use controls (Part 744)"


def letters(tx: Transaction, member: str) -> tuple[Informed, ...]:
    """The notices given to the exporter that bind under ``member``'s rules."""
    return tuple(n for n in tx.informed if n.member in (None, member))


def names_item(letter: Informed, cls: ItemClasses) -> bool:
    """Whether a letter reaches the item (a letter naming no classes reaches any item)."""
    refs = cls.classes + tuple(r for r, _ in cls.undecided) + ((cls.fallback,) if cls.fallback else ())
    return not letter.items or any(matches(ref, p) for ref in refs for p in letter.items)


def cites(rule: str, provisions: tuple[str, ...]) -> bool:
    """Whether a notice under ``rule`` (``744.23(b)``) is under one of ``provisions`` (``744.23``)."""
    text = rule.replace("§", "").strip()
    return any(text == p or (text.startswith(p) and not text[len(p)].isalnum()) for p in provisions)


def end_uses(work: Work, rules: EarRuleSet, tx: Transaction, cls: ItemClasses, country: Country) -> None:
    """Every Part 744 end-use rule the transaction triggers."""
    declared = set(tx.end_uses)
    notices = [n for n in letters(tx, "us") if names_item(n, cls)]
    used: set[int] = set()
    for placed in rules.end_uses:
        doc = placed.doc
        if not doc.in_force.covers(work.date):
            continue
        known = declared & set(doc.end_uses)
        told = [n for n in notices if cites(n.rule, doc.informed)]
        used.update(id(n) for n in told)
        if not known and not told:
            continue
        trigger = (
            f"declared end use {', '.join(sorted(known))}"
            if known
            else f"informed by {told[0].by or 'BIS'} ({told[0].rule})"
        )
        if not placed.region.covers(country.alpha2):
            work.step(GP5, doc.citation, f"{trigger}: {doc.title} reaches only {placed.region.text}", "clear")
            continue
        if not doc.items.reaches(cls.classes, cls.unlisted):
            work.step(
                GP5, doc.citation, f"{trigger}: {doc.title} reaches {doc.items.describe()}, not this item", "clear"
            )
            continue
        tag = f" [{doc.status}]" if doc.status != "V" else ""
        requirement = Requirement(
            id=f"end use {doc.id}",
            rule=GP5,
            citation=doc.citation + tag,
            basis="end_use",
            text=f"{doc.title}: {trigger}",
            outcome=max(doc.outcome, outcome_for(doc.policy.policy()), key=lambda o: o.rank),
            policy=doc.policy.policy(),
        )
        work.require(requirement, f"{trigger}; {doc.title} reaches {doc.items.describe()} to {placed.region.text}")
    for notice in notices:
        if id(notice) in used:
            continue
        policy = ReviewPolicy(level="case_by_case", text="As the letter states.", citation=notice.rule)
        requirement = Requirement(
            id=f"informed {notice.rule}",
            rule="'Is informed' letter",
            citation=f"15 C.F.R. § {notice.rule.replace('§', '').strip()} (letter from {notice.by or 'BIS'})",
            basis="end_use",
            text=notice.note or f"informed under {notice.rule} that a licence is required",
            outcome=Outcome.LICENCE_REQUIRED,
            policy=policy,
        )
        work.require(
            requirement, f"the exporter was informed under {notice.rule}: {notice.note or 'a licence is required'}"
        )
