"""Every page route in one router: the page groups and the static files."""

from __future__ import annotations

from fastapi import APIRouter

from regime.web import static_files
from regime.web.pages import classify, entries, home, lists

router = APIRouter(include_in_schema=False)
for module in (static_files, home, lists, entries, classify):
    router.include_router(module.router)
