"""Routes of list amendment: white papers, amendments, private minimums, review, votes and the plenary decision."""

from __future__ import annotations

from fastapi import APIRouter, status

from regime.api.deps import Caller, StoreDep
from regime.governance import positions, proposals
from regime.governance.ballots import VoteInput, cast_vote
from regime.governance.positions import PositionInput
from regime.governance.proposals import ProposalInput
from regime.governance.review import AmendmentInput, ReviewInput, review, table_amendment
from regime.governance.views import BallotView, PositionView, ProposalView

router = APIRouter(prefix="/regimes/{regime_id}/proposals", tags=["proposals"])


@router.post("", status_code=status.HTTP_201_CREATED)
def draft(store: StoreDep, who: Caller, regime_id: str, data: ProposalInput) -> ProposalView:
    """Draft a white paper for your member (list expert); only your member sees it until circulated."""
    return proposals.draft(store, who, regime_id, data)


@router.get("")
def list_proposals(store: StoreDep, who: Caller, regime_id: str, status: str | None = None) -> list[ProposalView]:
    """The proposals your member may see (all but other members' drafts)."""
    return proposals.listing(store, who, regime_id, status)


@router.get("/{proposal_id}")
def get_proposal(store: StoreDep, who: Caller, regime_id: str, proposal_id: int) -> ProposalView:
    """One proposal with its amendments, ballot, diff and release."""
    return proposals.get(store, who, regime_id, proposal_id)


@router.post("/{proposal_id}/circulate")
def circulate(store: StoreDep, who: Caller, regime_id: str, proposal_id: int) -> ProposalView:
    """Share your draft with all members."""
    return proposals.circulate(store, who, regime_id, proposal_id)


@router.post("/{proposal_id}/withdraw")
def withdraw(store: StoreDep, who: Caller, regime_id: str, proposal_id: int) -> ProposalView:
    """Withdraw your proposal before the plenary decides."""
    return proposals.withdraw(store, who, regime_id, proposal_id)


@router.post("/{proposal_id}/amendments", status_code=status.HTTP_201_CREATED)
def amend(store: StoreDep, who: Caller, regime_id: str, proposal_id: int, data: AmendmentInput) -> ProposalView:
    """Table an amendment to a circulated proposal."""
    return table_amendment(store, who, regime_id, proposal_id, data)


@router.put("/{proposal_id}/private-position")
def record_position(
    store: StoreDep, who: Caller, regime_id: str, proposal_id: int, data: PositionInput
) -> PositionView:
    """Record the minimum your member needs: seen by your member only."""
    return positions.record(store, who, regime_id, proposal_id, data)


@router.get("/{proposal_id}/private-position")
def read_position(
    store: StoreDep, who: Caller, regime_id: str, proposal_id: int, member: str | None = None
) -> PositionView:
    """Your member's private minimum (asking for another member's is refused)."""
    return positions.read(store, who, regime_id, proposal_id, member)


@router.post("/{proposal_id}/review")
def review_proposal(store: StoreDep, who: Caller, regime_id: str, proposal_id: int, data: ReviewInput) -> ProposalView:
    """The working group chair decides the amendments and sends the proposal to the plenary."""
    return review(store, who, regime_id, proposal_id, data)


@router.post("/{proposal_id}/votes")
def vote(store: StoreDep, who: Caller, regime_id: str, proposal_id: int, data: VoteInput) -> BallotView:
    """Cast (or change) your member's vote; a no gives its reason."""
    return cast_vote(store, who, regime_id, "list_amendment", proposal_id, data)


@router.post("/{proposal_id}/decision")
def decide(store: StoreDep, who: Caller, regime_id: str, proposal_id: int) -> ProposalView:
    """The plenary chair closes the ballot; an adopted proposal becomes a list release."""
    return proposals.decide(store, who, regime_id, proposal_id)
