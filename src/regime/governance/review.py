"""Amendments tabled to a circulated proposal, and the working group's review that sends it to plenary.

Any member's list expert may table an amendment (changes as entry documents, with a rationale).
The chair of the working group that keeps the list (or the secretariat, when that body has no
chair) decides each amendment; accepted ones are merged into the proposal's text, and the
proposal goes before the plenary with a ballot under the regime's list-amendment rule.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from regime.errors import InputError
from regime.governance.access import Principal, Role, require_chair_of, require_role
from regime.governance.ballots import open_ballot
from regime.governance.errors import StateConflictError
from regime.governance.listdiff import ListChanges
from regime.governance.proposals import view, visible_proposal
from regime.governance.records import definition_for
from regime.governance.views import ProposalView
from regime.store import Store
from regime.store.models import Amendment


class AmendmentInput(BaseModel):
    """Changes a member proposes to another's white paper, with its rationale."""

    model_config = ConfigDict(extra="forbid")

    changes: ListChanges
    rationale: str = Field(min_length=1)


class AmendmentDecision(BaseModel):
    """The working group's decision on one amendment."""

    model_config = ConfigDict(extra="forbid")

    amendment: int
    accept: bool
    note: str = ""


class ReviewInput(BaseModel):
    """The working group's review: a decision on every tabled amendment."""

    model_config = ConfigDict(extra="forbid")

    decisions: list[AmendmentDecision] = Field(default_factory=list)
    note: str = ""


def table_amendment(
    store: Store, who: Principal, regime_id: str, proposal_id: int, data: AmendmentInput
) -> ProposalView:
    """A member's list expert tables an amendment to a circulated proposal."""
    member_id = require_role(who, regime_id, Role.LIST_EXPERT)
    with store.change(who.actor) as change:
        proposal = visible_proposal(change.session, who, regime_id, proposal_id)
        if proposal.status != "circulated":
            raise StateConflictError(
                f"proposal {proposal_id} is {proposal.status}: amendments are tabled while circulated"
            )
        amendment = Amendment(
            proposal_id=proposal.id,
            member_id=member_id,
            changes=data.changes.model_dump(),
            rationale=data.rationale,
            status="tabled",
            created_at=change.at,
        )
        change.session.add(amendment)
        change.session.flush()
        change.audit("amendment.table", f"amendment:{amendment.id}", {"proposal": proposal.id, **data.model_dump()})
        change.session.refresh(proposal)
        return view(change.session, proposal)


def review(store: Store, who: Principal, regime_id: str, proposal_id: int, data: ReviewInput) -> ProposalView:
    """The working group decides each amendment and sends the amended proposal to the plenary."""
    with store.change(who.actor) as change:
        definition = definition_for(change.session, regime_id)
        proposal = visible_proposal(change.session, who, regime_id, proposal_id)
        list_def = definition.list_def(proposal.list_id)
        group = next((g for g in definition.working_groups if list_def and g.id == list_def.working_group), None)
        if group is None:
            require_chair_of(who, regime_id, "plenary", definition.plenary.chair)
        else:
            require_chair_of(who, regime_id, f"working group {group.id}", group.chair)
        if proposal.status != "circulated":
            raise StateConflictError(f"proposal {proposal_id} is {proposal.status}; only a circulated one is reviewed")
        decisions = {d.amendment: d for d in data.decisions}
        tabled = {a.id: a for a in proposal.amendments if a.status == "tabled"}
        if unknown := sorted(set(decisions) - set(tabled)):
            raise InputError(f"amendment {unknown[0]} is not tabled to proposal {proposal_id}", where="decisions")
        if undecided := sorted(set(tabled) - set(decisions)):
            raise InputError(
                f"amendment {undecided[0]} has no decision: decide every tabled amendment", where="decisions"
            )
        text = ListChanges.model_validate(proposal.changes)
        for amendment_id, amendment in sorted(tabled.items()):
            decision = decisions[amendment_id]
            amendment.status, amendment.review_note = ("accepted" if decision.accept else "rejected"), decision.note
            if decision.accept:
                text = text.merged_with(ListChanges.model_validate(amendment.changes))
        proposal.changes, proposal.status = text.model_dump(), "at_plenary"
        open_ballot(
            change, regime_id, "list_amendment", definition.decision_rules.for_kind("list_amendment"), proposal.id
        )
        change.audit("proposal.review", f"proposal:{proposal.id}", {**data.model_dump(), "text": proposal.changes})
        return view(change.session, proposal)
