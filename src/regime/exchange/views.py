"""What the exchange services hand to the faces: denials, consultations, licence cases, grant notices, reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from regime.exchange.identical import Transaction
from regime.governance.views import BallotView


class DenialView(BaseModel):
    """A denial notification, as members see it."""

    id: int
    regime: str
    member: str
    transaction: Transaction
    reason: str
    denied_on: dt.date
    notified_at: dt.datetime
    notified_late: bool
    expires_on: dt.date
    renewals: int
    revoked_on: dt.date | None
    reviewed_on: dt.date | None
    review_note: str | None
    status: str


class ConsultationView(BaseModel):
    """A consultation of a denying member before an essentially identical licence is granted."""

    id: int
    case_id: int
    denial_id: int
    requesting_member: str
    denying_member: str
    transaction: Transaction
    opened_on: dt.date
    deadline: dt.date
    extended: bool
    answer: str | None
    answer_note: str | None
    answered_at: dt.datetime | None
    status: str
    outcome: str | None


class CaseView(BaseModel):
    """A licence a member considers granting, the denials it matches, the consultations and the grant."""

    id: int
    regime: str
    member: str
    transaction: Transaction
    status: str
    opened_at: dt.datetime
    matches: list[dict[str, Any]]
    consultations: list[ConsultationView]
    ballot: BallotView | None
    granted_on: dt.date | None
    grant_reasons: str | None
    undercut: list[dict[str, Any]]


class GrantNotice(BaseModel):
    """A licence granted despite essentially identical denials in force: notified to all members, with reasons."""

    case_id: int
    member: str
    transaction: Transaction
    granted_on: dt.date
    reasons: str
    undercut: list[dict[str, Any]]


class MemberReport(BaseModel):
    """A member's periodic aggregate report, generated from what it recorded in the period."""

    regime: str
    member: str
    period: str
    start: dt.date
    end: dt.date
    denials_notified: int
    denials_notified_late: int
    denials_by_entry: dict[str, int]
    denials_by_destination: dict[str, int]
    licences_granted: int
    licences_granted_despite_denials: int
    consultations_requested: int
    consultations_received: int
    consultations_answered: int
    consultations_lapsed: int
