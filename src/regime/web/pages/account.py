"""Signing in and out: a member official gives the token the service issued; the session is a signed cookie."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from regime.errors import RegimeError
from regime.web.errors import page_router
from regime.web.session import check_csrf, sign_in, sign_out
from regime.web.templating import page

router = page_router()


def _safe_next(target: str) -> str:
    """Only a path on this site (never ``//elsewhere`` or an absolute URL)."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


@router.get("/signin")
def signin_form(request: Request, next: str = "/") -> HTMLResponse:
    """The sign-in form."""
    return page(request, "signin.html", {"next": _safe_next(next), "problem": None})


@router.post("/signin", response_model=None)
def signin(request: Request, token: Annotated[str, Form()], next: Annotated[str, Form()] = "/") -> Response:
    """Check the token; on success set the session and go where the user was heading."""
    response = RedirectResponse(_safe_next(next), status_code=303)
    try:
        sign_in(request.app.state.store, response, token, secure=request.url.scheme == "https")
    except RegimeError as exc:
        return page(request, "signin.html", {"next": _safe_next(next), "problem": str(exc)}, status=401)
    return response


@router.post("/signout")
def signout(request: Request, csrf: Annotated[str, Form()] = "") -> RedirectResponse:
    """End the session."""
    check_csrf(request, csrf)
    response = RedirectResponse("/", status_code=303)
    sign_out(response)
    return response
