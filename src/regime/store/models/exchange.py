"""Denial notifications, licence cases (a licence a member considers granting) and consultations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from regime.store.base import Base
from regime.store.models.regime import Member


class Denial(Base):
    """A licence a member refused, notified to the other members; in force until it expires or is revoked."""

    __tablename__ = "denials"

    id: Mapped[int] = mapped_column(primary_key=True)
    regime_id: Mapped[str] = mapped_column(ForeignKey("regimes.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    list_id: Mapped[str] = mapped_column(String(64))
    entry_id: Mapped[str] = mapped_column(String(64), index=True)
    parameters: Mapped[dict[str, Any]]
    consignee: Mapped[str] = mapped_column(String(300))
    end_user: Mapped[str] = mapped_column(String(300))
    destination: Mapped[str] = mapped_column(String(2))
    reason: Mapped[str] = mapped_column(Text)
    denied_on: Mapped[dt.date]
    notified_at: Mapped[dt.datetime]
    notified_late: Mapped[bool]
    expires_on: Mapped[dt.date]
    renewals: Mapped[int] = mapped_column(default=0)
    revoked_on: Mapped[dt.date | None]
    reviewed_on: Mapped[dt.date | None]
    review_note: Mapped[str | None] = mapped_column(Text)

    member: Mapped[Member] = relationship()


class LicenceCase(Base):
    """A licence a member considers granting: checked against denials in force, then granted or not.

    ``matches`` lists the denials in force found essentially identical when the case opened (with
    the reasons); ``undercut`` those the grant went against, notified to all members with the reasons.
    """

    __tablename__ = "licence_cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    regime_id: Mapped[str] = mapped_column(ForeignKey("regimes.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    list_id: Mapped[str] = mapped_column(String(64))
    entry_id: Mapped[str] = mapped_column(String(64))
    parameters: Mapped[dict[str, Any]]
    consignee: Mapped[str] = mapped_column(String(300))
    end_user: Mapped[str] = mapped_column(String(300))
    destination: Mapped[str] = mapped_column(String(2))
    status: Mapped[str] = mapped_column(String(20))
    opened_at: Mapped[dt.datetime]
    granted_on: Mapped[dt.date | None]
    grant_reasons: Mapped[str | None] = mapped_column(Text)
    matches: Mapped[list[dict[str, Any]]]
    undercut: Mapped[list[dict[str, Any]]]

    member: Mapped[Member] = relationship()
    consultations: Mapped[list[Consultation]] = relationship(order_by="Consultation.id")


class Consultation(Base):
    """A consultation of a denying member before an essentially identical licence is granted.

    ``answer`` is ``identical`` (the denying member holds the transaction essentially identical),
    ``not_identical``, or empty: after ``deadline`` silence counts as the regime's definition says.
    """

    __tablename__ = "consultations"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("licence_cases.id"), index=True)
    denial_id: Mapped[int] = mapped_column(ForeignKey("denials.id"))
    denying_member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    opened_on: Mapped[dt.date]
    deadline: Mapped[dt.date]
    extended: Mapped[bool] = mapped_column(default=False)
    answer: Mapped[str | None] = mapped_column(String(20))
    answer_note: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[dt.datetime | None]

    denial: Mapped[Denial] = relationship()
    denying_member: Mapped[Member] = relationship()
