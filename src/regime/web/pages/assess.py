"""Design and progress: the essay's checklist scored for every regime-creation effort, with its evidence."""

from __future__ import annotations

import datetime as dt

from fastapi import Request
from fastapi.responses import HTMLResponse

from regime.assess.checklist import assess, progress
from regime.assess.report import assessment_report, overview_report, progress_report
from regime.errors import NotFoundError
from regime.web.errors import page_router
from regime.web.services import services
from regime.web.templating import page

router = page_router()


@router.get("/assess")
def overview(request: Request, as_of: dt.date | None = None) -> HTMLResponse:
    """Every effort on every criterion, side by side."""
    svc = services(request)
    criteria = svc.checklist().criteria
    view = overview_report([assess(e, criteria, as_of) for e in svc.efforts().values()], as_of)
    return page(request, "assess/overview.html", {"view": view, "as_of": as_of})


@router.get("/assess/{effort_id}")
def effort(request: Request, effort_id: str, as_of: dt.date | None = None) -> HTMLResponse:
    """One effort's scorecard: each criterion's score, its evidence with sources, what is missing; progress."""
    svc = services(request)
    efforts, criteria = svc.efforts(), svc.checklist().criteria
    if effort_id not in efforts:
        raise NotFoundError(f"no effort {effort_id!r} (known: {', '.join(efforts)})")
    chosen = efforts[effort_id]
    report = assessment_report(assess(chosen, criteria, as_of))
    points = progress_report(progress(chosen, criteria))
    context = {"view": report, "progress": points, "as_of": as_of, "criteria": [c.id for c in criteria]}
    return page(request, "assess/effort.html", context)
