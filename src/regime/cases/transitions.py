"""Moving a case: the guards' facts read from the case, and one transition written with its event and audit entry.

Every transition goes through ``move``: the machine decides whether it is allowed, the case row is
locked for the change (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite has one writer), and the
event (who, in which role, why) and the audit entry are written in the same transaction.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from regime.cases.machine import Action, Facts, State, allowed
from regime.determine import Outcome
from regime.errors import NotFoundError
from regime.governance.access import Principal
from regime.licensing.determined import NEEDS_LICENCE
from regime.licensing.owners import require_own
from regime.store import Change
from regime.store.models import CaseEvent, CaseHit, ComplianceCase

OPEN, CONFIRMED = "open", frozenset({"confirmed", "auto_confirmed"})


def load(session: Session, who: Principal, case_id: int, *, lock: bool = False) -> ComplianceCase:
    """The caller's case ``case_id`` (locked for a change when ``lock``), or NotFoundError."""
    query = select(ComplianceCase).where(ComplianceCase.id == case_id)
    case = session.scalar(query.with_for_update() if lock else query)
    if case is None:
        raise NotFoundError(f"no case {case_id}")
    require_own(case.owner, who, f"case {case_id}")
    return case


def current_hits(case: ComplianceCase) -> list[CaseHit]:
    """The hits of the latest screening of the case (none when it awaits screening)."""
    if case.screening is None:
        return []
    return [h for h in case.hits if h.screening_round == case.screening["round"]]


def strictest(case: ComplianceCase) -> Outcome | None:
    """The strictest outcome among the case's determinations."""
    outcomes = [Outcome(d["outcome"]) for d in case.determinations]
    return max(outcomes, key=lambda o: o.rank) if outcomes else None


def facts_of(case: ComplianceCase, reason: str, licence: bool | None = None) -> Facts:
    """What the guards read of ``case`` (``licence``: whether a covering licence is attached)."""
    hits = current_hits(case)
    outcome = strictest(case)
    confirmed = [h for h in hits if h.prohibited and h.status in CONFIRMED]
    return Facts(
        reason=reason,
        parties=len(case.transaction.get("parties") or ()),
        classified=case.classification is not None,
        screened=case.screening is not None,
        open_hits=sum(h.status == OPEN for h in hits),
        prohibited_open=sum(h.status == OPEN and h.prohibited for h in hits),
        prohibited_confirmed=tuple(f"{h.party!r} is {h.list_code} entry {h.entry_name!r}" for h in confirmed),
        outcome=outcome.value if outcome else None,
        indeterminate=tuple(
            f"{d['jurisdiction']}: missing {', '.join(d.get('missing') or ()) or 'facts'}"
            for d in case.determinations
            if d["outcome"] == Outcome.INDETERMINATE.value
        ),
        needs_licence=outcome in NEEDS_LICENCE,
        licence=case.licence_id is not None if licence is None else licence,
    )


def move(change: Change, case: ComplianceCase, action: Action, facts: Facts, *, actor: str, role: str) -> State:
    """Take ``action`` on ``case`` if the machine allows it; write the event and the audit entry."""
    before = State(case.state)
    after = allowed(action, before, facts)
    case.state, case.updated_at = after.value, change.at
    event = CaseEvent(
        case_id=case.id,
        action=action.value,
        from_state=before.value,
        to_state=after.value,
        actor=actor,
        role=role,
        reason=facts.reason,
        at=change.at,
    )
    change.session.add(event)
    change.session.flush()
    case.events.append(event)
    payload = {"from": before.value, "to": after.value, "role": role, "reason": facts.reason}
    change.audit(f"case.{action.value}", f"compliance-case:{case.id}", payload)
    return after
