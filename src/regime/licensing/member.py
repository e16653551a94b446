"""The member-state side: a licensing officer records a licence granted or denied.

A denial is the regime's denial notification (``regime.exchange.denials``), seen by every member.
A grant first opens the no-undercut case (``regime.exchange.consultations``): the service looks
for essentially identical denials in force and, where the regime consults, asks each denying
member. The licence is recorded at once as ``pending``; it becomes ``active`` when the grant goes
through — immediately when nothing is open, or later by ``complete`` once the consultations are
answered or lapsed (a grant against a denial held identical needs reasons, notified to all members).
Each step is its own transaction; ``complete`` can be re-run after a failure and picks up where it stopped.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from regime.errors import InputError, NotFoundError
from regime.exchange import consultations, denials, licences
from regime.exchange.denials import DenialInput
from regime.exchange.identical import Transaction
from regime.exchange.licences import GrantInput
from regime.exchange.matching import DEFAULT_MATCHER, NameMatcher
from regime.exchange.views import CaseView, DenialView
from regime.governance.access import Principal, Role, require_role
from regime.licensing.money import Currency
from regime.licensing.owners import owner_of
from regime.licensing.register import insert_licence, refuse_duplicate
from regime.licensing.terms import Condition, LicenceInput, LicensedItem
from regime.licensing.views import LicenceView, licence_view
from regime.store import Store
from regime.store.models import Licence


class GrantTerms(BaseModel):
    """What the granted licence says beyond the transaction: number, holder, limits, dates, conditions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    authority: str = Field(min_length=1)
    number: str = Field(min_length=1)
    holder: str = Field(min_length=1)
    conditions: tuple[Condition, ...] = ()
    currency: Currency
    quantity_limit: int | None = Field(default=None, ge=0)
    value_limit: Decimal | None = Field(default=None, ge=0)
    valid_from: dt.date
    expires_on: dt.date


class MemberGrant(BaseModel):
    """A licence a member grants: the transaction (as the exchange compares it), the licence, the reasons."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    transaction: Transaction
    licence: GrantTerms
    reasons: str = ""


class GrantOutcome(BaseModel):
    """The no-undercut case and the licence: ``granted``, or ``consulting`` while consultations are open."""

    status: str
    case: CaseView
    licence: LicenceView


def licence_input(who: Principal, grant: MemberGrant) -> LicenceInput:
    """The licence record a grant makes: the transaction's entry, destination and parties."""
    tx, terms = grant.transaction, grant.licence
    try:
        return LicenceInput(
            **terms.model_dump(),
            kind="individual",
            issuing_member=who.country or "",
            items=(LicensedItem(entry=tx.entry_id),),
            destinations=(tx.destination,),
            consignees=(tx.consignee,),
            end_users=(tx.end_user,),
        )
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in ("licence", *first["loc"]))
        raise InputError(str(first["msg"]).removeprefix("Value error, "), where=where) from None


def deny(store: Store, who: Principal, regime_id: str, data: DenialInput) -> DenialView:
    """Record a refused licence: notified to the regime's members as a denial."""
    return denials.notify(store, who, regime_id, data)


def grant(
    store: Store, who: Principal, regime_id: str, data: MemberGrant, matcher: NameMatcher = DEFAULT_MATCHER
) -> GrantOutcome:
    """Check for essentially identical denials, record the licence pending, and grant when nothing is open."""
    require_role(who, regime_id, Role.LICENSING_OFFICER)
    terms = licence_input(who, data)
    with store.read() as session:
        refuse_duplicate(session, owner_of(who), terms)
    case = consultations.open_case(store, who, regime_id, data.transaction, matcher)
    with store.change(who.actor) as change:
        insert_licence(change, owner_of(who), terms, status="pending", exchange=(regime_id, case.id))
    return complete(store, who, regime_id, case.id, GrantInput(reasons=data.reasons))


def complete(store: Store, who: Principal, regime_id: str, case_id: int, data: GrantInput) -> GrantOutcome:
    """Grant the case once its consultations allow, and activate its licence (idempotent)."""
    require_role(who, regime_id, Role.LICENSING_OFFICER)
    case = consultations.get_case(store, who, regime_id, case_id)
    if case.status == "open":
        if any(c.status == "open" for c in case.consultations):
            return GrantOutcome(status="consulting", case=case, licence=_licence(store, who, regime_id, case_id))
        case = licences.grant(store, who, regime_id, case_id, data)
    if case.status != "granted":
        raise InputError(f"licence case {case_id} is {case.status}; its licence cannot be issued", where="case")
    with store.read() as session:
        pending = _row(session, who, regime_id, case_id).status == "pending"
    if pending:
        with store.change(who.actor) as change:
            licence = _row(change.session, who, regime_id, case_id)
            licence.status = "active"
            change.audit("licence.activate", f"licence:{licence.id}", {"case": case_id, "undercut": case.undercut})
    return GrantOutcome(status="granted", case=case, licence=_licence(store, who, regime_id, case_id))


def _row(session: Session, who: Principal, regime_id: str, case_id: int) -> Licence:
    query = select(Licence).where(
        Licence.owner == owner_of(who), Licence.exchange_regime_id == regime_id, Licence.exchange_case_id == case_id
    )
    licence = session.scalar(query)
    if licence is None:
        raise NotFoundError(f"no licence recorded for licence case {case_id} in {regime_id}")
    return licence


def _licence(store: Store, who: Principal, regime_id: str, case_id: int) -> LicenceView:
    with store.read() as session:
        return licence_view(_row(session, who, regime_id, case_id), store.now().date())
