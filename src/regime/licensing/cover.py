"""Does a licence cover a shipment? Pure: the licence's terms and the shipment in, a verdict with reasons out.

Every candidate is checked against every term, so a refusal lists all the reasons it fails, each
with a code a machine can read: ``status``, ``issuer``, ``authorisation``, ``item``, ``destination``,
``consignee``, ``end_user``, ``not_yet_valid``, ``expired``, ``condition``, ``value_unknown``,
``rate_missing``, ``quantity_exhausted``, ``value_exhausted``. Party names are compared after
normalisation (case, accents, punctuation). Among the licences that fit, the one expiring first is used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from regime.exchange.matching import normalise_name
from regime.licensing.money import Money, from_minor, quantize
from regime.licensing.rates import MissingRateError, RateTable
from regime.licensing.terms import AUTHORISATION_KINDS, NO_REEXPORT, Condition, Country, EntryRef, LicensedItem

ReasonCode = Literal[
    "status", "issuer", "authorisation", "item", "destination", "consignee", "end_user", "not_yet_valid",
    "expired", "condition", "value_unknown", "rate_missing", "quantity_exhausted", "value_exhausted",
]  # fmt: skip
ShipmentKind = Literal["export", "reexport", "transfer", "deemed_export", "deemed_reexport"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Shipment(_Frozen):
    """What is to be shipped under a licence: the determined transaction, in the terms licences use."""

    date: dt.date
    issuer: Country = Field(description="the member whose authorisation the shipment needs (US, NL, EU ...)")
    kind: ShipmentKind = "export"
    classes: tuple[EntryRef, ...] = ()
    product: str | None = None
    destination: Country
    consignee: str | None = None
    end_user: str | None = None
    quantity: int = Field(default=1, ge=1)
    value: Money | None = None
    declared: tuple[str, ...] = Field(default=(), description="condition codes the exporter has met (on file)")
    exceptions: tuple[str, ...] = Field(default=(), description="authorisations the determination found available")


class Terms(_Frozen):
    """A licence's terms and balance as the store holds them (amounts in minor units)."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    number: str
    kind: str
    authorisation: str | None
    issuing_member: str
    status: str
    items: tuple[LicensedItem, ...]
    destinations: tuple[str, ...]
    consignees: tuple[str, ...]
    end_users: tuple[str, ...]
    conditions: tuple[Condition, ...]
    currency: str
    quantity_remaining: int | None
    value_remaining: int | None
    valid_from: dt.date
    expires_on: dt.date


class Reason(_Frozen):
    """Why a licence does not fit: a code and a sentence."""

    code: ReasonCode
    message: str


class Candidate(_Frozen):
    """One licence checked: whether it fits, why not, and what the shipment would draw on it."""

    licence_id: int
    number: str
    fits: bool
    reasons: tuple[Reason, ...] = ()
    quantity: int = 0
    value: Decimal | None = Field(default=None, description="the shipment's value in the licence's currency")
    rate: Decimal | None = None


def covers_class(item: LicensedItem, cls: str) -> bool:
    """A licensed entry covers itself and every paragraph under it (``3A090`` covers ``3A090.a.1``)."""
    return item.entry is not None and (cls == item.entry or cls.startswith(item.entry + "."))


def _item_reasons(terms: Terms, shipment: Shipment) -> list[Reason]:
    if shipment.product is not None and any(i.product == shipment.product for i in terms.items):
        return []
    uncovered = [c for c in shipment.classes if not any(covers_class(i, c) for i in terms.items)]
    if shipment.classes and not uncovered:
        return []
    licensed = ", ".join(i.label for i in terms.items)
    what = ", ".join(uncovered) or (f"product {shipment.product}" if shipment.product else "unclassified")
    return [Reason(code="item", message=f"covers {licensed}; not {what}")]


def _party_reasons(terms: Terms, shipment: Shipment) -> list[Reason]:
    parties: tuple[tuple[ReasonCode, tuple[str, ...], str | None], ...] = (
        ("consignee", terms.consignees, shipment.consignee),
        ("end_user", terms.end_users, shipment.end_user),
    )
    reasons = []
    for code, named, given in parties:
        if not named:
            continue
        role, licensed = code.replace("_", " "), ", ".join(named)
        if given is None:
            reasons.append(Reason(code=code, message=f"names the {role} {licensed}; the shipment names none"))
        elif normalise_name(given) not in {normalise_name(n) for n in named}:
            reasons.append(Reason(code=code, message=f"names the {role} {licensed}; not {given!r}"))
    return reasons


