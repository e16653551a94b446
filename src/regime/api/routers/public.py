"""Public routes: regimes and published list releases. No token needed; exporters and the public see these."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter

from regime.api.deps import StoreDep
from regime.governance import public
from regime.governance.views import RegimeView, ReleaseView

router = APIRouter(tags=["public"])


@router.get("/regimes")
def list_regimes(store: StoreDep) -> list[RegimeView]:
    """Every regime: definition, members, chairs and warnings about how the chairs are spread."""
    return public.regimes(store)


@router.get("/regimes/{regime_id}")
def get_regime(store: StoreDep, regime_id: str) -> RegimeView:
    """One regime."""
    return public.regime(store, regime_id)


@router.get("/regimes/{regime_id}/releases")
def list_releases(store: StoreDep, regime_id: str, list_id: str | None = None) -> list[ReleaseView]:
    """Published list releases, oldest first (of one list with ``list_id``)."""
    return public.releases(store, regime_id, list_id)


@router.get("/regimes/{regime_id}/lists/{list_id}/releases/{number}")
def get_release(store: StoreDep, regime_id: str, list_id: str, number: int) -> ReleaseView:
    """One published release, with the entry documents it changed and its diff."""
    return public.release(store, regime_id, list_id, number)


@router.get("/regimes/{regime_id}/lists/{list_id}/entries")
def list_entries(store: StoreDep, regime_id: str, list_id: str, on: dt.date | None = None) -> dict[str, Any]:
    """The entries as the published releases leave them on ``on`` (default: all releases)."""
    return public.entries(store, regime_id, list_id, on)
