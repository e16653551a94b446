"""The cases service: open a case, record its classification and determinations, and move it by the table.

Each call is one store transaction with its audit entry. Who may work cases: exporters and
licensing officers (``regime.licensing.owners``); a case is seen by its owner only. Screening and
the decisions on hits live in ``screening.py``; list changes in ``rereview.py``.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from regime.cases.licence import require_cover, suggestion
from regime.cases.machine import Action, State
from regime.cases.records import Approval, CaseInput, ClassificationInput, DeterminationInput, Reasoned
from regime.cases.transitions import facts_of, load, move
from regime.cases.views import CaseView, case_view
from regime.errors import InputError
from regime.governance.access import Principal
from regime.governance.errors import StateConflictError
from regime.licensing.owners import require_worker, role_of
from regime.store import Store
from regime.store.models import ComplianceCase, ScreeningDecision

EDITABLE = frozenset({State.DRAFT, State.SCREENING, State.REVIEW_REQUIRED, State.ESCALATED})


def view(session: Session, case: ComplianceCase) -> CaseView:
    """The case with the decisions its hits were settled by."""
    ids = {h.memory_id for h in case.hits if h.memory_id}
    memories = (
        {d.id: d for d in session.scalars(select(ScreeningDecision).where(ScreeningDecision.id.in_(ids)))}
        if ids
        else {}
    )
    return case_view(case, memories)


def open_case(store: Store, who: Principal, data: CaseInput) -> CaseView:
    """Open a case in ``draft``."""
    owner = require_worker(who)
    with store.change(who.actor) as change:
        case = ComplianceCase(
            owner=owner,
            reference=data.reference,
            state=State.DRAFT.value,
            transaction=data.transaction.model_dump(mode="json", exclude_defaults=True),
            classification=None,
            screening=None,
            determinations=[],
            checked_lists={},
            ship_from=data.ship_from,
            ship_until=data.ship_until,
            created_at=change.at,
            updated_at=change.at,
        )
        change.session.add(case)
        change.session.flush()
        change.audit("case.open", f"compliance-case:{case.id}", {"reference": data.reference, "role": role_of(who)})
        return view(change.session, case)


def get(store: Store, who: Principal, case_id: int) -> CaseView:
    """One of the caller's cases."""
    require_worker(who)
    with store.read() as session:
        return view(session, load(session, who, case_id))


def listing(store: Store, who: Principal, state: State | None = None) -> list[CaseView]:
    """The caller's cases (in ``state``, if given), newest first."""
    owner = require_worker(who)
    with store.read() as session:
        query = select(ComplianceCase).where(ComplianceCase.owner == owner)
        if state is not None:
            query = query.where(ComplianceCase.state == state.value)
        return [view(session, c) for c in session.scalars(query.order_by(ComplianceCase.id.desc()))]


def _editable(case: ComplianceCase, what: str) -> None:
    if State(case.state) not in EDITABLE:
        raise StateConflictError(f"case {case.id} is {case.state}: its {what} can no longer change")


def classify(store: Store, who: Principal, case_id: int, data: ClassificationInput) -> CaseView:
    """Record the items' classification (and the list version it was read against)."""
    require_worker(who)
    with store.change(who.actor) as change:
        case = load(change.session, who, case_id, lock=True)
        _editable(case, "classification")
        case.classification = {**data.model_dump(mode="json"), "by": who.actor.name, "at": change.at.isoformat()}
        case.checked_lists = {**case.checked_lists, data.list_id: data.version}
        case.updated_at = change.at
        change.audit(
            "case.classify", f"compliance-case:{case.id}", {**data.model_dump(mode="json"), "role": role_of(who)}
        )
        return view(change.session, case)


def record_determinations(store: Store, who: Principal, case_id: int, data: DeterminationInput) -> CaseView:
    """Record the determinations (outcome per jurisdiction, with the statement and classes they rest on)."""
    require_worker(who)
    with store.change(who.actor) as change:
        case = load(change.session, who, case_id, lock=True)
        _editable(case, "determination")
        fields = {"jurisdiction", "outcome", "statement", "classes", "exceptions", "missing"}
        case.determinations = [d.model_dump(mode="json", include=fields) for d in data.determinations]
        case.updated_at = change.at
        summary = {d.jurisdiction: d.outcome.value for d in data.determinations}
        change.audit("case.determine", f"compliance-case:{case.id}", {"outcomes": summary, "role": role_of(who)})
        return view(change.session, case)


def transition(store: Store, who: Principal, case_id: int, action: Action, data: Reasoned) -> CaseView:
    """Submit, escalate, block, close or re-screen a case, as the table allows."""
    if action in (Action.APPROVE, Action.SCREENED_CLEAR, Action.SCREENED_HIT):
        raise InputError(f"{action.value} is not taken this way", where="action")
    require_worker(who)
    with store.change(who.actor) as change:
        case = load(change.session, who, case_id, lock=True)
        move(change, case, action, facts_of(case, data.reason), actor=who.actor.name, role=role_of(who))
        if action is Action.RESCREEN:
            case.screening = None
        return view(change.session, case)


def approve(store: Store, who: Principal, case_id: int, data: Approval) -> CaseView:
    """Approve a reviewed case; every approval guard must hold, whoever asks."""
    require_worker(who)
    with store.change(who.actor) as change:
        case = load(change.session, who, case_id, lock=True)
        if data.licence_id is not None:
            require_cover(change.session, who, case, data.licence_id)
            case.licence_id = data.licence_id
        facts = facts_of(case, data.reason)
        try:
            move(change, case, Action.APPROVE, facts, actor=who.actor.name, role=role_of(who))
        except StateConflictError as refused:
            if not facts.needs_licence or facts.licence:
                raise
            raise StateConflictError(f"{refused} ({suggestion(change.session, case)})") from None
        return view(change.session, case)
