"""Private positions: the minimum a member needs from a proposal, decided in advance (the essay's advice).

A position is seen by the member that recorded it and by nobody else — not other members, not
their chairs or secretariat. The audit log records that a position was set and a digest of it,
never its text. ``missing_from_text`` tells the member which entries it requires are not (or no
longer) in the proposal's current text, amendments included.
"""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from regime.errors import NotFoundError
from regime.governance.access import Principal, Role, require_member, require_role
from regime.governance.errors import AccessDeniedError
from regime.governance.listdiff import ListChanges
from regime.governance.proposals import visible_proposal
from regime.governance.views import PositionView
from regime.store import Store
from regime.store.audit import canonical
from regime.store.models import PrivatePosition, Proposal


class PositionInput(BaseModel):
    """The minimum a member needs, in words, and the entries it cannot do without."""

    model_config = ConfigDict(extra="forbid")

    minimum: str = Field(min_length=1)
    required_entries: list[str] = Field(default_factory=list)


def _view(proposal: Proposal, position: PrivatePosition, country: str) -> PositionView:
    text = ListChanges.model_validate(proposal.changes)
    present = {entry["id"] for entry in text.entries}
    return PositionView(
        proposal_id=proposal.id,
        member=country,
        minimum=position.minimum,
        required_entries=position.required_entries,
        missing_from_text=[e for e in position.required_entries if e not in present],
        updated_at=position.updated_at,
    )


def record(store: Store, who: Principal, regime_id: str, proposal_id: int, data: PositionInput) -> PositionView:
    """Record (or replace) the caller's member's private minimum on a proposal it can see."""
    member_id = require_role(who, regime_id, Role.LIST_EXPERT, Role.CHAIR)
    with store.change(who.actor) as change:
        proposal = visible_proposal(change.session, who, regime_id, proposal_id)
        query = select(PrivatePosition).where(
            PrivatePosition.proposal_id == proposal.id, PrivatePosition.member_id == member_id
        )
        position = change.session.scalar(query)
        if position is None:
            position = PrivatePosition(proposal_id=proposal.id, member_id=member_id)
            change.session.add(position)
        position.minimum, position.required_entries, position.updated_at = (
            data.minimum,
            data.required_entries,
            change.at,
        )
        digest = hashlib.sha256(canonical(data.model_dump()).encode()).hexdigest()
        change.audit("position.record", f"proposal:{proposal.id}", {"member": who.country, "sha256": digest})
        return _view(proposal, position, who.country or "")


def read(store: Store, who: Principal, regime_id: str, proposal_id: int, country: str | None = None) -> PositionView:
    """The caller's member's own private minimum; asking for another member's is refused."""
    member_id = require_member(who, regime_id)
    if country is not None and country.upper() != who.country:
        raise AccessDeniedError(
            f"a private position is seen only by the member that recorded it: "
            f"{who.describe()} cannot read {country.upper()}'s"
        )
    with store.read() as session:
        proposal = visible_proposal(session, who, regime_id, proposal_id)
        query = select(PrivatePosition).where(
            PrivatePosition.proposal_id == proposal.id, PrivatePosition.member_id == member_id
        )
        position = session.scalar(query)
        if position is None:
            raise NotFoundError(f"{who.country} has recorded no private position on proposal {proposal_id}")
        return _view(proposal, position, who.country or "")
