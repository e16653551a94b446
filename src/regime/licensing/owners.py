"""Whose records these are: licences and cases belong to a member state's officials or to an exporter.

A member state's officials share their member's records (``member:US``); an exporter keeps its
own (``user:NAME``). Who may work on them: exporters and licensing officers; list experts, chairs
and the secretariat do not keep licences or decide shipments.
"""

from __future__ import annotations

from regime.errors import NotFoundError
from regime.governance.access import Principal, Role
from regime.governance.errors import AccessDeniedError

WORKERS = frozenset({Role.EXPORTER, Role.LICENSING_OFFICER})


def owner_of(who: Principal) -> str:
    """The owner key of the caller's records."""
    return f"member:{who.country}" if who.country else f"user:{who.name}"


def require_worker(who: Principal) -> str:
    """The caller's owner key, if it may keep licences and decide cases; otherwise refused."""
    if not who.roles & WORKERS:
        raise AccessDeniedError(
            f"{who.describe()} may not do this: licences and cases are kept by exporters and licensing officers"
        )
    return owner_of(who)


def role_of(who: Principal) -> str:
    """The role the caller acts in (for the record of who did what)."""
    return ", ".join(sorted(role.value for role in who.roles & WORKERS)) or ", ".join(sorted(who.roles))


def require_own(owner: str, who: Principal, what: str) -> None:
    """A record of another owner is not found (never revealed)."""
    if owner != owner_of(who):
        raise NotFoundError(f"no {what} visible to {who.describe()}")
