"""The usage ledger on both backends: draws, over-draws, conversions, restores, history, flags, access."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from regime.errors import InputError, NotFoundError
from regime.governance.access import Principal
from regime.governance.errors import AccessDeniedError, StateConflictError
from regime.governance.testing import People
from regime.licensing import ledger, register
from regime.licensing.ledger import DrawInput, NotCoveredError, OverdrawError, RestoreInput
from regime.licensing.rates import MissingRateError, Rate, RateTable
from regime.store import Store
from regime.store.audit import verify
from regime.store.models import AuditEntry, LicenceUsage
from regime.store.testing import FixedClock

from .conftest import terms

RATES = RateTable([Rate.model_validate({"from": "EUR", "to": "USD", "rate": "1.25"})], "rates.csv")
SHIP: dict[str, Any] = {
    "classes": ["3A090.a"],
    "destination": "SG",
    "consignee": "Pacific Trading Pte Ltd",
    "end_user": "Example Cloud Pte Ltd",
}


def shipment(ref: str, quantity: int, value: str, currency: str = "USD", **changes: Any) -> DrawInput:
    return DrawInput.model_validate(
        {**SHIP, "shipment": ref, "quantity": quantity, "value": {"amount": value, "currency": currency}, **changes}
    )


def audit_rows(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def test_draws_decrement_and_an_over_draw_is_refused_leaving_the_store_as_it_was(
    loaded: Store, exporter: Principal
) -> None:
    licence = register.add(loaded, exporter, terms())
    assert (licence.quantity_remaining, licence.value_remaining, licence.flags) == (10, Decimal("300000.00"), [])
    first = ledger.draw(loaded, exporter, licence.id, shipment("S-1", 8, "240000"))
    assert (first.quantity, first.value, first.currency) == (8, Decimal("240000.00"), "USD")
    before = audit_rows(loaded)
    with pytest.raises(OverdrawError, match=r"over-draw refused: licence D1234567 has 2 units and 60000\.00 USD left"):
        ledger.draw(loaded, exporter, licence.id, shipment("S-2", 3, "1000"))
    with pytest.raises(OverdrawError, match=r"the shipment needs 1 units, 60000\.01 USD"):
        ledger.draw(loaded, exporter, licence.id, shipment("S-2", 1, "60000.01"))
    assert audit_rows(loaded) == before
    assert [u.shipment for u in ledger.history(loaded, exporter, licence.id)] == ["S-1"]
    last = ledger.draw(loaded, exporter, licence.id, shipment("S-2", 2, "60000"))
    after = register.get(loaded, exporter, licence.id)
    assert (last.quantity, after.quantity_remaining, after.value_remaining) == (2, 0, Decimal("0.00"))
    assert {f.code for f in after.flags} == {"exhausted"}


def test_a_shipment_the_licence_does_not_cover_is_refused_with_every_reason(loaded: Store, exporter: Principal) -> None:
    licence = register.add(loaded, exporter, terms())
    bad = shipment("S-1", 1, "10", destination="CN", kind="reexport", classes=["4A090.a"])
    with pytest.raises(NotCoveredError) as refused:
        ledger.draw(loaded, exporter, licence.id, bad)
    message = str(refused.value)
    assert message.startswith("licence D1234567 does not cover shipment S-1: covers 3A090.a; not 4A090.a;")
    assert "covers SG, MY; not CN" in message and "forbids re-export" in message
    with pytest.raises(MissingRateError, match=r"licence D1234567: rates\.csv: no rate from GBP to USD"):
        ledger.draw(loaded, exporter, licence.id, shipment("S-1", 1, "10", "GBP"), RATES)
    ledger.draw(loaded, exporter, licence.id, shipment("S-1", 1, "10"))
    with pytest.raises(StateConflictError, match="shipment S-1 is already drawn"):
        ledger.draw(loaded, exporter, licence.id, shipment("S-1", 1, "10"))


def test_a_value_in_another_currency_is_drawn_at_the_users_rate(loaded: Store, exporter: Principal) -> None:
    licence = register.add(loaded, exporter, terms(currency="EUR", value_limit="1000"))
    usage = ledger.draw(loaded, exporter, licence.id, shipment("S-1", 1, "625.01", "USD"), RATES)
    assert (usage.value, usage.original_value, usage.original_currency, usage.rate) == (
        Decimal("500.01"), Decimal("625.01"), "USD", Decimal("0.8"),
    )  # fmt: skip
    assert register.get(loaded, exporter, licence.id).value_remaining == Decimal("499.99")


def test_restores_bring_back_a_draw_but_never_more_than_was_drawn(loaded: Store, exporter: Principal) -> None:
    licence = register.add(loaded, exporter, terms())
    drawn = ledger.draw(loaded, exporter, licence.id, shipment("S-1", 4, "100000"))
    part = ledger.restore(
        loaded, exporter, drawn.id, RestoreInput(quantity=1, value=Decimal("25000"), reason="one returned")
    )
    assert (part.kind, part.draw_id, part.quantity, part.value) == ("restore", drawn.id, 1, Decimal("25000.00"))
    with pytest.raises(StateConflictError, match=r"has only 3 units, 75000\.00 USD left to restore"):
        ledger.restore(loaded, exporter, drawn.id, RestoreInput(quantity=4, reason="too many"))
    rest = ledger.restore(loaded, exporter, drawn.id, RestoreInput(reason="shipment cancelled"))
    assert (rest.quantity, rest.value) == (3, Decimal("75000.00"))
    with pytest.raises(StateConflictError, match="has nothing left to restore"):
        ledger.restore(loaded, exporter, drawn.id, RestoreInput(reason="again"))
    with pytest.raises(NotFoundError, match=f"no draw {rest.id}"):
        ledger.restore(loaded, exporter, rest.id, RestoreInput(reason="a restore is not a draw"))
    now = register.get(loaded, exporter, licence.id)
    assert (now.quantity_remaining, now.value_remaining) == (10, Decimal("300000.00"))
    history = ledger.history(loaded, exporter, licence.id)
    assert [(u.kind, u.quantity, u.note) for u in history] == [
        ("draw", 4, ""), ("restore", 1, "one returned"), ("restore", 3, "shipment cancelled"),
    ]  # fmt: skip
    assert (history[0].restored_quantity, history[0].restored_value) == (4, Decimal("100000.00"))
    with loaded.read() as session:
        assert verify(session).intact
        assert session.scalar(select(func.count()).select_from(LicenceUsage)) == 3


def test_licences_near_expiry_or_exhaustion_are_flagged(loaded: Store, exporter: Principal, clock: FixedClock) -> None:
    soon = register.add(loaded, exporter, terms(number="A", expires_on=clock.now.date() + dt.timedelta(days=20)))
    worn = register.add(loaded, exporter, terms(number="B"))
    register.add(loaded, exporter, terms(number="C"))
    ledger.draw(loaded, exporter, worn.id, shipment("S-1", 9, "1000"))
    flagged = {v.number: [f.code for f in v.flags] for v in register.listing(loaded, exporter, flagged_only=True)}
    assert flagged == {"A": ["near_expiry"], "B": ["near_exhaustion"]}
    assert "expires on 2024-03-24, in 20 days" in register.get(loaded, exporter, soon.id).flags[0].message
    clock.advance(days=21)
    assert [f.code for f in register.get(loaded, exporter, soon.id).flags] == ["expired"]
    with pytest.raises(NotCoveredError, match="expired on 2024-03-24"):
        ledger.draw(loaded, exporter, soon.id, shipment("S-2", 1, "1"))


def test_a_revoked_licence_cannot_be_drawn_on(loaded: Store, exporter: Principal) -> None:
    licence = register.add(loaded, exporter, terms())
    with pytest.raises(InputError, match="say why"):
        register.revoke(loaded, exporter, licence.id, " ")
    assert register.revoke(loaded, exporter, licence.id, "surrendered").status == "revoked"
    with pytest.raises(NotCoveredError, match="is revoked, not active"):
        ledger.draw(loaded, exporter, licence.id, shipment("S-1", 1, "1"))
    with pytest.raises(StateConflictError, match="already revoked"):
        register.revoke(loaded, exporter, licence.id, "again")


def test_numbers_are_unique_per_owner_and_records_are_private(
    loaded: Store, exporter: Principal, people: People
) -> None:
    licence = register.add(loaded, exporter, terms())
    with pytest.raises(InputError, match="US licence D1234567 is already on record"):
        register.add(loaded, exporter, terms())
    other = people(None, None, "exporter")
    assert register.add(loaded, other, terms()).id != licence.id
    with pytest.raises(NotFoundError, match=f"no licence {licence.id} visible to"):
        ledger.draw(loaded, other, licence.id, shipment("S-1", 1, "1"))
    expert = people("wassenaar", "US", "list_expert")
    with pytest.raises(AccessDeniedError, match="kept by exporters and licensing officers"):
        register.listing(loaded, expert)
    officer, colleague = people("wassenaar", "DE", "licensing_officer"), people("mtcr", "DE", "licensing_officer")
    mine = register.add(loaded, officer, terms(issuing_member="DE"))
    assert [v.id for v in register.listing(loaded, colleague)] == [mine.id]
