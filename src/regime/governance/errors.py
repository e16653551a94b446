"""Errors of the regime's services that the faces turn into HTTP statuses (401, 403, 409)."""

from __future__ import annotations

from regime.errors import RegimeError


class NotAuthenticatedError(RegimeError):
    """No token, or a token the store does not know (or that was revoked)."""


class AccessDeniedError(RegimeError):
    """The caller is known but may not do or see this; the message says which line was crossed."""


class StateConflictError(RegimeError):
    """The request does not fit the current state (voting on a closed ballot, granting while consulting)."""
