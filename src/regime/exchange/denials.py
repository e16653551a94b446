"""Denial notifications: a member tells the others it refused a licence; members alone see them.

A denial is in force from its date until its validity (the regime's ``denial_validity_years``)
runs out, unless renewed or revoked; it is reviewed before it expires. A notification later than
the regime's deadline (e.g. 60 days for Wassenaar) is accepted and marked late.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from regime.errors import InputError
from regime.exchange.identical import Transaction
from regime.exchange.records import denial_status, denial_view
from regime.exchange.views import DenialView
from regime.governance.access import Principal, Role, require_member, require_role
from regime.governance.definition import RegimeDefinition
from regime.governance.errors import AccessDeniedError, StateConflictError
from regime.governance.records import definition_for, row
from regime.governance.workdays import add_years
from regime.store import Change, Store
from regime.store.models import Denial


class DenialInput(Transaction):
    """A denial: the transaction refused, why, and on which date."""

    reason: str = Field(min_length=1)
    denied_on: dt.date


class DenialReview(BaseModel):
    """The denying member's review: maintain (renewing it for another validity period) or revoke."""

    model_config = ConfigDict(extra="forbid")

    maintain: bool
    note: str = Field(min_length=1)


def check_list(definition: RegimeDefinition, list_id: str) -> None:
    """The transaction's list must be one the regime keeps."""
    if definition.list_def(list_id) is None:
        known = ", ".join(item.id for item in definition.lists)
        raise InputError(f"{definition.id} keeps no list {list_id!r} (lists: {known})", where="list_id")


def notify(store: Store, who: Principal, regime_id: str, data: DenialInput) -> DenialView:
    """A licensing officer notifies its member's denial to the other members."""
    member_id = require_role(who, regime_id, Role.LICENSING_OFFICER)
    with store.change(who.actor) as change:
        definition = definition_for(change.session, regime_id)
        check_list(definition, data.list_id)
        if data.denied_on > change.today:
            raise InputError(f"the denial date {data.denied_on} is in the future", where="denied_on")
        rules = definition.information_exchange
        denial = Denial(
            regime_id=regime_id,
            member_id=member_id,
            **data.model_dump(exclude={"reason", "denied_on"}),
            reason=data.reason,
            denied_on=data.denied_on,
            notified_at=change.at,
            notified_late=(change.today - data.denied_on).days > rules.denial_notification_days,
            expires_on=add_years(data.denied_on, rules.denial_validity_years),
            renewals=0,
        )
        change.session.add(denial)
        change.session.flush()
        change.audit("denial.notify", f"denial:{denial.id}", data.model_dump(mode="json"))
        return denial_view(denial, change.today)


def listing(store: Store, who: Principal, regime_id: str, *, include_lapsed: bool = False) -> list[DenialView]:
    """The regime's denials (in force only, unless ``include_lapsed``): members only."""
    require_member(who, regime_id)
    today = store.now().date()
    with store.read() as session:
        query = select(Denial).where(Denial.regime_id == regime_id).order_by(Denial.id)
        if not include_lapsed:
            query = query.where(Denial.expires_on >= today, Denial.revoked_on.is_(None))
        return [denial_view(d, today) for d in session.scalars(query)]


def get(store: Store, who: Principal, regime_id: str, denial_id: int) -> DenialView:
    """One denial: members only."""
    require_member(who, regime_id)
    with store.read() as session:
        return denial_view(row(session, Denial, denial_id, "denial", regime_id), store.now().date())


def due_for_review(store: Store, who: Principal, regime_id: str, within_days: int = 90) -> list[DenialView]:
    """The caller's member's denials in force that expire within ``within_days``."""
    member_id = require_member(who, regime_id)
    today = store.now().date()
    with store.read() as session:
        query = select(Denial).where(
            Denial.member_id == member_id,
            Denial.revoked_on.is_(None),
            Denial.expires_on >= today,
            Denial.expires_on <= today + dt.timedelta(days=within_days),
        )
        return [denial_view(d, today) for d in session.scalars(query.order_by(Denial.expires_on))]


def _own_denial(change: Change, who: Principal, regime_id: str, denial_id: int) -> Denial:
    member_id = require_role(who, regime_id, Role.LICENSING_OFFICER)
    denial = row(change.session, Denial, denial_id, "denial", regime_id)
    if denial.member_id != member_id:
        raise AccessDeniedError(f"denial {denial_id} is {denial.member.country}'s; only it may review or renew it")
    if (status := denial_status(denial, change.today)) != "in_force":
        raise StateConflictError(f"denial {denial_id} is {status}")
    return denial


def review(store: Store, who: Principal, regime_id: str, denial_id: int, data: DenialReview) -> DenialView:
    """The denying member reviews its denial: maintained for another validity period, or revoked today."""
    with store.change(who.actor) as change:
        denial = _own_denial(change, who, regime_id, denial_id)
        validity = definition_for(change.session, regime_id).information_exchange.denial_validity_years
        denial.reviewed_on, denial.review_note = change.today, data.note
        if data.maintain:
            denial.expires_on, denial.renewals = add_years(change.today, validity), denial.renewals + 1
        else:
            denial.revoked_on = change.today
        change.audit(
            "denial.renew" if data.maintain else "denial.revoke",
            f"denial:{denial.id}",
            {"note": data.note, "expires_on": denial.expires_on.isoformat()},
        )
        return denial_view(denial, change.today)
