"""The home page: what the service offers, and where a signed-in official's work is."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from regime.web.errors import page_router
from regime.web.services import services
from regime.web.templating import page

router = page_router()


@router.get("/")
def home(request: Request) -> HTMLResponse:
    """The page groups, and the signed-in member's regime."""
    services(request).warm()
    return page(request, "home.html", {})