def _term_reasons(terms: Terms, shipment: Shipment) -> list[Reason]:
    reasons = []
    if terms.status != "active":
        reasons.append(Reason(code="status", message=f"is {terms.status}, not active"))
    if terms.issuing_member != shipment.issuer:
        reasons.append(
            Reason(code="issuer", message=f"was issued by {terms.issuing_member}; {shipment.issuer}'s is needed")
        )
    if terms.kind in AUTHORISATION_KINDS and terms.authorisation not in shipment.exceptions:
        available = ", ".join(shipment.exceptions) or "none"
        reasons.append(
            Reason(
                code="authorisation",
                message=f"{terms.authorisation} is not available for this shipment (available: {available})",
            )
        )
    reasons += _item_reasons(terms, shipment)
    if shipment.destination not in terms.destinations:
        reasons.append(
            Reason(code="destination", message=f"covers {', '.join(terms.destinations)}; not {shipment.destination}")
        )
    reasons += _party_reasons(terms, shipment)
    if shipment.date < terms.valid_from:
        reasons.append(
            Reason(
                code="not_yet_valid", message=f"is valid from {terms.valid_from}; the shipment is on {shipment.date}"
            )
        )
    if shipment.date > terms.expires_on:
        reasons.append(
            Reason(code="expired", message=f"expired on {terms.expires_on}; the shipment is on {shipment.date}")
        )
    for condition in terms.conditions:
        if condition.code == NO_REEXPORT and shipment.kind != "export":
            reasons.append(
                Reason(code="condition", message=f"forbids re-export; this is a {shipment.kind.replace('_', ' ')}")
            )
        elif condition.code != NO_REEXPORT and condition.code not in shipment.declared:
            reasons.append(
                Reason(code="condition", message=f"requires {condition.text or condition.code} (not declared)")
            )
    return reasons


def _balance(terms: Terms, shipment: Shipment, rates: RateTable) -> tuple[list[Reason], Decimal | None, Decimal | None]:
    reasons: list[Reason] = []
    value = rate = None
    if terms.quantity_remaining is not None and shipment.quantity > terms.quantity_remaining:
        reasons.append(
            Reason(
                code="quantity_exhausted",
                message=f"has {terms.quantity_remaining} units left; the shipment is {shipment.quantity}",
            )
        )
    if shipment.value is not None:
        try:
            raw, rate = rates.convert(shipment.value.amount, shipment.value.currency, terms.currency, shipment.date)
            value = quantize(raw, terms.currency)
        except MissingRateError as error:
            reasons.append(Reason(code="rate_missing", message=str(error)))
    if terms.value_remaining is None:
        return reasons, value, rate
    left = from_minor(terms.value_remaining, terms.currency)
    if shipment.value is None:
        reasons.append(
            Reason(
                code="value_unknown",
                message=f"has a value limit ({left} {terms.currency} left); the shipment's value is not given",
            )
        )
    elif value is not None and value > left:
        reasons.append(
            Reason(
                code="value_exhausted",
                message=f"has {left} {terms.currency} left; the shipment is {value} {terms.currency} ({shipment.value})",
            )
        )
    return reasons, value, rate


def check(terms: Terms, shipment: Shipment, rates: RateTable) -> Candidate:
    """Every reason ``terms`` does not cover ``shipment`` (none: it fits), and what it would draw."""
    balance, value, rate = _balance(terms, shipment, rates)
    reasons = (*_term_reasons(terms, shipment), *balance)
    return Candidate(
        licence_id=terms.id,
        number=terms.number,
        fits=not reasons,
        reasons=reasons,
        quantity=shipment.quantity,
        value=value,
        rate=rate,
    )


def best(candidates: Iterable[tuple[Terms, Candidate]]) -> Candidate | None:
    """The fitting candidate whose licence expires first (then the lowest id)."""
    fitting = sorted(((t.expires_on, t.id), c) for t, c in candidates if c.fits)
    return fitting[0][1] if fitting else None
