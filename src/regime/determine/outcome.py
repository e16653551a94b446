"""From the working record to the answer: the value applied, exceptions matched, the strictest outcome.

A product-based requirement is lifted when an available exception overcomes every requirement of
its paragraph; any other requirement stands. The outcome is the strictest of what stands
(prohibited > presumption of denial > licence required), else "licence exception available"
when exceptions lift everything, else "no licence required". A missing fact makes a permissive
answer *indeterminate* (naming it); it never turns into a clearance.
"""

from __future__ import annotations

from regime.determine.result import Determination, ExceptionTrial, Outcome, Requirement
from regime.determine.us.policy import strictest
from regime.determine.work import Work


def with_value(trial: ExceptionTrial, value: float | None) -> ExceptionTrial:
    """An LVS-style trial with the shipment's value checked against its limit."""
    if trial.value_limit is None or not trial.available:
        return trial
    limit = f"${trial.value_limit:,.0f}"
    if value is None:
        return trial.model_copy(update={"conditions": (*trial.conditions, f"the net value must not exceed {limit}")})
    if value > trial.value_limit:
        why = (*trial.why, f"the value ${value:,.0f} exceeds the {limit} limit")
        return trial.model_copy(update={"available": False, "why": why})
    return trial.model_copy(update={"conditions": (*trial.conditions, f"value ${value:,.0f} is within {limit}")})


def _lifting(trials: list[ExceptionTrial], reqs: list[Requirement]) -> ExceptionTrial | None:
    """The available exception lifting every requirement of one paragraph (the one asking least)."""
    ids = {r.id for r in reqs}
    found = [t for t in trials if t.available and ids <= set(t.overcomes)]
    return min(found, key=lambda t: (t.value_limit is not None, len(t.conditions))) if found else None


def conclude(work: Work, value: float | None) -> Determination:
    """The determination from the working record and the shipment's value."""
    trials = [with_value(t, value) for t in work.trials]
    by_ref: dict[str, list[Requirement]] = {}
    standing: list[Requirement] = []
    for requirement in work.requirements:
        if requirement.exceptions_apply and requirement.ref:
            by_ref.setdefault(requirement.ref, []).append(requirement)
        else:
            standing.append(requirement)
    used: list[ExceptionTrial] = []
    for reqs in by_ref.values():
        lifting = _lifting(trials, reqs)
        if lifting is None:
            standing += reqs
        elif lifting not in used:
            used.append(lifting)
    if standing:
        outcome = max((r.outcome for r in standing), key=lambda o: o.rank)
    elif work.requirements:
        outcome = Outcome.EXCEPTION_AVAILABLE
    else:
        outcome = Outcome.NO_LICENCE_REQUIRED
    at_least = None
    if work.missing and (outcome.rank < Outcome.LICENCE_REQUIRED.rank or work.could_clear):
        at_least, outcome = outcome, Outcome.INDETERMINATE
    policy = strictest(r.policy for r in standing) if standing else None
    determination = Determination.model_construct(
        jurisdiction=work.member,
        jurisdiction_name=work.member_name,
        transaction=work.label,
        outcome=outcome,
        at_least=at_least,
        exceptions=[t.code for t in used] if not standing else [],
        conditions=[c for t in used for c in t.conditions] if not standing else [],
        review_policy=policy,
        classes=list(work.classes),
        requirements=list(work.requirements),
        trials=trials,
        missing=list(work.missing),
        basis=list(work.basis),
        trace=list(work.trace),
        statement="",
    )
    determination.statement = statement(determination, work, standing)
    return determination


def statement(det: Determination, work: Work, standing: list[Requirement]) -> str:
    """One paragraph saying what was decided and on what basis."""
    basis = "; ".join(det.basis)
    where = f"to {work.where}" if work.destination else ""
    if work.cleared_by and not work.requirements:
        head = f"No licence required under {det.jurisdiction_name}: {work.cleared_by} ({work.trace[-1].finding})."
        return head if det.outcome is not Outcome.INDETERMINATE else f"Indeterminate: needs {'; '.join(det.missing)}."
    classes = ", ".join(det.classes) or "the item"
    if det.outcome is Outcome.INDETERMINATE:
        so_far = det.at_least.label if det.at_least else "no requirement"
        return f"Indeterminate under {det.jurisdiction_name} {where}: needs {'; '.join(det.missing)} (so far: {so_far}; based on {basis})."
    if det.outcome is Outcome.NO_LICENCE_REQUIRED:
        return (
            f"No licence appears required under {det.jurisdiction_name} for {classes} {where}, on the basis of {basis}: "
            f"no requirement of {work.checked} applies."
        )
    if det.outcome is Outcome.EXCEPTION_AVAILABLE:
        lifted = ", ".join(r.id for r in work.requirements)
        conditions = f"; conditions: {'; '.join(det.conditions)}" if det.conditions else ""
        return (
            f"Licence exception {', '.join(det.exceptions)} appears available under {det.jurisdiction_name} {where} "
            f"for {lifted}{conditions} (based on {basis})."
        )
    reasons = "; ".join(f"{r.id} ({r.citation})" for r in standing)
    policy = (
        f" Strictest review policy: {det.review_policy.text} ({det.review_policy.citation})."
        if det.review_policy
        else ""
    )
    more = f" Further facts could make it stricter: {'; '.join(det.missing)}." if det.missing else ""
    return f"{det.outcome.label.capitalize()} under {det.jurisdiction_name} {where}: {reasons} (based on {basis}).{policy}{more}"
