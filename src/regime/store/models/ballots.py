"""Ballots (a question put to the members under a decision rule) and the members' votes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from regime.store.base import Base
from regime.store.models.regime import Member

ONE_SUBJECT = (
    "(CASE WHEN proposal_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN application_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN case_id IS NULL THEN 0 ELSE 1 END) = 1"
)


class Ballot(Base):
    """A decision put to the members: adopt a proposal, admit an applicant, allow an export case.

    ``rule`` is the decision rule applied (copied from the regime definition when the ballot opened);
    once closed, ``outcome`` is ``adopted`` or ``blocked`` and ``blocked_by`` names who blocked and why.
    """

    __tablename__ = "ballots"
    __table_args__ = (CheckConstraint(ONE_SUBJECT, name="one_subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    regime_id: Mapped[str] = mapped_column(ForeignKey("regimes.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("proposals.id"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("licence_cases.id"), index=True)
    rule: Mapped[dict[str, Any]]
    opened_at: Mapped[dt.datetime]
    closed_at: Mapped[dt.datetime | None]
    outcome: Mapped[str | None] = mapped_column(String(20))
    blocked_by: Mapped[list[dict[str, Any]]]
    explanation: Mapped[str | None] = mapped_column(Text)

    votes: Mapped[list[Vote]] = relationship(order_by="Vote.id", lazy="selectin")


class Vote(Base):
    """One member's position on a ballot (yes, no, abstain), with its reason; recast until closed."""

    __tablename__ = "votes"
    __table_args__ = (UniqueConstraint("ballot_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ballot_id: Mapped[int] = mapped_column(ForeignKey("ballots.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    position: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    cast_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    cast_at: Mapped[dt.datetime]

    member: Mapped[Member] = relationship(lazy="joined")
