"""List amendment proposals (white papers), their amendments, members' private minimums, applications."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from regime.store.base import Base
from regime.store.models.regime import Member


class Proposal(Base):
    """A white paper: entry documents to add or change, entries to remove, and the rationale."""

    __tablename__ = "proposals"

    id: Mapped[int] = mapped_column(primary_key=True)
    regime_id: Mapped[str] = mapped_column(ForeignKey("regimes.id"), index=True)
    list_id: Mapped[str] = mapped_column(String(64))
    proposer_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    title: Mapped[str] = mapped_column(String(300))
    rationale: Mapped[str] = mapped_column(Text)
    changes: Mapped[dict[str, Any]]
    effective: Mapped[dt.date | None]
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime]
    circulated_at: Mapped[dt.datetime | None]
    decided_at: Mapped[dt.datetime | None]

    proposer: Mapped[Member] = relationship()
    amendments: Mapped[list[Amendment]] = relationship(order_by="Amendment.id")


class Amendment(Base):
    """Changes another member tables to a circulated proposal; the working group accepts or rejects it."""

    __tablename__ = "amendments"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    changes: Mapped[dict[str, Any]]
    rationale: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    review_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime]

    member: Mapped[Member] = relationship()


class PrivatePosition(Base):
    """The minimum a member needs from a proposal, decided in advance: visible to that member only."""

    __tablename__ = "private_positions"
    __table_args__ = (UniqueConstraint("proposal_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("proposals.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    minimum: Mapped[str] = mapped_column(Text)
    required_entries: Mapped[list[str]]
    updated_at: Mapped[dt.datetime]


class Application(Base):
    """A state's application to join a regime, decided under the regime's admission rule."""

    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    regime_id: Mapped[str] = mapped_column(ForeignKey("regimes.id"), index=True)
    country: Mapped[str] = mapped_column(String(2))
    name: Mapped[str] = mapped_column(String(200))
    statement: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    submitted_at: Mapped[dt.datetime]
    decided_at: Mapped[dt.datetime | None]
