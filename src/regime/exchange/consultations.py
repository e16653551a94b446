"""No-undercut consultations: before a member grants a licence, the denials it would undercut are found.

Opening a licence case searches the denials in force of the other members for an essentially
identical transaction (same entry and parameters, same end user or consignee, names compared
through a ``NameMatcher``). Where the regime requires it (MTCR, the chip alliance), a consultation
is opened with each denying member, due in the regime's working days (holidays skipped). The
denying member answers, or extends once up to the maximum; silence after the deadline counts as
the regime says. Where the regime gives members a veto over exports (COCOM), the case also goes
to a ballot. A case is seen by its member and by the members it consults; nobody else.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from regime.errors import InputError, NotFoundError
from regime.exchange.denials import check_list
from regime.exchange.identical import Party, Transaction, essentially_identical
from regime.exchange.matching import DEFAULT_MATCHER, NameMatcher
from regime.exchange.records import case_view, consultation_state, consultation_view
from regime.exchange.views import CaseView, ConsultationView
from regime.governance.access import Principal, Role, require_member, require_role
from regime.governance.ballots import ballot_for, open_ballot
from regime.governance.errors import AccessDeniedError, StateConflictError
from regime.governance.records import definition_for, row
from regime.governance.views import ballot_view
from regime.governance.workdays import add_working_days
from regime.store import Store
from regime.store.models import Consultation, Denial, LicenceCase


class AnswerInput(BaseModel):
    """The denying member's answer: is the transaction essentially identical to its denial?"""

    model_config = ConfigDict(extra="forbid")

    identical: bool
    note: str = ""


class ExtensionInput(BaseModel):
    """The denying member asks for more time: the total window in working days from the opening."""

    model_config = ConfigDict(extra="forbid")

    working_days: int = Field(ge=1)


def visible_case(session: Session, who: Principal, regime_id: str, case_id: int) -> LicenceCase:
    """The case, if the caller's member opened it or is consulted on it."""
    case = row(session, LicenceCase, case_id, "licence case", regime_id)
    consulted = {c.denying_member_id for c in case.consultations}
    if who.member_id != case.member_id and who.member_id not in consulted:
        raise NotFoundError(f"no licence case {case_id} in {regime_id} visible to {who.country}")
    return case


def view(session: Session, case: LicenceCase, today: dt.date) -> CaseView:
    """The case with its consultations and ballot, as of ``today``."""
    rules = definition_for(session, case.regime_id).information_exchange.consultation
    ballot = ballot_for(session, "export_case", case.id)
    return case_view(case, rules, ballot_view(ballot) if ballot else None, today)


def open_case(
    store: Store, who: Principal, regime_id: str, data: Transaction, matcher: NameMatcher = DEFAULT_MATCHER
) -> CaseView:
    """A licensing officer checks a licence it considers granting; consultations open where required."""
    member_id = require_role(who, regime_id, Role.LICENSING_OFFICER)
    with store.change(who.actor) as change:
        definition = definition_for(change.session, regime_id)
        check_list(definition, data.list_id)
        in_force = select(Denial).where(
            Denial.regime_id == regime_id,
            Denial.member_id != member_id,
            Denial.expires_on >= change.today,
            Denial.revoked_on.is_(None),
            Denial.list_id == data.list_id,
        )
        matches = []
        for denial in change.session.scalars(in_force.order_by(Denial.id)):
            party = Party.model_validate(denial, from_attributes=True)
            if reasons := essentially_identical(data, party, matcher):
                matches.append((denial, reasons))
        case = LicenceCase(
            regime_id=regime_id,
            member_id=member_id,
            **data.model_dump(),
            status="open",
            opened_at=change.at,
            matches=[{"denial": d.id, "member": d.member.country, "reasons": r} for d, r in matches],
            undercut=[],
        )
        change.session.add(case)
        change.session.flush()
        rules = definition.information_exchange.consultation
        if rules.required:
            deadline = add_working_days(change.today, rules.response_working_days, definition.holiday_calendar())
            for denial, _ in matches:
                change.session.add(
                    Consultation(
                        case_id=case.id,
                        denial_id=denial.id,
                        denying_member_id=denial.member_id,
                        opened_on=change.today,
                        deadline=deadline,
                    )
                )
        if definition.decision_rules.export_case is not None:
            open_ballot(change, regime_id, "export_case", definition.decision_rules.export_case, case.id)
        change.audit("case.open", f"case:{case.id}", {**data.model_dump(mode="json"), "matches": case.matches})
        change.session.flush()
        change.session.refresh(case)
        return view(change.session, case, change.today)


