"""Every line of access crossed over HTTP, and refused with a clear JSON message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import text

from regime.store import Store

WA = "wassenaar"
Headers = Callable[..., dict[str, str]]
PROPOSAL = {
    "list_id": "wassenaar-dual-use",
    "title": "Advanced computing ICs",
    "rationale": "close the gap",
    "changes": {
        "entries": [{"id": "3A090", "heading": "AI chips", "paragraphs": [{"id": "a", "criterion": "tpp >= 4800"}]}]
    },
}
DENIAL = {
    "list_id": "wassenaar-dual-use",
    "entry_id": "3A090",
    "parameters": {"tpp": 4900},
    "consignee": "Pacific Trading Ltd",
    "end_user": "Example Supercomputing Centre",
    "destination": "CN",
    "reason": "diversion risk",
    "denied_on": "2024-02-01",
}


def refused(response: Any, status: int, words: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) >= {"error", "message"}
    assert words in body["message"], body["message"]


def circulated(client: TestClient, tokens: Headers) -> tuple[int, dict[str, str]]:
    us = tokens(WA, "US", "list_expert")
    proposal = client.post(f"/regimes/{WA}/proposals", json=PROPOSAL, headers=us).json()
    client.post(f"/regimes/{WA}/proposals/{proposal['id']}/circulate", headers=us)
    return proposal["id"], us


def test_without_a_valid_token_member_routes_are_refused(client: TestClient) -> None:
    refused(client.get(f"/regimes/{WA}/denials"), 401, "bearer token is required")
    refused(client.get(f"/regimes/{WA}/denials", headers={"Authorization": "Bearer rgm_forged"}), 401, "unknown")


def test_exporters_and_the_public_see_only_published_releases(client: TestClient, tokens: Headers) -> None:
    exporter = tokens(None, None, "exporter")
    for method, path in (
        ("GET", f"/regimes/{WA}/denials"),
        ("GET", f"/regimes/{WA}/proposals"),
        ("GET", f"/regimes/{WA}/consultations"),
        ("GET", f"/regimes/{WA}/licence-notices"),
        ("GET", f"/regimes/{WA}/reports"),
        ("GET", f"/regimes/{WA}/applications"),
        ("POST", f"/regimes/{WA}/denials"),
    ):
        body = DENIAL if method == "POST" else None
        refused(client.request(method, path, headers=exporter, json=body), 403, "exporters and the public see only")
    for headers in (exporter, {}):
        assert client.get(f"/regimes/{WA}/releases", headers=headers).status_code == 200
        assert client.get("/regimes", headers=headers).status_code == 200


def test_a_member_never_sees_another_members_private_minimum(client: TestClient, tokens: Headers) -> None:
    proposal_id, us = circulated(client, tokens)
    path = f"/regimes/{WA}/proposals/{proposal_id}/private-position"
    minimum = {"minimum": "3A090 at any threshold", "required_entries": ["3A090"]}
    assert client.put(path, json=minimum, headers=us).status_code == 200
    be = tokens(WA, "BE", "list_expert")
    refused(client.get(path, params={"member": "US"}, headers=be), 403, "seen only by the member that recorded it")
    refused(client.get(path, headers=be), 404, "BE has recorded no private position")
    refused(client.get(path, params={"member": "US"}, headers=tokens(WA, "AT", "secretariat")), 403, "seen only")
    proposal = client.get(f"/regimes/{WA}/proposals/{proposal_id}", headers=be).json()
    assert "at any threshold" not in str(proposal)
    assert client.get(path, headers=us).json()["minimum"] == "3A090 at any threshold"


def test_a_draft_is_seen_by_its_proposer_only(client: TestClient, tokens: Headers) -> None:
    us = tokens(WA, "US", "list_expert")
    draft = client.post(f"/regimes/{WA}/proposals", json=PROPOSAL, headers=us).json()
    be = tokens(WA, "BE", "list_expert")
    refused(client.get(f"/regimes/{WA}/proposals/{draft['id']}", headers=be), 404, "seen by its proposer only")
    assert client.get(f"/regimes/{WA}/proposals", headers=be).json() == []
    assert client.get(f"/regimes/{WA}/proposals/{draft['id']}", headers=us).status_code == 200


def test_a_list_expert_of_one_member_cannot_vote_for_another(client: TestClient, tokens: Headers) -> None:
    proposal_id, _ = circulated(client, tokens)
    client.post(f"/regimes/{WA}/proposals/{proposal_id}/review", json={}, headers=tokens(WA, "DE", "chair"))
    vote = {"position": "yes", "member": "DE"}
    response = client.post(
        f"/regimes/{WA}/proposals/{proposal_id}/votes", json=vote, headers=tokens(WA, "US", "list_expert")
    )
    refused(response, 403, "acts for US only; it cannot act for DE")


def test_a_user_acts_in_its_own_regime_and_roles_only(client: TestClient, tokens: Headers) -> None:
    mtcr_officer = tokens("mtcr", "US", "licensing_officer")
    refused(client.post(f"/regimes/{WA}/denials", json=DENIAL, headers=mtcr_officer), 403, "not of wassenaar")
    refused(
        client.post(f"/regimes/{WA}/proposals", json=PROPOSAL, headers=tokens(WA, "US", "licensing_officer")),
        403,
        "needs the role list expert",
    )
    proposal_id, _ = circulated(client, tokens)
    response = client.post(f"/regimes/{WA}/proposals/{proposal_id}/review", json={}, headers=tokens(WA, "FR", "chair"))
    refused(response, 403, "only the chair of the working group experts (DE)")


def test_licence_cases_and_reports_stay_with_their_members(client: TestClient, tokens: Headers) -> None:
    client.post(f"/regimes/{WA}/denials", json=DENIAL, headers=tokens(WA, "DE", "licensing_officer"))
    transaction = {k: v for k, v in DENIAL.items() if k not in {"reason", "denied_on"}}
    fr = tokens(WA, "FR", "licensing_officer")
    case = client.post(f"/regimes/{WA}/licence-cases", json=transaction, headers=fr).json()
    refused(
        client.get(f"/regimes/{WA}/licence-cases/{case['id']}", headers=tokens(WA, "IT", "licensing_officer")),
        404,
        "visible to IT",
    )
    refused(
        client.get(f"/regimes/{WA}/reports", params={"member": "FR"}, headers=tokens(WA, "IT", "licensing_officer")),
        403,
        "own member's report only",
    )


def test_tokens_are_stored_as_digests_only(client: TestClient, tokens: Headers, loaded: Store) -> None:
    token = tokens(WA, "US", "list_expert")["Authorization"].removeprefix("Bearer ")
    with loaded.read() as session:
        stored = session.execute(text("SELECT token_sha256 FROM tokens")).scalars().all()
    assert token not in stored
    assert all(len(value) == 64 for value in stored)
