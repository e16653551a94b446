"""The regimes: who belongs and who chairs (public), and the plenary agenda and calendar (members)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from regime.governance import proposals, public
from regime.governance.access import require_member
from regime.web.errors import page_router
from regime.web.session import require_principal
from regime.web.templating import page

router = page_router()


@router.get("/regime")
def regimes(request: Request) -> HTMLResponse:
    """Every regime: status, members, how it decides."""
    return page(request, "regime/index.html", {"regimes": public.regimes(request.app.state.store)})


@router.get("/regime/{regime_id}")
def regime(request: Request, regime_id: str) -> HTMLResponse:
    """One regime as the public sees it: members, chairs, meetings ahead, published list releases."""
    store = request.app.state.store
    context = {
        "regime": public.regime(store, regime_id),
        "releases": public.releases(store, regime_id),
    }
    return page(request, "regime/regime.html", context)


@router.get("/regime/{regime_id}/agenda")
def agenda(request: Request, regime_id: str) -> HTMLResponse:
    """The plenary agenda (proposals before it, with their ballots), the working groups' and the calendar."""
    who = require_principal(request)
    require_member(who, regime_id)
    store = request.app.state.store
    seen = proposals.listing(store, who, regime_id)
    context = {
        "regime": public.regime(store, regime_id),
        "plenary": [p for p in seen if p.status == "at_plenary"],
        "working": [p for p in seen if p.status == "circulated"],
        "drafts": [p for p in seen if p.status == "draft"],
    }
    return page(request, "regime/agenda.html", context)
