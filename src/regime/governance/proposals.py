"""List amendment: a member's white paper, circulated, amended by others, reviewed, then decided in plenary.

Statuses: ``draft`` (seen by the proposing member only) -> ``circulated`` (shared with all members,
open to amendments) -> ``at_plenary`` (after the working group's review; a ballot is open) ->
``adopted`` (a new list release) or ``blocked`` (who blocked and why is on the ballot); or
``withdrawn`` by the proposer before the decision.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from regime.errors import InputError, NotFoundError, RegimeError
from regime.governance.access import Principal, Role, require_member, require_role
from regime.governance.ballots import ballot_for, close_ballot, require_closer
from regime.governance.errors import StateConflictError
from regime.governance.listdiff import ListChanges, ListDiff, diff
from regime.governance.records import definition_for
from regime.governance.releases import entries_in_force, publish_release
from regime.governance.views import ProposalView, proposal_view
from regime.store import Store
from regime.store.models import ListRelease, Proposal


class ProposalInput(BaseModel):
    """A white paper: the list, a title, the rationale, the changes and the date they should apply from."""

    model_config = ConfigDict(extra="forbid")

    list_id: str
    title: str = Field(min_length=1, max_length=300)
    rationale: str = Field(min_length=1)
    changes: ListChanges
    effective: dt.date | None = None


def visible_proposal(session: Session, who: Principal, regime_id: str, proposal_id: int) -> Proposal:
    """The proposal, if the caller may see it: drafts are seen by the proposing member only."""
    proposal = session.get(Proposal, proposal_id)
    if proposal is None or proposal.regime_id != regime_id:
        raise NotFoundError(f"no proposal {proposal_id} in {regime_id}")
    if proposal.status == "draft" and proposal.proposer_id != who.member_id:
        raise NotFoundError(
            f"no proposal {proposal_id} in {regime_id} visible to {who.country}: a draft is seen by its proposer only"
        )
    return proposal


def view(session: Session, proposal: Proposal) -> ProposalView:
    """The proposal with its ballot, its diff against the list in force and its release number."""
    try:
        before = entries_in_force(session, proposal.regime_id, proposal.list_id)
        summary: ListDiff | None = diff(before, ListChanges.model_validate(proposal.changes))
    except RegimeError:
        summary = None
    release = session.scalar(select(ListRelease.number).where(ListRelease.proposal_id == proposal.id))
    ballot = ballot_for(session, "list_amendment", proposal.id)
    return proposal_view(proposal, ballot, release, summary)


def draft(store: Store, who: Principal, regime_id: str, data: ProposalInput) -> ProposalView:
    """A list expert drafts a white paper for its member."""
    member_id = require_role(who, regime_id, Role.LIST_EXPERT)
    with store.change(who.actor) as change:
        definition = definition_for(change.session, regime_id)
        if definition.list_def(data.list_id) is None:
            known = ", ".join(item.id for item in definition.lists)
            raise InputError(f"{regime_id} keeps no list {data.list_id!r} (lists: {known})", where="list_id")
        before = entries_in_force(change.session, regime_id, data.list_id)
        diff(before, data.changes, list_name=f"{regime_id}/{data.list_id}")
        proposal = Proposal(
            regime_id=regime_id,
            list_id=data.list_id,
            proposer_id=member_id,
            title=data.title,
            rationale=data.rationale,
            changes=data.changes.model_dump(),
            effective=data.effective,
            status="draft",
            created_at=change.at,
        )
        change.session.add(proposal)
        change.session.flush()
        change.audit("proposal.draft", f"proposal:{proposal.id}", data.model_dump(mode="json"))
        return view(change.session, proposal)


def _proposer_moves(store: Store, who: Principal, regime_id: str, proposal_id: int, to: str) -> ProposalView:
    require_role(who, regime_id, Role.LIST_EXPERT)
    allowed = {"circulated": ("draft",), "withdrawn": ("draft", "circulated", "at_plenary")}[to]
    with store.change(who.actor) as change:
        proposal = visible_proposal(change.session, who, regime_id, proposal_id)
        if proposal.proposer_id != who.member_id:
            raise StateConflictError(f"only the proposer ({proposal.proposer.country}) may do this")
        if proposal.status not in allowed:
            raise StateConflictError(f"proposal {proposal_id} is {proposal.status}; it cannot become {to}")
        proposal.status = to
        if to == "circulated":
            proposal.circulated_at = change.at
        ballot = ballot_for(change.session, "list_amendment", proposal.id)
        if to == "withdrawn" and ballot is not None and ballot.closed_at is None:
            ballot.closed_at, ballot.outcome, ballot.explanation = change.at, "withdrawn", "withdrawn by the proposer"
        change.audit(f"proposal.{to}", f"proposal:{proposal.id}", {"status": to})
        return view(change.session, proposal)


def circulate(store: Store, who: Principal, regime_id: str, proposal_id: int) -> ProposalView:
    """The proposer shares its draft with all members; amendments may now be tabled."""
    return _proposer_moves(store, who, regime_id, proposal_id, "circulated")


def withdraw(store: Store, who: Principal, regime_id: str, proposal_id: int) -> ProposalView:
    """The proposer withdraws its proposal before the plenary decides."""
    return _proposer_moves(store, who, regime_id, proposal_id, "withdrawn")


def get(store: Store, who: Principal, regime_id: str, proposal_id: int) -> ProposalView:
    """One proposal, as the caller's member may see it."""
    require_member(who, regime_id)
    with store.read() as session:
        return view(session, visible_proposal(session, who, regime_id, proposal_id))


def listing(store: Store, who: Principal, regime_id: str, status: str | None = None) -> list[ProposalView]:
    """The proposals the caller's member may see: all but other members' drafts."""
    require_member(who, regime_id)
    with store.read() as session:
        query = select(Proposal).where(Proposal.regime_id == regime_id).order_by(Proposal.id)
        if status:
            query = query.where(Proposal.status == status)
        rows = session.scalars(query)
        return [view(session, p) for p in rows if p.status != "draft" or p.proposer_id == who.member_id]


def decide(store: Store, who: Principal, regime_id: str, proposal_id: int) -> ProposalView:
    """The plenary decides under the regime's rule: adopted proposals become a dated list release."""
    with store.change(who.actor) as change:
        definition = definition_for(change.session, regime_id)
        require_closer(who, regime_id, definition)
        proposal = visible_proposal(change.session, who, regime_id, proposal_id)
        ballot = ballot_for(change.session, "list_amendment", proposal.id)
        if proposal.status != "at_plenary" or ballot is None:
            raise StateConflictError(f"proposal {proposal_id} is {proposal.status}, not before the plenary")
        outcome = close_ballot(change, ballot)
        proposal.status, proposal.decided_at = ("adopted" if outcome.adopted else "blocked"), change.at
        if outcome.adopted:
            publish_release(change, proposal, proposal.effective or change.today)
        change.audit(f"proposal.{proposal.status}", f"proposal:{proposal.id}", {"explanation": outcome.explanation})
        return view(change.session, proposal)
