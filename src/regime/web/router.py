"""Every page route in one router: the pages under ``/web`` (the home page also at ``/``) and ``/static``.

The pages live under their own prefix so that they never collide with the API's paths (the API
serves ``/lists/...``, ``/classify`` and ``/determine`` as JSON).
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from regime.web import static_files
from regime.web.pages import (
    account,
    assess,
    audit,
    classify,
    coverage,
    determine,
    divergence,
    entries,
    exchange,
    headroom,
    home,
    lists,
    proposals,
    regimes,
    screen,
)

router = APIRouter(include_in_schema=False)
PREFIX = "/web"
MODULES = (
    home,
    account,
    assess,
    lists,
    entries,
    classify,
    coverage,
    determine,
    divergence,
    screen,
    regimes,
    proposals,
    exchange,
    headroom,
    audit,
    assess,
)
router.include_router(static_files.router)
router.add_api_route("/", home.home, include_in_schema=False, response_class=HTMLResponse)
for module in MODULES:
    router.include_router(module.router, prefix=PREFIX)
