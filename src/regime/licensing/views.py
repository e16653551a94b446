"""What the licensing services hand to the faces: licences with their balance and flags, and ledger lines."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel

from regime.licensing.cover import Terms
from regime.licensing.flags import Flag, flags
from regime.licensing.money import from_minor
from regime.licensing.terms import Condition, LicensedItem
from regime.store.models import Licence, LicenceUsage


class LicenceView(BaseModel):
    """A licence: its terms, limits, what is left, and its flags as of today."""

    id: int
    kind: str
    authorisation: str | None
    issuing_member: str
    authority: str
    number: str
    holder: str
    items: list[LicensedItem]
    destinations: list[str]
    consignees: list[str]
    end_users: list[str]
    conditions: list[Condition]
    currency: str
    quantity_limit: int | None
    quantity_remaining: int | None
    value_limit: Decimal | None
    value_remaining: Decimal | None
    valid_from: dt.date
    expires_on: dt.date
    status: str
    exchange_case_id: int | None
    flags: list[Flag]


class UsageView(BaseModel):
    """One ledger line: a draw, or a restore of (part of) a draw; amounts in the licence's currency."""

    id: int
    licence_id: int
    kind: str
    shipment: str
    quantity: int
    value: Decimal
    currency: str
    original_value: Decimal | None
    original_currency: str | None
    rate: Decimal | None
    draw_id: int | None
    restored_quantity: int
    restored_value: Decimal
    note: str
    by: str
    at: dt.datetime


def _money(units: int | None, currency: str) -> Decimal | None:
    return None if units is None else from_minor(units, currency)


def terms_of(licence: Licence) -> Terms:
    """The terms the cover check reads."""
    return Terms.model_validate(licence)


def licence_view(licence: Licence, today: dt.date) -> LicenceView:
    """The view of a licence row as of ``today``."""
    return LicenceView(
        id=licence.id,
        kind=licence.kind,
        authorisation=licence.authorisation,
        issuing_member=licence.issuing_member,
        authority=licence.authority,
        number=licence.number,
        holder=licence.holder,
        items=[LicensedItem.model_validate(i) for i in licence.items],
        destinations=licence.destinations,
        consignees=licence.consignees,
        end_users=licence.end_users,
        conditions=[Condition.model_validate(c) for c in licence.conditions],
        currency=licence.currency,
        quantity_limit=licence.quantity_limit,
        quantity_remaining=licence.quantity_remaining,
        value_limit=_money(licence.value_limit, licence.currency),
        value_remaining=_money(licence.value_remaining, licence.currency),
        valid_from=licence.valid_from,
        expires_on=licence.expires_on,
        status=licence.status,
        exchange_case_id=licence.exchange_case_id,
        flags=flags(
            status=licence.status,
            expires_on=licence.expires_on,
            quantity=(licence.quantity_remaining, licence.quantity_limit),
            value=(licence.value_remaining, licence.value_limit),
            today=today,
        ),
    )


def usage_view(usage: LicenceUsage, currency: str) -> UsageView:
    """The view of a ledger line of a licence in ``currency``."""
    return UsageView(
        id=usage.id,
        licence_id=usage.licence_id,
        kind=usage.kind,
        shipment=usage.shipment,
        quantity=usage.quantity,
        value=from_minor(usage.value, currency),
        currency=currency,
        original_value=Decimal(usage.original_value) if usage.original_value else None,
        original_currency=usage.original_currency,
        rate=Decimal(usage.rate) if usage.rate else None,
        draw_id=usage.draw_id,
        restored_quantity=usage.restored_quantity,
        restored_value=from_minor(usage.restored_value, currency),
        note=usage.note,
        by=usage.by,
        at=usage.at,
    )
