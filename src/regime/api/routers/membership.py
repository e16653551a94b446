"""Routes of membership: applications by states, votes and the admission decision."""

from __future__ import annotations

from fastapi import APIRouter, status

from regime.api.deps import Caller, StoreDep
from regime.governance import membership
from regime.governance.ballots import VoteInput, cast_vote
from regime.governance.membership import ApplicationInput
from regime.governance.views import ApplicationView, BallotView

router = APIRouter(prefix="/regimes/{regime_id}/applications", tags=["membership"])


@router.post("", status_code=status.HTTP_201_CREATED)
def apply(store: StoreDep, who: Caller, regime_id: str, data: ApplicationInput) -> ApplicationView:
    """The secretariat registers a state's application (states only) and opens the ballot."""
    return membership.apply(store, who, regime_id, data)


@router.get("")
def list_applications(store: StoreDep, who: Caller, regime_id: str) -> list[ApplicationView]:
    """Applications to the regime (members only)."""
    return membership.listing(store, who, regime_id)


@router.get("/{application_id}")
def get_application(store: StoreDep, who: Caller, regime_id: str, application_id: int) -> ApplicationView:
    """One application and its ballot."""
    return membership.get(store, who, regime_id, application_id)


@router.post("/{application_id}/votes")
def vote(store: StoreDep, who: Caller, regime_id: str, application_id: int, data: VoteInput) -> BallotView:
    """Cast your member's vote on the admission."""
    return cast_vote(store, who, regime_id, "admission", application_id, data)


@router.post("/{application_id}/decision")
def decide(store: StoreDep, who: Caller, regime_id: str, application_id: int) -> ApplicationView:
    """Close the ballot under the admission rule: admitted or refused."""
    return membership.decide(store, who, regime_id, application_id)
