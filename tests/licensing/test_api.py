"""The licence routes: JSON in and out, refusals as JSON errors with the right status."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from regime.governance.testing import People

from .conftest import TERMS, bearer

LICENCE = {**TERMS, "valid_from": "2024-01-01", "expires_on": "2025-12-31"}
SHIP: dict[str, Any] = {
    "destination": "SG",
    "classes": ["3A090.a"],
    "consignee": "Pacific Trading Pte Ltd",
    "end_user": "Example Cloud Pte Ltd",
}
EUR_USD = [{"from": "EUR", "to": "USD", "rate": "1.25"}]


def test_record_draw_restore_and_read_the_ledger_over_http(client: TestClient, people: People) -> None:
    headers = bearer(people, None, None, "exporter")
    created = client.post("/licences", json=LICENCE, headers=headers)
    assert created.status_code == 201, created.text
    licence = created.json()
    assert (licence["quantity_remaining"], licence["value_remaining"]) == (10, "300000.00")
    draw = {
        **SHIP,
        "shipment": "S-1",
        "quantity": 9,
        "value": {"amount": "200000", "currency": "EUR"},
        "rates": EUR_USD,
    }
    drawn = client.post(f"/licences/{licence['id']}/draws", json=draw, headers=headers)
    assert drawn.status_code == 201, drawn.text
    assert (drawn.json()["value"], drawn.json()["rate"]) == ("250000.00", "1.25")
    over = client.post(
        f"/licences/{licence['id']}/draws", json={**draw, "shipment": "S-2", "quantity": 2}, headers=headers
    )
    assert over.status_code == 409
    assert over.json()["message"].startswith("over-draw refused: licence D1234567 has 1 units and 50000.00 USD left")
    no_rate = client.post(
        f"/licences/{licence['id']}/draws", json={**draw, "shipment": "S-2", "rates": []}, headers=headers
    )
    assert (no_rate.status_code, "no rate from EUR to USD" in no_rate.json()["message"]) == (422, True)
    flagged = client.get("/licences", params={"flagged": True}, headers=headers).json()
    assert [f["code"] for f in flagged[0]["flags"]] == ["near_exhaustion"]
    restored = client.post(
        f"/licence-usage/{drawn.json()['id']}/restore", json={"quantity": 9, "reason": "cancelled"}, headers=headers
    )
    assert restored.status_code == 201, restored.text
    usage = client.get(f"/licences/{licence['id']}/usage", headers=headers).json()
    assert [(u["kind"], u["quantity"]) for u in usage] == [("draw", 9), ("restore", 9)]
    assert client.get(f"/licences/{licence['id']}", headers=headers).json()["quantity_remaining"] == 10


def test_cover_says_which_licence_fits_or_why_none_does(client: TestClient, people: People) -> None:
    headers = bearer(people, None, None, "exporter")
    client.post("/licences", json=LICENCE, headers=headers)
    shipment = {
        **SHIP,
        "date": "2024-06-03",
        "issuer": "US",
        "quantity": 1,
        "value": {"amount": "10", "currency": "USD"},
    }
    fits = client.post("/licences/cover", json={"shipment": shipment}, headers=headers).json()
    assert (fits["needed"], fits["licence"]["number"], fits["statement"]) == (True, "D1234567", "covered by D1234567")
    wrong = client.post("/licences/cover", json={"shipment": {**shipment, "destination": "CN"}}, headers=headers).json()
    assert wrong["statement"] == "no licence fits: D1234567: covers SG, MY; not CN"
    banned = client.post(
        "/licences/cover", json={"shipment": shipment, "outcome": "prohibited"}, headers=headers
    ).json()
    assert banned["licence"] is None


def test_refusals_over_http(client: TestClient, people: People) -> None:
    assert client.get("/licences").status_code == 401
    expert = bearer(people, "wassenaar", "US", "list_expert")
    assert client.post("/licences", json=LICENCE, headers=expert).status_code == 403
    bad = client.post("/licences", json={**LICENCE, "currency": "EURO"}, headers=bearer(people, None, None, "exporter"))
    assert (bad.status_code, "currency: 'EURO' is not a currency code" in bad.json()["message"]) == (422, True)
    assert client.get("/licences/99", headers=bearer(people, None, None, "exporter")).status_code == 404


def test_a_member_records_grants_and_denials_over_http(client: TestClient, people: People) -> None:
    officer = bearer(people, "chip-alliance", "US", "licensing_officer")
    tx = {
        "list_id": "chip-alliance-sme",
        "entry_id": "3B001",
        "consignee": "Eastern Fab",
        "end_user": "Foundry",
        "destination": "CN",
    }
    denied = client.post("/regimes/chip-alliance/licences/denied", json={**tx, "reason": "r", "denied_on": "2024-03-01"},
                         headers=bearer(people, "chip-alliance", "NL", "licensing_officer"))  # fmt: skip
    assert denied.status_code == 201, denied.text
    terms = {
        "authority": "BIS",
        "number": "D-1",
        "holder": "H",
        "currency": "USD",
        "valid_from": "2024-03-01",
        "expires_on": "2025-03-01",
    }
    granted = client.post(
        "/regimes/chip-alliance/licences/granted", json={"transaction": tx, "licence": terms}, headers=officer
    )
    assert granted.status_code == 201, granted.text
    assert (granted.json()["status"], granted.json()["licence"]["status"]) == ("consulting", "pending")
    case_id = granted.json()["case"]["id"]
    early = client.post(f"/regimes/chip-alliance/licences/granted/{case_id}/complete", json={}, headers=officer)
    assert (early.status_code, early.json()["status"]) == (200, "consulting")