def get_case(store: Store, who: Principal, regime_id: str, case_id: int) -> CaseView:
    """One licence case, for its member and the members it consults."""
    require_member(who, regime_id)
    with store.read() as session:
        return view(session, visible_case(session, who, regime_id, case_id), store.now().date())


def listing(store: Store, who: Principal, regime_id: str) -> list[ConsultationView]:
    """The consultations the caller's member requested or is asked to answer."""
    member_id = require_member(who, regime_id)
    today = store.now().date()
    with store.read() as session:
        rules = definition_for(session, regime_id).information_exchange.consultation
        query = (
            select(Consultation)
            .join(LicenceCase)
            .where(LicenceCase.regime_id == regime_id)
            .where(or_(LicenceCase.member_id == member_id, Consultation.denying_member_id == member_id))
            .order_by(Consultation.id)
        )
        return [
            consultation_view(c, session.get_one(LicenceCase, c.case_id), rules, today) for c in session.scalars(query)
        ]


def _own_consultation(session: Session, who: Principal, regime_id: str, consultation_id: int) -> Consultation:
    member_id = require_role(who, regime_id, Role.LICENSING_OFFICER)
    consultation = session.get(Consultation, consultation_id)
    case = session.get(LicenceCase, consultation.case_id) if consultation else None
    if consultation is None or case is None or case.regime_id != regime_id:
        raise NotFoundError(f"no consultation {consultation_id} in {regime_id}")
    if consultation.denying_member_id != member_id:
        if case.member_id == member_id:
            raise AccessDeniedError(
                f"consultation {consultation_id} is answered by {consultation.denying_member.country}"
            )
        raise NotFoundError(f"no consultation {consultation_id} in {regime_id} visible to {who.country}")
    return consultation


def answer(store: Store, who: Principal, regime_id: str, consultation_id: int, data: AnswerInput) -> ConsultationView:
    """The denying member answers before the deadline."""
    with store.change(who.actor) as change:
        consultation = _own_consultation(change.session, who, regime_id, consultation_id)
        rules = definition_for(change.session, regime_id).information_exchange.consultation
        status, outcome = consultation_state(consultation, rules, change.today)
        if status != "open":
            raise StateConflictError(
                f"consultation {consultation_id} is {status} ({outcome}) since {consultation.deadline}"
            )
        consultation.answer = "identical" if data.identical else "not_identical"
        consultation.answer_note, consultation.answered_at = data.note, change.at
        change.audit("consultation.answer", f"consultation:{consultation.id}", data.model_dump())
        case = change.session.get_one(LicenceCase, consultation.case_id)
        return consultation_view(consultation, case, rules, change.today)


def extend(
    store: Store, who: Principal, regime_id: str, consultation_id: int, data: ExtensionInput
) -> ConsultationView:
    """The denying member extends its window once, up to the regime's maximum working days."""
    with store.change(who.actor) as change:
        consultation = _own_consultation(change.session, who, regime_id, consultation_id)
        definition = definition_for(change.session, regime_id)
        rules = definition.information_exchange.consultation
        if consultation_state(consultation, rules, change.today)[0] != "open" or consultation.extended:
            raise StateConflictError(f"consultation {consultation_id} can no longer be extended")
        if data.working_days > rules.max_working_days:
            raise InputError(f"at most {rules.max_working_days} working days in {regime_id}", where="working_days")
        deadline = add_working_days(consultation.opened_on, data.working_days, definition.holiday_calendar())
        if deadline <= consultation.deadline:
            raise InputError(f"the deadline is already {consultation.deadline}", where="working_days")
        consultation.deadline, consultation.extended = deadline, True
        change.audit("consultation.extend", f"consultation:{consultation.id}", {"deadline": deadline.isoformat()})
        case = change.session.get_one(LicenceCase, consultation.case_id)
        return consultation_view(consultation, case, rules, change.today)
