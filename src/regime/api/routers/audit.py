"""Route to verify the audit chain (members only): who did what and when, tamper-evident."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from regime.api.deps import Caller, StoreDep
from regime.governance.access import require_member
from regime.store import audit

router = APIRouter(prefix="/regimes/{regime_id}/audit", tags=["audit"])


class ChainStatus(BaseModel):
    """The audit chain: how many rows, intact or not, the first broken row and why."""

    rows: int
    intact: bool
    broken_at: int | None
    problem: str | None


@router.get("/verify")
def verify(store: StoreDep, who: Caller, regime_id: str) -> ChainStatus:
    """Recompute every link of the audit chain."""
    require_member(who, regime_id)
    with store.read() as session:
        report = audit.verify(session)
    return ChainStatus(rows=report.rows, intact=report.intact, broken_at=report.broken_at, problem=report.problem)
