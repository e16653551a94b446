"""Flags on a licence: expired or near expiry, exhausted or near exhaustion, not active.

Pure, given today's date: a licence is near expiry within ``near_days`` of its last day and near
exhaustion when what is left of its quantity or value is at most ``near_share`` of the limit.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

NEAR_EXPIRY_DAYS = 30
NEAR_EXHAUSTION_SHARE = Decimal("0.10")
FlagCode = Literal["not_active", "expired", "near_expiry", "exhausted", "near_exhaustion"]


class Flag(BaseModel):
    """A flag: a code and a sentence."""

    model_config = ConfigDict(frozen=True)

    code: FlagCode
    message: str


def _left(what: str, remaining: int | None, limit: int | None, share: Decimal) -> list[Flag]:
    if remaining is None or limit is None:
        return []
    if remaining == 0:
        return [Flag(code="exhausted", message=f"its {what} is used up")]
    if limit and Decimal(remaining) <= share * limit:
        return [Flag(code="near_exhaustion", message=f"{remaining / limit:.0%} of its {what} is left")]
    return []


def flags(
    *,
    status: str,
    expires_on: dt.date,
    quantity: tuple[int | None, int | None],
    value: tuple[int | None, int | None],
    today: dt.date,
    near_days: int = NEAR_EXPIRY_DAYS,
    near_share: Decimal = NEAR_EXHAUSTION_SHARE,
) -> list[Flag]:
    """The flags of a licence with ``(remaining, limit)`` of quantity and value (minor units)."""
    found = [] if status == "active" else [Flag(code="not_active", message=f"it is {status}")]
    if expires_on < today:
        found.append(Flag(code="expired", message=f"it expired on {expires_on}"))
    elif (expires_on - today).days <= near_days:
        found.append(
            Flag(code="near_expiry", message=f"it expires on {expires_on}, in {(expires_on - today).days} days")
        )
    found += _left("quantity", *quantity, near_share)
    found += _left("value", *value, near_share)
    return found
