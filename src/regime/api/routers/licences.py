"""Routes of licences: record, read, flag, draw, restore, cover; and a member's grants and denials."""

from __future__ import annotations

from fastapi import APIRouter, status
from pydantic import BaseModel, ConfigDict, Field

from regime.api.deps import Caller, Matcher, StoreDep
from regime.determine import Outcome
from regime.exchange.denials import DenialInput
from regime.exchange.licences import GrantInput
from regime.exchange.views import DenialView
from regime.licensing import ledger, member, register
from regime.licensing.cover import Shipment
from regime.licensing.determined import Cover
from regime.licensing.ledger import DrawInput, RestoreInput
from regime.licensing.member import GrantOutcome, MemberGrant
from regime.licensing.rates import Rate, RateTable
from regime.licensing.terms import LicenceInput
from regime.licensing.views import LicenceView, UsageView

router = APIRouter(tags=["licences"])


class DrawRequest(DrawInput):
    """A shipment to draw, with the exchange rates to convert its value (``{from, to, rate, date}``)."""

    rates: tuple[Rate, ...] = ()


class CoverRequest(BaseModel):
    """A shipment, the determination's outcome for it, and the rates to convert its value."""

    model_config = ConfigDict(extra="forbid")

    shipment: Shipment
    outcome: Outcome = Outcome.LICENCE_REQUIRED
    rates: tuple[Rate, ...] = ()


class Revocation(BaseModel):
    """Why a licence is revoked or surrendered."""

    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1)


def _rates(rates: tuple[Rate, ...]) -> RateTable:
    return RateTable(rates, "the request's rates")


@router.post("/licences", status_code=status.HTTP_201_CREATED)
def add(store: StoreDep, who: Caller, data: LicenceInput) -> LicenceView:
    """Record a licence (or a general authorisation registration, or an exception use) you hold."""
    return register.add(store, who, data)


@router.get("/licences")
def listing(store: StoreDep, who: Caller, flagged: bool = False) -> list[LicenceView]:
    """Your licences, soonest expiry first (``flagged``: only those near expiry or exhaustion, or not active)."""
    return register.listing(store, who, flagged_only=flagged)


@router.post("/licences/cover")
def cover(store: StoreDep, who: Caller, data: CoverRequest) -> Cover:
    """Which of your licences covers a shipment, or why each one does not."""
    return register.cover(store, who, data.shipment, _rates(data.rates), data.outcome)


@router.get("/licences/{licence_id}")
def get(store: StoreDep, who: Caller, licence_id: int) -> LicenceView:
    """One of your licences, with its balance and flags."""
    return register.get(store, who, licence_id)


@router.post("/licences/{licence_id}/revoke")
def revoke(store: StoreDep, who: Caller, licence_id: int, data: Revocation) -> LicenceView:
    """Mark a licence revoked or surrendered: nothing more can be drawn on it."""
    return register.revoke(store, who, licence_id, data.reason)


@router.post("/licences/{licence_id}/draws", status_code=status.HTTP_201_CREATED)
def draw(store: StoreDep, who: Caller, licence_id: int, data: DrawRequest) -> UsageView:
    """Draw a shipment on a licence; an over-draw is refused (409) and nothing is written."""
    return ledger.draw(store, who, licence_id, data, _rates(data.rates))


@router.get("/licences/{licence_id}/usage")
def usage(store: StoreDep, who: Caller, licence_id: int) -> list[UsageView]:
    """The licence's ledger: draws and restores, oldest first."""
    return ledger.history(store, who, licence_id)


@router.post("/licence-usage/{usage_id}/restore", status_code=status.HTTP_201_CREATED)
def restore(store: StoreDep, who: Caller, usage_id: int, data: RestoreInput) -> UsageView:
    """Restore (part of) a draw after a return or a cancelled shipment."""
    return ledger.restore(store, who, usage_id, data)


@router.post("/regimes/{regime_id}/licences/granted", status_code=status.HTTP_201_CREATED)
def grant(store: StoreDep, who: Caller, matcher: Matcher, regime_id: str, data: MemberGrant) -> GrantOutcome:
    """A licensing officer records a licence granted: essentially identical denials are checked first."""
    return member.grant(store, who, regime_id, data, matcher)


@router.post("/regimes/{regime_id}/licences/granted/{case_id}/complete")
def complete(store: StoreDep, who: Caller, regime_id: str, case_id: int, data: GrantInput) -> GrantOutcome:
    """Grant a licence whose consultations are over, and activate it."""
    return member.complete(store, who, regime_id, case_id, data)


@router.post("/regimes/{regime_id}/licences/denied", status_code=status.HTTP_201_CREATED)
def deny(store: StoreDep, who: Caller, regime_id: str, data: DenialInput) -> DenialView:
    """A licensing officer records a licence denied: notified to the members as a denial."""
    return member.deny(store, who, regime_id, data)
