"""Routes of denial notifications: members only."""

from __future__ import annotations

from fastapi import APIRouter, status

from regime.api.deps import Caller, StoreDep
from regime.exchange import denials
from regime.exchange.denials import DenialInput, DenialReview
from regime.exchange.views import DenialView

router = APIRouter(prefix="/regimes/{regime_id}/denials", tags=["denials"])


@router.post("", status_code=status.HTTP_201_CREATED)
def notify(store: StoreDep, who: Caller, regime_id: str, data: DenialInput) -> DenialView:
    """Notify your member's denial to the other members (licensing officer)."""
    return denials.notify(store, who, regime_id, data)


@router.get("")
def list_denials(store: StoreDep, who: Caller, regime_id: str, include_lapsed: bool = False) -> list[DenialView]:
    """Denials in force (with ``include_lapsed``, expired and revoked ones too)."""
    return denials.listing(store, who, regime_id, include_lapsed=include_lapsed)


@router.get("/due-for-review")
def due(store: StoreDep, who: Caller, regime_id: str, within_days: int = 90) -> list[DenialView]:
    """Your member's denials that expire within ``within_days``."""
    return denials.due_for_review(store, who, regime_id, within_days)


@router.get("/{denial_id}")
def get_denial(store: StoreDep, who: Caller, regime_id: str, denial_id: int) -> DenialView:
    """One denial."""
    return denials.get(store, who, regime_id, denial_id)


@router.post("/{denial_id}/review")
def review(store: StoreDep, who: Caller, regime_id: str, denial_id: int, data: DenialReview) -> DenialView:
    """Review your member's denial: maintain (renewed for another validity period) or revoke."""
    return denials.review(store, who, regime_id, denial_id, data)
