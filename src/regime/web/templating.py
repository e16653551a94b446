"""Jinja2 rendering for the pages: one environment, the filters the templates share, and ``page()``.

Every page gets the signed-in principal (or ``None``), the CSRF token for its forms and whether the
request came from htmx (a fragment is then rendered instead of the whole page).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from regime.lists.numbering import display_ref
from regime.web.session import csrf_token, principal_of

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"


def _pct(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}%}"


def _date(value: dt.date | dt.datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _label(value: str | None) -> str:
    return (value or "").replace("_", " ")


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(pct=_pct, date=_date, label=_label, ref=display_ref)
    return env


ENV = _environment()


def is_htmx(request: Request) -> bool:
    """True when htmx made the request (it then wants a fragment, not a whole page)."""
    return request.headers.get("HX-Request") == "true"


def render(template: str, /, **context: Any) -> str:
    """A template rendered to text (for fragments and tests)."""
    return ENV.get_template(template).render(**context)


def page(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """The template as an HTML response, with what every page needs."""
    who = principal_of(request)
    full = {
        "request": request,
        "who": who,
        "csrf": csrf_token(request) if who else "",
        "htmx": is_htmx(request),
        "today": dt.date.today(),
        "path": request.url.path,
        **context,
    }
    return HTMLResponse(render(template, **full), status_code=status)
