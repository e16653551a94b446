"""Licence exceptions, tried against product-based requirements only (GP1-3, 8; 740.1(a)).

Each exception of ``exceptions.yaml`` is tried for each classified paragraph that has product
requirements: its entry's text must name it (where the exception is list-based), the entry's
limits ("N/A for MT", "except .f", "$500") must allow it, the destination must be in its group,
the 740.2 restrictions must not bar it, no party may bar every exception (Unverified List,
Entity List), and the transaction must state what it needs (a written assurance, a notification).
A trial is kept for each exception tried, available or not, with why. The shipment's value is
checked against an LVS limit when the determination is concluded (``outcome.py``), so the rest can
be shared between transactions that differ only in value.
"""

from __future__ import annotations

from collections.abc import Mapping

from regime.determine.classes import ItemClasses
from regime.determine.docs import matches
from regime.determine.result import ExceptionTrial, Requirement
from regime.determine.transaction import Transaction
from regime.determine.us.docs import ExceptionDoc
from regime.determine.us.flags import Flag, read_flag
from regime.determine.us.lines import within
from regime.determine.us.rules import EarRuleSet, Placed
from regime.determine.work import Work
from regime.lists.compiled import CompiledList
from regime.lists.numbering import parse_ref

ASSURANCES = {
    "written_assurance": "the consignee's written assurance",
    "notification": "the advance notification to BIS (and no objection)",
    "encryption_classification": "a self-classification report or a classification request",
}
NOT_MODELLED = frozenset({"HBM", "AIA", "ACM", "LPP", "APP", "STA", "RFF", "TSU", "GOV", "TMP", "RPL", "CCD"})


def entry_flags(rules: EarRuleSet, clist: CompiledList, eccn: str) -> Mapping[str, str]:
    """The entry's licence-exception texts as in force (the eCFR compilation's when the list lacks it)."""
    entry = clist.snapshot.entries.get(eccn)
    if entry is not None:
        return {k: str(v) for k, v in entry.licence_exceptions.items()}
    return rules.ccl_flags.get(eccn, {})


def try_exceptions(
    work: Work, rules: EarRuleSet, clist: CompiledList, cls: ItemClasses, tx: Transaction, code: str
) -> None:
    """Try every exception for every paragraph with product requirements; record each trial."""
    by_ref: dict[str, list[Requirement]] = {}
    for requirement in work.requirements:
        if requirement.exceptions_apply and requirement.ref:
            by_ref.setdefault(requirement.ref, []).append(requirement)
    for ref, reqs in by_ref.items():
        eccn = parse_ref(ref).entry
        flags = entry_flags(rules, clist, eccn)
        for placed in rules.exceptions:
            if placed.doc.in_force.covers(work.date):
                trial = _trial(rules, placed, ref, eccn, reqs, flags, cls, tx, code, work)
                if trial is not None:
                    work.trials.append(trial)
        skipped = sorted(set(flags) & NOT_MODELLED)
        if skipped:
            work.step(
                "Licence exceptions not evaluated",
                "15 C.F.R. Part 740",
                f"{eccn} also names {', '.join(skipped)}; their conditions are not encoded — read Part 740 before relying on one",
            )


def _flag_limits(flag: Flag, ref: str, eccn: str, reasons: set[str], cls: ItemClasses) -> tuple[list[str], list[str]]:
    why: list[str] = []
    if not flag.available:
        return [f"{eccn} says {flag.text!r}"], []
    targets = (ref, *(cls.for_classes or ()))
    own = [o for o in flag.only if o.startswith(eccn)]
    if own and not any(within(t, o) for t in targets for o in flag.only):
        why.append(f"{eccn} allows it only for {', '.join(flag.only)}")
    barred = [x for x in flag.excluded if any(within(t, x) for t in targets)]
    if barred:
        why.append(f"{eccn} says N/A for {', '.join(barred)}")
    if reasons & set(flag.excluded_reasons):
        why.append(f"{eccn} says N/A for {', '.join(sorted(reasons & set(flag.excluded_reasons)))}")
    return why, [f"per {eccn}: {q}" for q in flag.qualifiers]


def _trial(
    rules: EarRuleSet,
    placed: Placed[ExceptionDoc],
    ref: str,
    eccn: str,
    reqs: list[Requirement],
    flags: Mapping[str, str],
    cls: ItemClasses,
    tx: Transaction,
    code: str,
    work: Work,
) -> ExceptionTrial | None:
    doc, region = placed.doc, placed.region
    if doc.items and not any(matches(ref, p) for p in doc.items):
        return None
    if doc.needs_flag and doc.code not in flags:
        return None
    why: list[str] = []
    conditions = list(doc.conditions)
    reasons = {r.reason for r in reqs if r.reason}
    limit = None
    if doc.needs_flag:
        flag = read_flag(flags[doc.code], eccn)
        more, qualifiers = _flag_limits(flag, ref, eccn, reasons, cls)
        why += more
        conditions += qualifiers
        limit = flag.value_limit
        if doc.code == "LVS" and limit is None and flag.available:
            why.append(f"{eccn} states no LVS value")
    if tx.kind not in doc.kinds:
        why.append(f"not available for a {tx.kind.replace('_', ' ')}")
    if parse_ref(ref).group not in doc.item_groups:
        why.append(f"{doc.code} covers product groups {', '.join(doc.item_groups)} only")
    lifted = [r for r in reqs if not doc.reasons or r.reason in doc.reasons]
    if doc.only_reasons and len(lifted) < len(reqs):
        others = sorted({r.reason or "?" for r in reqs if r not in lifted})
        why.append(f"{doc.code} is for {'/'.join(doc.reasons)}-only requirements; {', '.join(others)} also applies")
    elif len(lifted) < len(reqs):
        why.append(f"does not overcome {', '.join(r.id for r in reqs if r not in lifted)}")
    if not region.covers(code):
        why.append(f"{work.where} is not in {region.text}")
    why += _restricted(rules, doc.code, (ref, *(cls.for_classes or ())), reasons, work)
    why += work.no_exceptions
    for need in doc.requires:
        stated = getattr(tx.assurances, need)
        if stated is False or stated == "none":
            why.append(f"the transaction states no {ASSURANCES[need]}")
        elif stated is None:
            conditions.append(f"requires {ASSURANCES[need]} (not stated on the transaction)")
    if doc.datacenter == "not_datacenter":
        if cls.datacenter is True:
            why.append("the item is designed or marketed for datacenters")
        elif cls.datacenter is None:
            conditions.append("only if the item is not designed or marketed for datacenters (not stated)")
    return ExceptionTrial(
        code=doc.code,
        title=doc.title,
        citation=doc.citation + (f" [{doc.status}]" if doc.status != "V" else ""),
        available=not why,
        why=tuple(why),
        conditions=tuple(conditions),
        overcomes=tuple(r.id for r in lifted),
        value_limit=limit,
    )


def _restricted(rules: EarRuleSet, code: str, targets: tuple[str, ...], reasons: set[str], work: Work) -> list[str]:
    """The 740.2 restrictions that bar ``code`` for these classes and reasons."""
    why = []
    for restriction in rules.restrictions:
        if not restriction.in_force.covers(work.date) or code in restriction.only:
            continue
        if restriction.reasons and not reasons & set(restriction.reasons):
            continue
        if restriction.items.reaches(targets, False):
            why.append(f"{restriction.citation}: {restriction.text.strip()}")
    return why
