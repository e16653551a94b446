"""The pure cover check: every way a licence can fail to fit a shipment, and which licence is chosen."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from regime.determine import Determination, Outcome, Transaction
from regime.determine.transaction import Party
from regime.licensing.cover import Shipment, Terms, check
from regime.licensing.determined import find_cover, shipment_of
from regime.licensing.money import Money, to_minor
from regime.licensing.rates import Rate, RateTable

from .conftest import terms

RATES = RateTable([Rate.model_validate({"from": "EUR", "to": "USD", "rate": "1.10"})])
SHIPMENT: dict[str, Any] = {
    "date": dt.date(2024, 6, 3),
    "issuer": "US",
    "classes": ["3A090.a"],
    "destination": "Singapore",
    "consignee": "PACIFIC TRADING PTE. LTD.",
    "end_user": "Example Cloud Pte Ltd",
    "quantity": 2,
    "value": {"amount": "60000", "currency": "USD"},
}


def licence(id: int = 1, status: str = "active", **changes: Any) -> Terms:
    data = terms(**changes)
    return Terms(
        id=id,
        **data.model_dump(exclude={"quantity_limit", "value_limit", "authority", "holder"}),
        status=status,
        quantity_remaining=data.quantity_limit,
        value_remaining=None if data.value_limit is None else to_minor(data.value_limit, data.currency),
    )


def shipment(**changes: Any) -> Shipment:
    return Shipment.model_validate({**SHIPMENT, **changes})


def codes(candidate_terms: Terms, ship: Shipment, rates: RateTable = RATES) -> list[str]:
    return [r.code for r in check(candidate_terms, ship, rates).reasons]


def test_a_licence_that_fits_covers_the_shipment_and_says_what_it_draws() -> None:
    found = check(licence(), shipment(), RATES)
    assert (found.fits, found.reasons, found.quantity, found.value) == (True, (), 2, Decimal("60000.00"))


@pytest.mark.parametrize(
    ("licence_changes", "shipment_changes", "code", "words"),
    [
        ({"status": "revoked"}, {}, "status", "is revoked"),
        ({"issuing_member": "NL"}, {}, "issuer", "issued by NL; US's is needed"),
        ({}, {"classes": ["3A090.b"]}, "item", "covers 3A090.a; not 3A090.b"),
        ({}, {"classes": []}, "item", "not unclassified"),
        ({}, {"destination": "CN"}, "destination", "covers SG, MY; not CN"),
        ({}, {"consignee": "Other Trading"}, "consignee", "not 'Other Trading'"),
        ({}, {"consignee": None}, "consignee", "the shipment names none"),
        ({}, {"end_user": "Someone Else"}, "end_user", "names the end user Example Cloud Pte Ltd"),
        ({}, {"date": dt.date(2023, 12, 31)}, "not_yet_valid", "valid from 2024-01-01"),
        ({}, {"date": dt.date(2026, 1, 1)}, "expired", "expired on 2025-12-31"),
        ({}, {"kind": "reexport"}, "condition", "forbids re-export; this is a reexport"),
        ({"conditions": [{"code": "end_use_statement", "text": "an end-use statement on file"}]}, {}, "condition", "requires an end-use statement on file"),
        ({}, {"quantity": 11}, "quantity_exhausted", "has 10 units left; the shipment is 11"),
        ({}, {"value": {"amount": "300000.01", "currency": "USD"}}, "value_exhausted", "has 300000.00 USD left"),
        ({}, {"value": None}, "value_unknown", "the shipment's value is not given"),
        ({}, {"value": {"amount": "100", "currency": "JPY"}}, "rate_missing", "no rate from JPY to USD"),
        ({"kind": "general", "authorisation": "EU001"}, {}, "authorisation", "EU001 is not available"),
    ],
)  # fmt: skip
def test_each_way_a_licence_can_fail_to_fit(
    licence_changes: dict[str, Any], shipment_changes: dict[str, Any], code: str, words: str
) -> None:
    found = check(licence(**licence_changes), shipment(**shipment_changes), RATES)
    assert not found.fits
    assert [r.code for r in found.reasons] == [code]
    assert words in found.reasons[0].message


def test_every_reason_is_listed_not_only_the_first() -> None:
    ship = shipment(destination="CN", quantity=50, date=dt.date(2027, 1, 1), end_user="Other")
    assert codes(licence(), ship) == ["destination", "end_user", "expired", "quantity_exhausted"]


def test_entries_cover_their_paragraphs_and_products_cover_by_name() -> None:
    assert codes(licence(items=[{"entry": "3a090"}]), shipment(classes=["3A090.a.1", "3A090.b"])) == []
    assert codes(licence(items=[{"entry": "3A09"}]), shipment(classes=["3A090.a"])) == ["item"]
    by_name = licence(items=[{"product": "nvidia-h100-sxm"}])
    assert codes(by_name, shipment(classes=["3A090.a"], product="nvidia-h100-sxm")) == []
    assert codes(by_name, shipment(classes=["3A090.a"], product="nvidia-h200")) == ["item"]


def test_a_value_in_another_currency_is_converted_and_drawn_in_the_licence_currency() -> None:
    found = check(
        licence(currency="EUR", value_limit="1000"), shipment(value={"amount": "909.10", "currency": "USD"}), RATES
    )
    assert (found.fits, found.value, found.rate) == (True, Decimal("826.45"), 1 / Decimal("1.10"))
    over = check(
        licence(currency="EUR", value_limit="1000"), shipment(value={"amount": "1100.01", "currency": "USD"}), RATES
    )
    assert [r.code for r in over.reasons] == ["value_exhausted"]


def test_an_available_authorisation_covers_when_the_determination_found_it() -> None:
    registration = licence(
        kind="general", authorisation="EU001", issuing_member="EU", value_limit=None, quantity_limit=None
    )
    assert codes(registration, shipment(issuer="EU", exceptions=["EU001"])) == []


def test_the_licence_expiring_first_is_used_and_refusals_say_why() -> None:
    late, early = (
        licence(1, expires_on=dt.date(2025, 12, 31)),
        licence(2, number="D2", expires_on=dt.date(2024, 12, 31)),
    )
    wrong = licence(3, number="D3", destinations=["MY"])
    cover = find_cover([late, wrong, early], shipment(), RATES)
    assert (cover.needed, cover.licence and cover.licence.number, cover.statement) == (True, "D2", "covered by D2")
    none = find_cover([wrong], shipment(), RATES)
    assert none.licence is None and none.statement == "no licence fits: D3: covers MY; not SG"


@pytest.mark.parametrize(
    ("outcome", "needed", "statement"),
    [
        (Outcome.NO_LICENCE_REQUIRED, False, "the determination found no licence required"),
        (Outcome.PROHIBITED, None, "the transaction is prohibited: no licence can cover it"),
        (Outcome.INDETERMINATE, None, "the determination is indeterminate"),
        (Outcome.PRESUMPTION_OF_DENIAL, True, "covered by D1234567"),
        (Outcome.EXCEPTION_AVAILABLE, False, "covered by D1234567"),
    ],
)
def test_what_the_outcome_says_about_needing_a_licence(outcome: Outcome, needed: bool | None, statement: str) -> None:
    cover = find_cover([licence()], shipment(), RATES, outcome)
    assert cover.needed is needed
    assert cover.statement.startswith(statement)
    if outcome in (Outcome.PROHIBITED, Outcome.INDETERMINATE):
        assert cover.licence is None


def test_a_determination_is_read_as_the_shipment_it_decides() -> None:
    tx = Transaction(
        date=dt.date(2024, 6, 3),
        item="nvidia-h100-sxm",
        destination="Singapore",
        quantity=2,
        value_usd=60000,
        parties=(Party(name="Pacific Trading Pte Ltd", role="consignee"), Party(name="Example Cloud Pte Ltd")),
    )
    det = Determination(
        jurisdiction="us",
        jurisdiction_name="United States",
        transaction="t",
        outcome=Outcome.LICENCE_REQUIRED,
        classes=["3A090.a"],
    )
    ship = shipment_of(det, tx)
    assert (ship.issuer, ship.destination, ship.consignee, ship.end_user, ship.product) == (
        "US", "SG", "Pacific Trading Pte Ltd", "Example Cloud Pte Ltd", "nvidia-h100-sxm",
    )  # fmt: skip
    assert ship.value == Money(amount=Decimal("60000"), currency="USD")
    assert check(licence(), ship, RATES).fits
