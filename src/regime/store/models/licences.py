"""Licences a company or a member state holds, and the ledger of shipments drawn on them.

Money is kept as whole minor units of the licence's currency (cents, yen, fils) in integer columns,
so balances are exact on both backends and a draw is one integer ``UPDATE``. ``None`` limits mean
the licence sets no limit of that kind. The check constraints are the last line against an over-draw.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from regime.store.base import Base


class Licence(Base):
    """A licence, or a general authorisation or licence exception the holder registered to use.

    ``authorisation`` names the general authorisation or exception (``EU001``, ``LVS``) a
    registration is for. ``owner`` is who keeps the record (``member:US`` for a member state's officials, ``user:NAME``
    for an exporter); ``items``, ``destinations``, ``consignees``, ``end_users`` and ``conditions``
    are the licence's terms as JSON; ``exchange_case_id`` links a member's grant to its no-undercut case.
    """

    __tablename__ = "licences"
    __table_args__ = (
        UniqueConstraint("owner", "issuing_member", "number"),
        CheckConstraint("quantity_remaining IS NULL OR quantity_remaining >= 0", name="quantity_not_negative"),
        CheckConstraint("value_remaining IS NULL OR value_remaining >= 0", name="value_not_negative"),
        CheckConstraint("quantity_remaining IS NULL OR quantity_remaining <= quantity_limit", name="quantity_in_limit"),
        CheckConstraint("value_remaining IS NULL OR value_remaining <= value_limit", name="value_in_limit"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(220), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    authorisation: Mapped[str | None] = mapped_column(String(40))
    issuing_member: Mapped[str] = mapped_column(String(2))
    authority: Mapped[str] = mapped_column(String(200))
    number: Mapped[str] = mapped_column(String(100))
    holder: Mapped[str] = mapped_column(String(300))
    items: Mapped[list[dict[str, Any]]]
    destinations: Mapped[list[str]]
    consignees: Mapped[list[str]]
    end_users: Mapped[list[str]]
    conditions: Mapped[list[dict[str, Any]]]
    currency: Mapped[str] = mapped_column(String(3))
    quantity_limit: Mapped[int | None] = mapped_column(BigInteger)
    quantity_remaining: Mapped[int | None] = mapped_column(BigInteger)
    value_limit: Mapped[int | None] = mapped_column(BigInteger)
    value_remaining: Mapped[int | None] = mapped_column(BigInteger)
    valid_from: Mapped[dt.date]
    expires_on: Mapped[dt.date]
    status: Mapped[str] = mapped_column(String(20))
    exchange_regime_id: Mapped[str | None] = mapped_column(String(64))
    exchange_case_id: Mapped[int | None] = mapped_column(ForeignKey("licence_cases.id"), index=True)
    created_at: Mapped[dt.datetime]


class LicenceUsage(Base):
    """One line of a licence's ledger: a shipment drawn on it, or a return or cancellation restoring it.

    A shipment is drawn once per licence (a unique index over the draws). A draw keeps what it took in the licence's currency (minor units) and, when the shipment was
    priced in another currency, the original amount and the rate used. A restore points at its draw;
    ``restored_quantity`` and ``restored_value`` on the draw say how much of it has come back.
    """

    __tablename__ = "licence_usage"
    __table_args__ = (
        Index(
            "uq_licence_usage_draw",
            "licence_id",
            "shipment",
            unique=True,
            sqlite_where=text("kind = 'draw'"),
            postgresql_where=text("kind = 'draw'"),
        ),
        CheckConstraint("restored_quantity <= quantity", name="restored_quantity_in_draw"),
        CheckConstraint("restored_value <= value", name="restored_value_in_draw"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    licence_id: Mapped[int] = mapped_column(ForeignKey("licences.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    shipment: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(BigInteger)
    value: Mapped[int] = mapped_column(BigInteger)
    original_value: Mapped[str | None] = mapped_column(String(40))
    original_currency: Mapped[str | None] = mapped_column(String(3))
    rate: Mapped[str | None] = mapped_column(String(40))
    draw_id: Mapped[int | None] = mapped_column(ForeignKey("licence_usage.id"), index=True)
    restored_quantity: Mapped[int] = mapped_column(BigInteger, default=0)
    restored_value: Mapped[int] = mapped_column(BigInteger, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime]
