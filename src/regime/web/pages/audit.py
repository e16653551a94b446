"""The audit log as a member sees it: the chain's integrity, and what its own officials did.

Rows of other members are not shown: their payloads may hold drafts and licence cases the
member may not see (private positions are only a digest there, but drafts are whole).
"""

from __future__ import annotations

import json

from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlalchemy import func, select

from regime.governance.access import require_member
from regime.store import audit
from regime.store.models import AuditEntry
from regime.web.errors import page_router
from regime.web.session import require_principal
from regime.web.templating import page

router = page_router()
SHOWN = 200


@router.get("/regime/{regime_id}/audit")
def audit_page(request: Request, regime_id: str) -> HTMLResponse:
    """The chain's status and the latest rows written by the member's officials."""
    who = require_principal(request)
    require_member(who, regime_id)
    with request.app.state.store.read() as session:
        report = audit.verify(session)
        query = select(AuditEntry).where(AuditEntry.member == who.country).order_by(AuditEntry.seq.desc())
        rows = [{"entry": e, "payload": json.loads(e.payload)} for e in session.scalars(query.limit(SHOWN))]
        total = session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.member == who.country))
    context = {"regime_id": regime_id, "report": report, "rows": rows, "total": total or 0, "country": who.country}
    return page(request, "regime/audit.html", context)
