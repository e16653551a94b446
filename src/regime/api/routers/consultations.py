"""Routes of no-undercut: licence cases, consultations, grants, export-case votes and grant notices."""

from __future__ import annotations

from fastapi import APIRouter, status

from regime.api.deps import Caller, Matcher, StoreDep
from regime.exchange import consultations, licences
from regime.exchange.consultations import AnswerInput, ExtensionInput
from regime.exchange.identical import Transaction
from regime.exchange.licences import GrantInput
from regime.exchange.views import CaseView, ConsultationView, GrantNotice
from regime.governance.ballots import VoteInput, cast_vote
from regime.governance.views import BallotView

router = APIRouter(prefix="/regimes/{regime_id}", tags=["consultations"])


@router.post("/licence-cases", status_code=status.HTTP_201_CREATED)
def open_case(store: StoreDep, who: Caller, matcher: Matcher, regime_id: str, data: Transaction) -> CaseView:
    """Before granting: find essentially identical denials in force and consult their members."""
    return consultations.open_case(store, who, regime_id, data, matcher)


@router.get("/licence-cases/{case_id}")
def get_case(store: StoreDep, who: Caller, regime_id: str, case_id: int) -> CaseView:
    """A licence case (its member and the consulted members only)."""
    return consultations.get_case(store, who, regime_id, case_id)


@router.post("/licence-cases/{case_id}/grant")
def grant(store: StoreDep, who: Caller, regime_id: str, case_id: int, data: GrantInput) -> CaseView:
    """Grant the licence; if it undercuts denials, the reasons are notified to all members."""
    return licences.grant(store, who, regime_id, case_id, data)


@router.post("/licence-cases/{case_id}/votes")
def vote(store: StoreDep, who: Caller, regime_id: str, case_id: int, data: VoteInput) -> BallotView:
    """Vote on another member's export case where the regime gives a veto (COCOM)."""
    return cast_vote(store, who, regime_id, "export_case", case_id, data)


@router.post("/licence-cases/{case_id}/decision")
def decide(store: StoreDep, who: Caller, regime_id: str, case_id: int) -> CaseView:
    """Close the export-case ballot: any no is a veto."""
    return licences.decide_export_case(store, who, regime_id, case_id)


@router.get("/consultations")
def list_consultations(store: StoreDep, who: Caller, regime_id: str) -> list[ConsultationView]:
    """Consultations your member requested or must answer."""
    return consultations.listing(store, who, regime_id)


@router.post("/consultations/{consultation_id}/answer")
def answer(store: StoreDep, who: Caller, regime_id: str, consultation_id: int, data: AnswerInput) -> ConsultationView:
    """Answer a consultation on your member's denial before its deadline."""
    return consultations.answer(store, who, regime_id, consultation_id, data)


@router.post("/consultations/{consultation_id}/extend")
def extend(
    store: StoreDep, who: Caller, regime_id: str, consultation_id: int, data: ExtensionInput
) -> ConsultationView:
    """Extend the window once, up to the regime's maximum working days."""
    return consultations.extend(store, who, regime_id, consultation_id, data)


@router.get("/licence-notices")
def notices(store: StoreDep, who: Caller, regime_id: str) -> list[GrantNotice]:
    """Licences granted despite essentially identical denials in force, with the reasons."""
    return licences.notices(store, who, regime_id)
