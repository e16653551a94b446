"""Who may do what: principals (a user acting for one member, with roles) and the checks services make.

The lines drawn here:
- a member-state user acts for exactly one member of one regime, with roles (licensing officer,
  list expert, chair, secretariat);
- a member sees its own drafts and private positions and what the regime shares with all members,
  never another member's private positions;
- exporters and the public see only published list releases (and the classification and
  determination endpoints); nothing a regime shares among its members.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from regime.governance.errors import AccessDeniedError
from regime.store import Actor


class Role(StrEnum):
    """What a user may do for its member (``exporter``: a private party, no member)."""

    LICENSING_OFFICER = "licensing_officer"
    LIST_EXPERT = "list_expert"
    CHAIR = "chair"
    SECRETARIAT = "secretariat"
    EXPORTER = "exporter"


MEMBER_ROLES = frozenset(Role) - {Role.EXPORTER}
PUBLIC_ONLY = (
    "exporters and the public see only published list releases and the classification and "
    "determination services; this is shared among member states only"
)


@dataclass(frozen=True)
class Principal:
    """The caller of a service: a user, the member it acts for (if any) and its roles."""

    user_id: int
    name: str
    roles: frozenset[Role]
    regime_id: str | None = None
    member_id: int | None = None
    country: str | None = None

    @property
    def actor(self) -> Actor:
        """How the audit log names this caller."""
        return Actor(f"user:{self.name}", self.country)

    def describe(self) -> str:
        """``alice (list_expert for US in wassenaar)``."""
        roles = ", ".join(sorted(self.roles))
        if self.country is None:
            return f"{self.name} ({roles})"
        return f"{self.name} ({roles} for {self.country} in {self.regime_id})"


def require_member(principal: Principal, regime_id: str) -> int:
    """The caller's member id, if it acts for a member of ``regime_id``; otherwise refused."""
    if principal.member_id is None:
        raise AccessDeniedError(PUBLIC_ONLY)
    if principal.regime_id != regime_id:
        raise AccessDeniedError(
            f"{principal.describe()} acts for a member of {principal.regime_id}, not of {regime_id}"
        )
    return principal.member_id


def require_role(principal: Principal, regime_id: str, *roles: Role) -> int:
    """Like ``require_member``, and the caller must hold one of ``roles``."""
    member_id = require_member(principal, regime_id)
    if not principal.roles & set(roles):
        wanted = " or ".join(role.value.replace("_", " ") for role in roles)
        raise AccessDeniedError(f"{principal.describe()} may not do this: it needs the role {wanted}")
    return member_id


def require_acting_for(principal: Principal, country: str | None) -> None:
    """Refuse a request made in the name of another member (``country``), e.g. a vote for B by A."""
    if country is not None and country.upper() != principal.country:
        raise AccessDeniedError(
            f"{principal.describe()} acts for {principal.country} only; it cannot act for {country.upper()}"
        )


def require_chair_of(principal: Principal, regime_id: str, body: str, chair: str | None) -> None:
    """The chair of ``body`` (or, when the body has no recorded chair, the secretariat) may proceed."""
    require_member(principal, regime_id)
    if Role.CHAIR in principal.roles and chair is not None and principal.country == chair:
        return
    if Role.SECRETARIAT in principal.roles and chair is None:
        return
    holder = f"the chair of the {body} ({chair})" if chair else f"the secretariat (the {body} has no chair)"
    raise AccessDeniedError(f"{principal.describe()} may not do this: only {holder} may")
