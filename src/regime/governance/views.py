"""What the governance services hand to the faces: plain Pydantic views, never live database rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from regime.governance.listdiff import ListDiff
from regime.store.models import Amendment, Application, Ballot, ListRelease, Member, Proposal


class MemberView(BaseModel):
    """A participating state."""

    country: str
    name: str
    since: dt.date
    founder: bool


class MeetingView(BaseModel):
    """A session of the plenary or a working group, by month."""

    month: str
    body: str
    chair: str | None


class RegimeView(BaseModel):
    """A regime as the public may see it: its definition, current members and chair warnings."""

    id: str
    name: str
    short_name: str
    status: str
    founded: dt.date
    dissolved: dt.date | None
    members: list[MemberView]
    chairs: dict[str, str]
    definition: dict[str, Any]
    warnings: list[str]
    upcoming_meetings: list[MeetingView]


class ReleaseView(BaseModel):
    """A published list release: public."""

    regime: str
    list_id: str
    number: int
    effective: dt.date
    proposal_id: int | None
    entries: list[dict[str, Any]]
    removed: list[str]
    diff: ListDiff
    published_at: dt.datetime


class VoteView(BaseModel):
    """One member's position on a ballot."""

    member: str
    position: str
    reason: str
    cast_at: dt.datetime


class BallotView(BaseModel):
    """A ballot, its rule, its votes and, once closed, its outcome and who blocked it and why."""

    id: int
    kind: str
    rule: dict[str, Any]
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    outcome: str | None
    blocked_by: list[dict[str, Any]]
    explanation: str | None
    votes: list[VoteView]


class AmendmentView(BaseModel):
    """An amendment tabled to a proposal."""

    id: int
    member: str
    changes: dict[str, Any]
    rationale: str
    status: str
    review_note: str | None
    created_at: dt.datetime


class ProposalView(BaseModel):
    """A list amendment proposal (white paper) with its amendments, ballot and resulting release."""

    id: int
    regime: str
    list_id: str
    proposer: str
    title: str
    rationale: str
    changes: dict[str, Any]
    diff: ListDiff | None
    effective: dt.date | None
    status: str
    created_at: dt.datetime
    circulated_at: dt.datetime | None
    decided_at: dt.datetime | None
    amendments: list[AmendmentView]
    ballot: BallotView | None
    release: int | None


class PositionView(BaseModel):
    """A member's private minimum on a proposal: shown to that member only."""

    proposal_id: int
    member: str
    minimum: str
    required_entries: list[str]
    missing_from_text: list[str]
    updated_at: dt.datetime


class ApplicationView(BaseModel):
    """A state's application for membership and the ballot on it."""

    id: int
    regime: str
    country: str
    name: str
    statement: str
    status: str
    submitted_at: dt.datetime
    decided_at: dt.datetime | None
    ballot: BallotView | None


def member_view(member: Member) -> MemberView:
    """The view of a member row."""
    return MemberView(country=member.country, name=member.name, since=member.since, founder=member.founder)


def release_view(release: ListRelease) -> ReleaseView:
    """The view of a release row."""
    return ReleaseView(
        regime=release.regime_id,
        list_id=release.list_id,
        number=release.number,
        effective=release.effective,
        proposal_id=release.proposal_id,
        entries=release.entries,
        removed=release.removed,
        diff=ListDiff.model_validate(release.diff),
        published_at=release.created_at,
    )


def ballot_view(ballot: Ballot) -> BallotView:
    """The view of a ballot row with its votes."""
    return BallotView(
        id=ballot.id,
        kind=ballot.kind,
        rule=ballot.rule,
        opened_at=ballot.opened_at,
        closed_at=ballot.closed_at,
        outcome=ballot.outcome,
        blocked_by=ballot.blocked_by,
        explanation=ballot.explanation,
        votes=[
            VoteView(member=v.member.country, position=v.position, reason=v.reason, cast_at=v.cast_at)
            for v in ballot.votes
        ],
    )


def amendment_view(amendment: Amendment) -> AmendmentView:
    """The view of an amendment row."""
    return AmendmentView(
        id=amendment.id,
        member=amendment.member.country,
        changes=amendment.changes,
        rationale=amendment.rationale,
        status=amendment.status,
        review_note=amendment.review_note,
        created_at=amendment.created_at,
    )


def proposal_view(
    proposal: Proposal, ballot: Ballot | None, release: int | None, diff: ListDiff | None
) -> ProposalView:
    """The view of a proposal row."""
    return ProposalView(
        id=proposal.id,
        regime=proposal.regime_id,
        list_id=proposal.list_id,
        proposer=proposal.proposer.country,
        title=proposal.title,
        rationale=proposal.rationale,
        changes=proposal.changes,
        diff=diff,
        effective=proposal.effective,
        status=proposal.status,
        created_at=proposal.created_at,
        circulated_at=proposal.circulated_at,
        decided_at=proposal.decided_at,
        amendments=[amendment_view(a) for a in proposal.amendments],
        ballot=ballot_view(ballot) if ballot else None,
        release=release,
    )


def application_view(application: Application, ballot: Ballot | None) -> ApplicationView:
    """The view of an application row."""
    return ApplicationView(
        id=application.id,
        regime=application.regime_id,
        country=application.country,
        name=application.name,
        statement=application.statement,
        status=application.status,
        submitted_at=application.submitted_at,
        decided_at=application.decided_at,
        ballot=ballot_view(ballot) if ballot else None,
    )
