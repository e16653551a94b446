"""The licences an owner holds: record one, read one, list them (with flags), revoke one, find cover.

Each change is one store transaction with its audit entry. A licence's number is unique per owner
and issuer. Balances start at the limits; only the ledger (``ledger.py``) moves them afterwards.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from regime.determine import Outcome
from regime.errors import InputError, NotFoundError
from regime.governance.access import Principal
from regime.governance.errors import StateConflictError
from regime.licensing.cover import Shipment
from regime.licensing.determined import Cover, find_cover
from regime.licensing.money import to_minor
from regime.licensing.owners import require_own, require_worker
from regime.licensing.rates import RateTable
from regime.licensing.terms import LicenceInput
from regime.licensing.views import LicenceView, licence_view, terms_of
from regime.store import Change, Store
from regime.store.models import Licence


def own_licence(session: Session, who: Principal, licence_id: int) -> Licence:
    """The caller's licence ``licence_id``, or NotFoundError."""
    licence = session.get(Licence, licence_id)
    if licence is None:
        raise NotFoundError(f"no licence {licence_id}")
    require_own(licence.owner, who, f"licence {licence_id}")
    return licence


def refuse_duplicate(session: Session, owner: str, data: LicenceInput) -> None:
    """A licence number already on record for this owner and issuer is refused."""
    clash = select(Licence.id).where(
        Licence.owner == owner, Licence.issuing_member == data.issuing_member, Licence.number == data.number
    )
    if session.scalar(clash) is not None:
        raise InputError(f"{data.issuing_member} licence {data.number} is already on record", where="number")


def insert_licence(
    change: Change, owner: str, data: LicenceInput, *, status: str = "active", exchange: tuple[str, int] | None = None
) -> Licence:
    """Write a licence inside ``change`` (with its audit entry); a duplicate number is refused."""
    refuse_duplicate(change.session, owner, data)
    quantity = data.quantity_limit
    value = None if data.value_limit is None else to_minor(data.value_limit, data.currency)
    licence = Licence(
        owner=owner,
        **data.model_dump(mode="json", exclude={"quantity_limit", "value_limit", "valid_from", "expires_on"}),
        valid_from=data.valid_from,
        expires_on=data.expires_on,
        quantity_limit=quantity,
        quantity_remaining=quantity,
        value_limit=value,
        value_remaining=value,
        status=status,
        exchange_regime_id=exchange[0] if exchange else None,
        exchange_case_id=exchange[1] if exchange else None,
        created_at=change.at,
    )
    change.session.add(licence)
    change.session.flush()
    change.audit("licence.add", f"licence:{licence.id}", {**data.model_dump(mode="json"), "status": status})
    return licence


def add(store: Store, who: Principal, data: LicenceInput) -> LicenceView:
    """Record a licence the caller's owner holds."""
    owner = require_worker(who)
    with store.change(who.actor) as change:
        return licence_view(insert_licence(change, owner, data), change.today)


def get(store: Store, who: Principal, licence_id: int) -> LicenceView:
    """One of the caller's licences, with its flags."""
    require_worker(who)
    with store.read() as session:
        return licence_view(own_licence(session, who, licence_id), store.now().date())


def listing(store: Store, who: Principal, *, flagged_only: bool = False) -> list[LicenceView]:
    """The caller's licences (only the flagged ones, if asked), soonest expiry first."""
    owner = require_worker(who)
    today = store.now().date()
    with store.read() as session:
        rows = session.scalars(select(Licence).where(Licence.owner == owner).order_by(Licence.expires_on, Licence.id))
        views = [licence_view(licence, today) for licence in rows]
    return [v for v in views if v.flags] if flagged_only else views


def revoke(store: Store, who: Principal, licence_id: int, reason: str) -> LicenceView:
    """Mark a licence revoked (or surrendered): nothing more can be drawn on it."""
    require_worker(who)
    if not reason.strip():
        raise InputError("say why the licence is revoked", where="reason")
    with store.change(who.actor) as change:
        licence = own_licence(change.session, who, licence_id)
        if licence.status == "revoked":
            raise StateConflictError(f"licence {licence.number} is already revoked")
        licence.status = "revoked"
        change.audit("licence.revoke", f"licence:{licence.id}", {"reason": reason})
        return licence_view(licence, change.today)


def cover(
    store: Store, who: Principal, shipment: Shipment, rates: RateTable, outcome: Outcome = Outcome.LICENCE_REQUIRED
) -> Cover:
    """Which of the caller's licences covers ``shipment`` (for a determination's ``outcome``), or why none does."""
    owner = require_worker(who)
    with store.read() as session:
        rows = session.scalars(select(Licence).where(Licence.owner == owner).order_by(Licence.id))
        terms = [terms_of(licence) for licence in rows]
    return find_cover(terms, shipment, rates, outcome)
