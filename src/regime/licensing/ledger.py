"""The usage ledger: shipments drawn on a licence, returns and cancellations restoring it, the history.

A draw is one transaction: the shipment is checked against the licence's terms (``cover.check``),
its value converted into the licence's currency from the caller's rate table, and the balance
decremented by one conditional ``UPDATE ... WHERE remaining >= drawn``. The database decides: when
two draws race for the last units, the second finds the condition false (PostgreSQL re-reads the
row after the first commits; SQLite runs writers one at a time) and is refused as an over-draw,
with what is left. A restore adds back (part of) a draw, never more than was drawn.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import CursorResult, or_, select, update
from sqlalchemy.orm import Session

from regime.errors import InputError, NotFoundError
from regime.governance.access import Principal
from regime.governance.errors import StateConflictError
from regime.licensing.cover import Shipment, ShipmentKind, check
from regime.licensing.money import Money, from_minor, to_minor
from regime.licensing.owners import require_worker
from regime.licensing.rates import MissingRateError, RateTable
from regime.licensing.register import own_licence
from regime.licensing.terms import Country, EntryRef
from regime.licensing.views import UsageView, terms_of, usage_view
from regime.store import Store
from regime.store.models import Licence, LicenceUsage

BALANCE = frozenset({"quantity_exhausted", "value_exhausted"})
FACTS = frozenset(
    {
        "kind",
        "classes",
        "product",
        "destination",
        "consignee",
        "end_user",
        "quantity",
        "value",
        "declared",
        "exceptions",
    }
)


class OverdrawError(StateConflictError):
    """A draw larger than what is left on the licence (refused; nothing written)."""


class NotCoveredError(InputError):
    """A shipment the licence does not cover; the message lists every reason."""


class DrawInput(BaseModel):
    """A shipment to draw on a licence: its reference, facts and amount (value in any currency)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    shipment: str = Field(min_length=1)
    date: dt.date | None = Field(default=None, description="the shipment's date (default: today)")
    kind: ShipmentKind = "export"
    classes: tuple[EntryRef, ...] = ()
    product: str | None = None
    destination: Country
    consignee: str | None = None
    end_user: str | None = None
    quantity: int = Field(ge=1)
    value: Money | None = None
    declared: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    note: str = ""


class RestoreInput(BaseModel):
    """A return or cancellation: how much of the draw comes back (default: all that has not) and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    quantity: int | None = Field(default=None, ge=0)
    value: Decimal | None = Field(default=None, ge=0, description="in the licence's currency")
    reason: str = Field(min_length=1)


def _rows(result: object) -> int:
    assert isinstance(result, CursorResult)
    return result.rowcount


def _decrement(session: Session, licence: Licence, quantity: int, value: int) -> None:
    drawn = update(Licence).where(
        Licence.id == licence.id,
        Licence.status == "active",
        or_(Licence.quantity_remaining.is_(None), Licence.quantity_remaining >= quantity),
        or_(Licence.value_remaining.is_(None), Licence.value_remaining >= value),
    )
    values = {
        "quantity_remaining": Licence.quantity_remaining - quantity,
        "value_remaining": Licence.value_remaining - value,
    }
    if _rows(session.execute(drawn.values(values).execution_options(synchronize_session=False))) == 1:
        session.refresh(licence)
        return
    session.refresh(licence)
    left = [f"{licence.quantity_remaining} units" if licence.quantity_remaining is not None else None]
    if licence.value_remaining is not None:
        left.append(f"{from_minor(licence.value_remaining, licence.currency)} {licence.currency}")
    asked = f"{quantity} units, {from_minor(value, licence.currency)} {licence.currency}"
    raise OverdrawError(
        f"over-draw refused: licence {licence.number} has {' and '.join(x for x in left if x) or 'no limit'} left "
        f"({licence.status}); the shipment needs {asked}"
    )


def draw(store: Store, who: Principal, licence_id: int, data: DrawInput, rates: RateTable | None = None) -> UsageView:
    """Draw a shipment on the caller's licence, or refuse it (not covered, over-draw, rate missing)."""
    require_worker(who)
    with store.change(who.actor) as change:
        licence = own_licence(change.session, who, licence_id)
        facts = data.model_dump(include=set(FACTS))
        shipment = Shipment(date=data.date or change.today, issuer=licence.issuing_member, **facts)
        candidate = check(terms_of(licence), shipment, rates or RateTable())
        missing = [r.message for r in candidate.reasons if r.code == "rate_missing"]
        if missing:
            raise MissingRateError(f"cannot draw shipment {data.shipment} on licence {licence.number}: {missing[0]}")
        unfit = [r.message for r in candidate.reasons if r.code not in BALANCE]
        if unfit:
            raise NotCoveredError(
                f"licence {licence.number} does not cover shipment {data.shipment}: " + "; ".join(unfit)
            )
        value = to_minor(candidate.value, licence.currency) if candidate.value is not None else 0
        if change.session.scalar(
            select(LicenceUsage.id).where(
                LicenceUsage.licence_id == licence.id,
                LicenceUsage.kind == "draw",
                LicenceUsage.shipment == data.shipment,
            )
        ):
            raise StateConflictError(f"shipment {data.shipment} is already drawn on licence {licence.number}")
        _decrement(change.session, licence, data.quantity, value)
        foreign = data.value is not None and data.value.currency != licence.currency
        usage = LicenceUsage(
            licence_id=licence.id,
            kind="draw",
            shipment=data.shipment,
            quantity=data.quantity,
            value=value,
            original_value=str(data.value.amount) if foreign and data.value else None,
            original_currency=data.value.currency if foreign and data.value else None,
            rate=str(candidate.rate) if foreign else None,
            restored_quantity=0,
            restored_value=0,
            note=data.note,
            by=who.actor.name,
            at=change.at,
        )
        change.session.add(usage)
        change.session.flush()
        payload = {
            "shipment": data.shipment,
            "quantity": data.quantity,
            "value": str(from_minor(value, licence.currency)),
        }
        change.audit(
            "licence.draw", f"licence:{licence.id}", {**payload, "currency": licence.currency, "rate": usage.rate}
        )
        return usage_view(usage, licence.currency)


