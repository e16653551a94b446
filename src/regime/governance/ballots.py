"""Ballots: a question put to the members, votes cast for a member by its delegates, closed under the rule.

The ballot keeps a copy of the rule it was opened under, so a later edit of the regime definition
does not change how an open question is decided. A ``no`` must give its reason: a blocked
decision records who blocked and why.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from regime.errors import NotFoundError
from regime.governance.access import Principal, Role, require_acting_for, require_chair_of, require_role
from regime.governance.decision_rules import DecisionRule, Outcome, Position, decide
from regime.governance.definition import RegimeDefinition
from regime.governance.errors import StateConflictError
from regime.governance.records import countries
from regime.governance.views import BallotView, ballot_view
from regime.store import Change, Store
from regime.store.models import Ballot, Member, Vote

Kind = Literal["list_amendment", "admission", "export_case"]
VOTERS: dict[str, tuple[Role, ...]] = {
    "list_amendment": (Role.LIST_EXPERT, Role.CHAIR),
    "admission": (Role.LIST_EXPERT, Role.CHAIR),
    "export_case": (Role.LICENSING_OFFICER, Role.CHAIR),
}
SUBJECT = {"list_amendment": Ballot.proposal_id, "admission": Ballot.application_id, "export_case": Ballot.case_id}


class VoteInput(BaseModel):
    """A vote: the position, the reason (required for ``no``) and, optionally, the member voted for."""

    model_config = ConfigDict(extra="forbid")

    position: Position
    reason: str = ""
    member: str | None = None

    @model_validator(mode="after")
    def _no_needs_a_reason(self) -> VoteInput:
        if self.position is Position.NO and not self.reason.strip():
            raise ValueError("a 'no' must give its reason: a blocked decision records who blocked and why")
        return self


def open_ballot(change: Change, regime_id: str, kind: Kind, rule: DecisionRule, subject_id: int) -> Ballot:
    """Open a ballot on a subject (a proposal, an application or a licence case)."""
    ballot = Ballot(
        regime_id=regime_id,
        kind=kind,
        rule=rule.model_dump(mode="json"),
        opened_at=change.at,
        blocked_by=[],
        **{SUBJECT[kind].key: subject_id},
    )
    change.session.add(ballot)
    change.session.flush()
    change.audit("ballot.open", f"ballot:{ballot.id}", {"kind": kind, "subject": subject_id, "rule": ballot.rule})
    return ballot


def ballot_for(session: Session, kind: Kind, subject_id: int) -> Ballot | None:
    """The latest ballot on a subject, if any."""
    query = select(Ballot).where(Ballot.kind == kind, SUBJECT[kind] == subject_id).order_by(Ballot.id.desc())
    return session.scalars(query.limit(1)).first()


def cast_vote(store: Store, who: Principal, regime_id: str, kind: Kind, subject_id: int, vote: VoteInput) -> BallotView:
    """Record (or replace) the caller's member's vote on the open ballot on a subject."""
    member_id = require_role(who, regime_id, *VOTERS[kind])
    require_acting_for(who, vote.member)
    with store.change(who.actor) as change:
        ballot = ballot_for(change.session, kind, subject_id)
        if ballot is None or ballot.regime_id != regime_id:
            raise NotFoundError(f"no ballot on {kind.replace('_', ' ')} {subject_id} in {regime_id}")
        if ballot.closed_at is not None:
            raise StateConflictError(f"ballot {ballot.id} closed on {ballot.closed_at:%Y-%m-%d}: {ballot.outcome}")
        existing = change.session.scalar(select(Vote).where(Vote.ballot_id == ballot.id, Vote.member_id == member_id))
        if existing is None:
            existing = Vote(ballot_id=ballot.id, member_id=member_id)
            change.session.add(existing)
        existing.position, existing.reason = vote.position.value, vote.reason
        existing.cast_by, existing.cast_at = who.user_id, change.at
        change.audit(
            "ballot.vote",
            f"ballot:{ballot.id}",
            {"member": who.country, "position": vote.position, "reason": vote.reason},
        )
        change.session.flush()
        change.session.refresh(ballot)
        return ballot_view(ballot)


def require_closer(who: Principal, regime_id: str, definition: RegimeDefinition) -> None:
    """Only the plenary chair (or the secretariat, when the plenary has no recorded chair) closes a ballot."""
    require_chair_of(who, regime_id, "plenary", definition.plenary.chair)


def close_ballot(change: Change, ballot: Ballot) -> Outcome:
    """Decide the ballot under its rule with the regime's current members, and record the outcome."""
    if ballot.closed_at is not None:
        raise StateConflictError(f"ballot {ballot.id} is already closed: {ballot.outcome}")
    session = change.session
    members = countries(session, ballot.regime_id)
    votes = {members[v.member_id]: Position(v.position) for v in ballot.votes}
    founders = session.scalars(select(Member.country).where(Member.regime_id == ballot.regime_id, Member.founder))
    outcome = decide(DecisionRule.model_validate(ballot.rule), members.values(), votes, list(founders))
    reasons = {members[v.member_id]: v.reason for v in ballot.votes}
    ballot.closed_at, ballot.outcome = change.at, "adopted" if outcome.adopted else "blocked"
    ballot.blocked_by = [{"member": m, "reason": reasons.get(m, "")} for m in outcome.blocked_by]
    ballot.explanation = outcome.explanation
    if outcome.awaiting:
        ballot.blocked_by += [{"member": m, "reason": "no vote cast"} for m in outcome.awaiting]
    change.audit(
        "ballot.close",
        f"ballot:{ballot.id}",
        {"outcome": ballot.outcome, "blocked_by": ballot.blocked_by, "explanation": outcome.explanation},
    )
    return outcome
