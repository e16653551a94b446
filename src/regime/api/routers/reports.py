"""Routes of the periodic aggregate reports members owe."""

from __future__ import annotations

from fastapi import APIRouter

from regime.api.deps import Caller, StoreDep
from regime.exchange import reports
from regime.exchange.views import MemberReport

router = APIRouter(prefix="/regimes/{regime_id}/reports", tags=["reports"])


@router.get("")
def report(
    store: StoreDep, who: Caller, regime_id: str, period: str | None = None, member: str | None = None
) -> MemberReport:
    """Your member's report for ``period`` (default: the last complete one); the secretariat may ask for any."""
    return reports.report(store, who, regime_id, period, member)
