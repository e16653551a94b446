"""Row-to-view conversions and the status rules of denials and consultations (pure, given today's date)."""

from __future__ import annotations

import datetime as dt

from regime.exchange.identical import Transaction
from regime.exchange.views import CaseView, ConsultationView, DenialView
from regime.governance.definition import ConsultationRules
from regime.governance.views import BallotView
from regime.store.models import Consultation, Denial, LicenceCase


def transaction_of(row: Denial | LicenceCase) -> Transaction:
    """The transaction a denial or a licence case is about."""
    return Transaction(
        list_id=row.list_id,
        entry_id=row.entry_id,
        parameters=row.parameters,
        consignee=row.consignee,
        end_user=row.end_user,
        destination=row.destination,
    )


def denial_status(denial: Denial, today: dt.date) -> str:
    """``revoked``, ``expired`` (validity over, not renewed) or ``in_force``."""
    if denial.revoked_on is not None and denial.revoked_on <= today:
        return "revoked"
    return "expired" if denial.expires_on < today else "in_force"


def denial_view(denial: Denial, today: dt.date) -> DenialView:
    """The view of a denial row as of ``today``."""
    return DenialView(
        id=denial.id,
        regime=denial.regime_id,
        member=denial.member.country,
        transaction=transaction_of(denial),
        reason=denial.reason,
        denied_on=denial.denied_on,
        notified_at=denial.notified_at,
        notified_late=denial.notified_late,
        expires_on=denial.expires_on,
        renewals=denial.renewals,
        revoked_on=denial.revoked_on,
        reviewed_on=denial.reviewed_on,
        review_note=denial.review_note,
        status=denial_status(denial, today),
    )


def consultation_state(consultation: Consultation, rules: ConsultationRules, today: dt.date) -> tuple[str, str | None]:
    """(status, outcome): ``answered`` with the answer, ``open`` until the deadline, then ``lapsed``.

    A lapsed consultation's outcome is what the regime says silence means.
    """
    if consultation.answer is not None:
        return "answered", consultation.answer
    if today <= consultation.deadline:
        return "open", None
    return "lapsed", rules.silence_means


def consultation_view(
    consultation: Consultation, case: LicenceCase, rules: ConsultationRules, today: dt.date
) -> ConsultationView:
    """The view of a consultation row as of ``today``."""
    status, outcome = consultation_state(consultation, rules, today)
    return ConsultationView(
        id=consultation.id,
        case_id=case.id,
        denial_id=consultation.denial_id,
        requesting_member=case.member.country,
        denying_member=consultation.denying_member.country,
        transaction=transaction_of(case),
        opened_on=consultation.opened_on,
        deadline=consultation.deadline,
        extended=consultation.extended,
        answer=consultation.answer,
        answer_note=consultation.answer_note,
        answered_at=consultation.answered_at,
        status=status,
        outcome=outcome,
    )


def case_view(case: LicenceCase, rules: ConsultationRules, ballot: BallotView | None, today: dt.date) -> CaseView:
    """The view of a licence case row as of ``today``."""
    return CaseView(
        id=case.id,
        regime=case.regime_id,
        member=case.member.country,
        transaction=transaction_of(case),
        status=case.status,
        opened_at=case.opened_at,
        matches=case.matches,
        consultations=[consultation_view(c, case, rules, today) for c in case.consultations],
        ballot=ballot,
        granted_on=case.granted_on,
        grant_reasons=case.grant_reasons,
        undercut=case.undercut,
    )
