"""Every page route in one router: the page groups and the static files."""

from __future__ import annotations

from fastapi import APIRouter

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
MODULES = (
    static_files,
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
for module in MODULES:
    router.include_router(module.router)
