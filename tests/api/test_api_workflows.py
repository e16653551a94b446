"""The workflows over HTTP: JSON in and out, OpenAPI served, clear errors and nothing half-written."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

WA = "wassenaar"
CHIPS = "chip-alliance"
Headers = Callable[..., dict[str, str]]
TRANSACTION = {
    "list_id": "chip-alliance-sme",
    "entry_id": "3B001",
    "parameters": {"wavelength_nm": 193},
    "consignee": "Eastern Fab Equipment Co.",
    "end_user": "Advanced Logic Foundry, Ltd.",
    "destination": "CN",
}


def test_openapi_lists_the_faces(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/regimes/{regime_id}/releases",
        "/regimes/{regime_id}/proposals",
        "/regimes/{regime_id}/proposals/{proposal_id}/votes",
        "/regimes/{regime_id}/denials",
        "/regimes/{regime_id}/consultations",
        "/regimes/{regime_id}/reports",
    ):
        assert path in paths
    assert client.get("/health").json()["status"] == "ok"


def test_a_white_paper_through_to_a_published_release(client: TestClient, tokens: Headers) -> None:
    us = tokens(WA, "US", "list_expert")
    paper = {
        "list_id": "wassenaar-dual-use",
        "title": "AI chips",
        "rationale": "r",
        "changes": {
            "entries": [{"id": "3A090", "heading": "AI chips", "paragraphs": [{"id": "a", "criterion": "tpp >= 4800"}]}]
        },
        "effective": "2025-01-01",
    }
    proposal = client.post(f"/regimes/{WA}/proposals", json=paper, headers=us)
    assert proposal.status_code == 201
    pid = proposal.json()["id"]
    client.post(f"/regimes/{WA}/proposals/{pid}/circulate", headers=us)
    assert (
        client.post(f"/regimes/{WA}/proposals/{pid}/review", json={}, headers=tokens(WA, "DE", "chair")).status_code
        == 200
    )
    ballot = client.post(f"/regimes/{WA}/proposals/{pid}/votes", json={"position": "yes"}, headers=us).json()
    assert ballot["votes"][0]["member"] == "US"
    decided = client.post(f"/regimes/{WA}/proposals/{pid}/decision", headers=tokens(WA, "NL", "chair")).json()
    assert (decided["status"], decided["release"]) == ("adopted", 1)
    release = client.get(f"/regimes/{WA}/lists/wassenaar-dual-use/releases/1").json()
    assert (release["effective"], release["diff"]["added"]) == ("2025-01-01", ["3A090"])
    adopted = client.get(f"/regimes/{WA}/lists/wassenaar-dual-use/entries").json()["3A090"]
    assert adopted["paragraphs"][0]["criterion"] == "tpp >= 4800"


def test_notify_consult_and_grant_with_reasons(client: TestClient, tokens: Headers) -> None:
    nl, us = tokens(CHIPS, "NL", "licensing_officer"), tokens(CHIPS, "US", "licensing_officer")
    denial = client.post(
        f"/regimes/{CHIPS}/denials",
        json={**TRANSACTION, "reason": "advanced node", "denied_on": "2024-03-01"},
        headers=nl,
    )
    assert denial.status_code == 201
    case = client.post(f"/regimes/{CHIPS}/licence-cases", json=TRANSACTION, headers=us).json()
    consultation = case["consultations"][0]
    assert (consultation["denying_member"], consultation["deadline"]) == ("NL", "2024-03-18")
    early = client.post(f"/regimes/{CHIPS}/licence-cases/{case['id']}/grant", json={"reasons": "x"}, headers=us)
    assert (early.status_code, early.json()["error"]) == (409, "conflict")
    client.post(f"/regimes/{CHIPS}/consultations/{consultation['id']}/answer", json={"identical": True}, headers=nl)
    bare = client.post(f"/regimes/{CHIPS}/licence-cases/{case['id']}/grant", json={}, headers=us)
    assert bare.status_code == 422 and "give the reasons" in bare.json()["message"]
    granted = client.post(f"/regimes/{CHIPS}/licence-cases/{case['id']}/grant", json={"reasons": "checked"}, headers=us)
    assert granted.json()["status"] == "granted"
    notices = client.get(f"/regimes/{CHIPS}/licence-notices", headers=tokens(CHIPS, "JP", "list_expert")).json()
    assert [n["reasons"] for n in notices] == ["checked"]


def test_bad_input_gets_a_clear_message_and_writes_nothing(client: TestClient, tokens: Headers) -> None:
    officer = tokens(WA, "DE", "licensing_officer")
    bad = {
        **TRANSACTION,
        "list_id": "wassenaar-dual-use",
        "destination": "ACME Corp",
        "reason": "r",
        "denied_on": "2024-03-01",
    }
    response = client.post(f"/regimes/{WA}/denials", json=bad, headers=officer)
    assert response.status_code == 422
    assert "body.destination: 'ACME Corp' is not a nation-state" in response.json()["message"]
    wrong_list = {**bad, "destination": "CN", "list_id": "chip-alliance-sme"}
    assert "keeps no list" in client.post(f"/regimes/{WA}/denials", json=wrong_list, headers=officer).json()["message"]
    assert client.get(f"/regimes/{WA}/denials", headers=officer).json() == []
    missing = client.get(f"/regimes/{WA}/proposals/99", headers=officer)
    assert (missing.status_code, missing.json()["message"]) == (404, "no proposal 99 in wassenaar")
    assert client.get("/regimes/nsg").json()["message"].startswith("no regime 'nsg' (regimes: chip-alliance, cocom")


def test_the_audit_chain_is_verified_over_http(client: TestClient, tokens: Headers) -> None:
    officer = tokens(WA, "DE", "licensing_officer")
    status = client.get(f"/regimes/{WA}/audit/verify", headers=officer).json()
    assert status["intact"] and status["rows"] > 4
