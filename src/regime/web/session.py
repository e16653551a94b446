"""The signed-in member official: a signed, HTTP-only cookie holding the user's token.

Officials sign in with the token the service issued them (the API's bearer token); the cookie
keeps it, signed with HMAC-SHA256 so it cannot be altered, and every request authenticates it
again through ``regime.governance.users.authenticate`` (a revoked token signs the user out).
Forms that change something carry a CSRF token derived from the session.

The signing key is ``REGIME_WEB_SECRET`` when set, else a random key per process (sessions then
end when the service restarts).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets

from fastapi import Request, Response

from regime.errors import RegimeError
from regime.governance.access import Principal
from regime.governance.errors import AccessDeniedError, NotAuthenticatedError
from regime.governance.users import authenticate
from regime.store import Store

COOKIE = "regime_session"
_KEY = os.environ.get("REGIME_WEB_SECRET", "").encode() or secrets.token_bytes(32)


def _sign(value: str) -> str:
    return hmac.new(_KEY, value.encode(), hashlib.sha256).hexdigest()


def _pack(token: str) -> str:
    body = base64.urlsafe_b64encode(token.encode()).decode()
    return f"{body}.{_sign(body)}"


def _unpack(cookie: str | None) -> str | None:
    if not cookie or "." not in cookie:
        return None
    body, signature = cookie.rsplit(".", 1)
    if not hmac.compare_digest(signature, _sign(body)):
        return None
    try:
        return base64.urlsafe_b64decode(body.encode()).decode()
    except ValueError:
        return None


def sign_in(store: Store, response: Response, token: str, secure: bool) -> Principal:
    """Check ``token`` and, when it is good, set the session cookie on ``response``."""
    who = authenticate(store, token.strip())
    response.set_cookie(COOKIE, _pack(token.strip()), httponly=True, samesite="lax", secure=secure, path="/")
    return who


def sign_out(response: Response) -> None:
    """Forget the session."""
    response.delete_cookie(COOKIE, path="/")


def principal_of(request: Request) -> Principal | None:
    """The signed-in principal, or ``None`` (no cookie, a bad signature, or a revoked token)."""
    if "web_principal" in request.scope:
        cached: Principal | None = request.scope["web_principal"]
        return cached
    token = _unpack(request.cookies.get(COOKIE))
    who = None
    if token:
        try:
            who = authenticate(request.app.state.store, token)
        except RegimeError:
            who = None
    request.scope["web_principal"] = who
    return who


def require_principal(request: Request) -> Principal:
    """The signed-in principal; otherwise ``NotAuthenticatedError`` (the page offers to sign in)."""
    who = principal_of(request)
    if who is None:
        raise NotAuthenticatedError("sign in with your member official's token to see this page")
    return who


def csrf_token(request: Request) -> str:
    """The token forms of this session carry (derived from the session cookie)."""
    return _sign("csrf:" + (request.cookies.get(COOKIE) or ""))[:32]


def check_csrf(request: Request, submitted: str) -> None:
    """Refuse a change whose form did not come from a page of this session."""
    if not request.cookies.get(COOKIE) or not hmac.compare_digest(submitted, csrf_token(request)):
        raise AccessDeniedError("the form is stale or came from elsewhere: reload the page and submit it again")
