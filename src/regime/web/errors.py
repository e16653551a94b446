"""Errors on pages: an HTML page saying what went wrong, with the status the API would give.

``PageRoute`` wraps every page handler: a ``RegimeError`` becomes the error page (401 offers to
sign in, and a GET that needs a session is sent to the sign-in page), a bad form or query value
becomes a 422 page naming the field. Nothing is written by a request that fails.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute

from regime.api.errors import STATUS
from regime.errors import RegimeError
from regime.governance.errors import NotAuthenticatedError
from regime.web.templating import page

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
TITLES = {
    401: "Sign in needed",
    403: "Not for you",
    404: "Not found",
    409: "Not now",
    422: "Check the input",
    400: "Bad request",
}


def status_of(exc: RegimeError) -> int:
    """The HTTP status the API gives this error."""
    return next((status for kind, status, _ in STATUS if isinstance(exc, kind)), 400)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """The error page."""
    context = {"status": status, "title": TITLES.get(status, "Error"), "message": message}
    return page(request, "error.html", context, status=status)


def _validation_message(exc: RequestValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc'][1:]) or 'input'}: {str(e['msg']).removeprefix('Value error, ')}"
        for e in exc.errors()
    )


class PageRoute(APIRoute):
    """A route whose errors are rendered as HTML pages."""

    def get_route_handler(self) -> Handler:
        """The handler, wrapped to turn errors into pages."""
        handler = super().get_route_handler()

        async def wrapped(request: Request) -> Response:
            try:
                return await handler(request)
            except NotAuthenticatedError as exc:
                if request.method == "GET" and request.headers.get("HX-Request") != "true":
                    target = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
                    return RedirectResponse(f"/web/signin?next={target}", status_code=303)
                return error_page(request, 401, str(exc))
            except RegimeError as exc:
                return error_page(request, status_of(exc), str(exc))
            except RequestValidationError as exc:
                return error_page(request, 422, _validation_message(exc))

        return wrapped


def page_router() -> APIRouter:
    """A router for pages: errors rendered as HTML, kept out of the OpenAPI document."""
    return APIRouter(route_class=PageRoute, include_in_schema=False)
