"""Compliance cases: a transaction under review, its state history, screening hits and notices,
and the decision memory of screening hits cleared or confirmed by a reviewer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from regime.store.base import Base


class ComplianceCase(Base):
    """A transaction under review (``transaction`` is the determination engine's transaction as JSON).

    ``classification``, ``screening`` and ``determinations`` are the records the guards read;
    ``checked_lists`` maps each list the case was checked against to the version it was checked at.
    """

    __tablename__ = "compliance_cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(220), index=True)
    reference: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(20), index=True)
    transaction: Mapped[dict[str, Any]]
    classification: Mapped[dict[str, Any] | None]
    screening: Mapped[dict[str, Any] | None]
    determinations: Mapped[list[dict[str, Any]]]
    checked_lists: Mapped[dict[str, Any]]
    licence_id: Mapped[int | None] = mapped_column(ForeignKey("licences.id"))
    ship_from: Mapped[dt.date | None]
    ship_until: Mapped[dt.date | None]
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]

    events: Mapped[list[CaseEvent]] = relationship(order_by="CaseEvent.id", lazy="selectin")
    hits: Mapped[list[CaseHit]] = relationship(order_by="CaseHit.id", lazy="selectin")
    notices: Mapped[list[CaseNotice]] = relationship(order_by="CaseNotice.id", lazy="selectin")


class CaseEvent(Base):
    """One transition of a case: from which state to which, by whom acting in which role, and why."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("compliance_cases.id"), index=True)
    action: Mapped[str] = mapped_column(String(30))
    from_state: Mapped[str] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime]


class CaseHit(Base):
    """A screening hit of one party of a case against one list entry, and what became of it.

    ``status`` is ``open``, ``cleared`` (false positive), ``confirmed``, or ``auto_cleared`` /
    ``auto_confirmed`` when the decision memory (``memory_id``) decided it again.
    """

    __tablename__ = "case_hits"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("compliance_cases.id"), index=True)
    screening_round: Mapped[int]
    party: Mapped[str] = mapped_column(String(300))
    party_role: Mapped[str] = mapped_column(String(40))
    list_source: Mapped[str] = mapped_column(String(200))
    list_version: Mapped[str] = mapped_column(String(100))
    list_code: Mapped[str] = mapped_column(String(40))
    entry_id: Mapped[str] = mapped_column(String(200))
    entry_name: Mapped[str] = mapped_column(String(500))
    entry_hash: Mapped[str] = mapped_column(String(64))
    score: Mapped[float]
    prohibited: Mapped[bool]
    legal_effect: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    memory_id: Mapped[int | None] = mapped_column(ForeignKey("screening_decisions.id"))
    decided_by: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str | None] = mapped_column(Text)


class ScreeningDecision(Base):
    """Decision memory: a reviewer's verdict on a name against a list entry, reused until either changes.

    Keyed by the owner, the normalised name, the list, the entry id and the SHA-256 of the entry's
    content: a changed entry or a differently written name finds no decision and is reviewed afresh.
    """

    __tablename__ = "screening_decisions"
    __table_args__ = (UniqueConstraint("owner", "name_key", "list_code", "entry_id", "entry_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(220))
    name_key: Mapped[str] = mapped_column(String(300))
    list_code: Mapped[str] = mapped_column(String(40))
    entry_id: Mapped[str] = mapped_column(String(200))
    entry_hash: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[dt.datetime]
    case_id: Mapped[int] = mapped_column(ForeignKey("compliance_cases.id"))


class CaseNotice(Base):
    """A flag raised on a case by a list change: ``re_review``, or ``urgent`` for a newly listed party."""

    __tablename__ = "case_notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("compliance_cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    message: Mapped[str] = mapped_column(Text)
    list_id: Mapped[str] = mapped_column(String(200))
    old_version: Mapped[str] = mapped_column(String(100))
    new_version: Mapped[str] = mapped_column(String(100))
    raised_at: Mapped[dt.datetime]
    acknowledged_at: Mapped[dt.datetime | None]
    acknowledged_by: Mapped[str | None] = mapped_column(String(200))