def restore(store: Store, who: Principal, usage_id: int, data: RestoreInput) -> UsageView:
    """Restore (part of) a draw after a return or cancellation; never more than was drawn."""
    require_worker(who)
    with store.change(who.actor) as change:
        drawn = change.session.get(LicenceUsage, usage_id)
        if drawn is None or drawn.kind != "draw":
            raise NotFoundError(f"no draw {usage_id}")
        licence = own_licence(change.session, who, drawn.licence_id)
        quantity = drawn.quantity - drawn.restored_quantity if data.quantity is None else data.quantity
        value = drawn.value - drawn.restored_value if data.value is None else to_minor(data.value, licence.currency)
        if quantity == 0 and value == 0:
            raise StateConflictError(f"draw {usage_id} ({drawn.shipment}) has nothing left to restore")
        marked = update(LicenceUsage).where(
            LicenceUsage.id == drawn.id,
            LicenceUsage.restored_quantity + quantity <= LicenceUsage.quantity,
            LicenceUsage.restored_value + value <= LicenceUsage.value,
        )
        sums = {
            "restored_quantity": LicenceUsage.restored_quantity + quantity,
            "restored_value": LicenceUsage.restored_value + value,
        }
        if _rows(change.session.execute(marked.values(sums).execution_options(synchronize_session=False))) != 1:
            change.session.refresh(drawn)
            left = f"{drawn.quantity - drawn.restored_quantity} units, {from_minor(drawn.value - drawn.restored_value, licence.currency)} {licence.currency}"
            raise StateConflictError(f"draw {usage_id} ({drawn.shipment}) has only {left} left to restore")
        back = {
            "quantity_remaining": Licence.quantity_remaining + quantity,
            "value_remaining": Licence.value_remaining + value,
        }
        change.session.execute(
            update(Licence).where(Licence.id == licence.id).values(back).execution_options(synchronize_session=False)
        )
        usage = LicenceUsage(
            licence_id=licence.id,
            kind="restore",
            shipment=drawn.shipment,
            quantity=quantity,
            value=value,
            draw_id=drawn.id,
            restored_quantity=0,
            restored_value=0,
            note=data.reason,
            by=who.actor.name,
            at=change.at,
        )
        change.session.add(usage)
        change.session.flush()
        amount = str(from_minor(value, licence.currency))
        change.audit(
            "licence.restore",
            f"licence:{licence.id}",
            {"draw": drawn.id, "quantity": quantity, "value": amount, "reason": data.reason},
        )
        return usage_view(usage, licence.currency)


def history(store: Store, who: Principal, licence_id: int) -> list[UsageView]:
    """Every ledger line of the caller's licence, oldest first."""
    require_worker(who)
    with store.read() as session:
        licence = own_licence(session, who, licence_id)
        rows = session.scalars(
            select(LicenceUsage).where(LicenceUsage.licence_id == licence.id).order_by(LicenceUsage.id)
        )
        return [usage_view(usage, licence.currency) for usage in rows]
