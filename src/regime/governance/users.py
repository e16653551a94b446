"""Users and their tokens. A token is shown once, when issued; the store keeps only its SHA-256 digest.

Tokens are 256-bit random strings, so a plain SHA-256 digest is enough to make a stolen database
useless for logging in (no password-style stretching is needed for random secrets).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable

from sqlalchemy import select

from regime.errors import InputError, NotFoundError
from regime.governance.access import MEMBER_ROLES, Principal, Role
from regime.governance.errors import NotAuthenticatedError
from regime.governance.records import member_of
from regime.store import Actor, Change, Store
from regime.store.models import Token, User

TOKEN_PREFIX = "rgm_"


def digest(token: str) -> str:
    """The SHA-256 hex digest the store keeps for ``token``."""
    return hashlib.sha256(token.encode()).hexdigest()


def parse_roles(roles: Iterable[str]) -> frozenset[Role]:
    """Role names to roles; unknown names are an input error listing the known ones."""
    known = {role.value: role for role in Role}
    wrong = [name for name in roles if name not in known]
    if wrong:
        raise InputError(f"unknown role {wrong[0]!r}: expected one of {', '.join(known)}", where="roles")
    return frozenset(known[name] for name in roles)


def add_user(
    store: Store,
    actor: Actor,
    name: str,
    roles: Iterable[str],
    regime_id: str | None = None,
    country: str | None = None,
) -> str:
    """Create a user (acting for ``country`` in ``regime_id``, or an exporter) and return its first token."""
    role_set = parse_roles(roles)
    if not role_set:
        raise InputError("a user needs at least one role", where="roles")
    exporter = role_set == {Role.EXPORTER}
    if not exporter and (Role.EXPORTER in role_set or not role_set <= MEMBER_ROLES):
        raise InputError("the exporter role cannot be combined with member-state roles", where="roles")
    if exporter and country:
        raise InputError("an exporter acts for no member state", where="country")
    if not exporter and not (regime_id and country):
        raise InputError("a member-state user acts for one member: give the regime and the country")
    with store.change(actor) as change:
        if change.session.scalar(select(User.id).where(User.name == name)) is not None:
            raise InputError(f"a user named {name!r} already exists", where="name")
        member = None if exporter else member_of(change.session, regime_id or "", country or "")
        user = User(name=name, member=member, roles=sorted(role_set), created_at=change.at)
        change.session.add(user)
        change.session.flush()
        token = _issue(change, user)
        change.audit("user.add", f"user:{user.id}", {"name": name, "roles": user.roles, "member": country})
    return token


def issue_token(store: Store, actor: Actor, name: str) -> str:
    """A new token for an existing user."""
    with store.change(actor) as change:
        user = change.session.scalar(select(User).where(User.name == name))
        if user is None:
            raise NotFoundError(f"no user named {name!r}")
        token = _issue(change, user)
        change.audit("user.token", f"user:{user.id}", {"name": name})
    return token


def _issue(change: Change, user: User) -> str:
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    change.session.add(Token(user_id=user.id, token_sha256=digest(token), created_at=change.at))
    return token


def authenticate(store: Store, token: str | None) -> Principal:
    """The principal a token stands for; a missing, unknown or revoked token is refused."""
    if not token:
        raise NotAuthenticatedError("a bearer token is required (Authorization: Bearer <token>)")
    with store.read() as session:
        row = session.execute(
            select(Token, User).join(User).where(Token.token_sha256 == digest(token), Token.revoked_at.is_(None))
        ).first()
        if row is None:
            raise NotAuthenticatedError("unknown or revoked token")
        user = row[1]
        member = user.member
        return Principal(
            user_id=user.id,
            name=user.name,
            roles=parse_roles(user.roles),
            regime_id=member.regime_id if member else None,
            member_id=member.id if member else None,
            country=member.country if member else None,
        )
