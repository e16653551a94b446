"""JSON errors: every failure is ``{"error": code, "message": sentence}`` with the right status.

A failed request has written nothing: each change is one transaction, rolled back on any error.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError, OperationalError
from starlette.exceptions import HTTPException

from regime.errors import InputError, NotFoundError, RegimeError
from regime.governance.errors import AccessDeniedError, NotAuthenticatedError, StateConflictError

log = logging.getLogger("regime.api")

STATUS: list[tuple[type[RegimeError], int, str]] = [
    (NotAuthenticatedError, 401, "not_authenticated"),
    (AccessDeniedError, 403, "forbidden"),
    (NotFoundError, 404, "not_found"),
    (StateConflictError, 409, "conflict"),
    (InputError, 422, "invalid_input"),
]


def error(status: int, code: str, message: str, **extra: object) -> JSONResponse:
    """A JSON error response."""
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"error": code, "message": message, **extra}, status_code=status, headers=headers)


async def _regime_error(request: Request, exc: Exception) -> JSONResponse:
    for kind, status, code in STATUS:
        if isinstance(exc, kind):
            return error(status, code, str(exc))
    return error(400, "bad_request", str(exc))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [
        f"{'.'.join(str(p) for p in e['loc'])}: {str(e['msg']).removeprefix('Value error, ')}" for e in exc.errors()
    ]
    return error(422, "invalid_input", "; ".join(problems), problems=problems)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    return error(exc.status_code, "http_error", str(exc.detail))


async def _integrity_error(request: Request, exc: Exception) -> JSONResponse:
    log.warning("integrity error: %s", exc)
    return error(409, "conflict", "a concurrent change conflicted with this one; nothing was written, retry")


async def _busy(request: Request, exc: Exception) -> JSONResponse:
    log.warning("store busy: %s", exc)
    return error(503, "store_busy", "the store is busy; nothing was written, retry")


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error(500, "internal", "internal error; nothing was written")


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(RegimeError, _regime_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(IntegrityError, _integrity_error)
    app.add_exception_handler(OperationalError, _busy)
    app.add_exception_handler(Exception, _unexpected)
