"""The case routes: the life of a case over HTTP, refusals with the right status, list changes and notices."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from regime.api.app import create_app
from regime.api.settings import Settings
from regime.governance.testing import People
from regime.screen import Authority, Party
from regime.store import Store

from .conftest import SDN_HIT, TRANSACTION, TableScreener

CLOUD = Party(list_code="SDN", entry_id="SDN-9", name="Example Cloud Pte Ltd", countries=("SG",), kind="organisation")
AUTHORITIES = {"SDN": Authority(code="SDN", name="Specially Designated Nationals", effect="blocked")}


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    """The service on the store, screening with a table (the consignee is an SDN look-alike)."""
    app = create_app(Settings(db_url=store.url, migrate=False, load_regimes=False), store=store)
    app.state.screener = TableScreener({"Pacific Trading Pte Ltd": [SDN_HIT]}, source="Test list", version="v1")
    with TestClient(app) as test_client:
        yield test_client


def test_a_case_over_http_from_draft_to_approved(client: TestClient, people: People) -> None:
    headers = {"Authorization": f"Bearer {people.token(None, None, 'exporter')}"}

    def post(path: str, body: dict[str, Any] | None = None, status: int = 200) -> dict[str, Any]:
        answer = client.post(path, json=body if body is not None else {}, headers=headers)
        assert answer.status_code == status, answer.text
        found: dict[str, Any] = answer.json()
        return found

    case = post("/cases", {"reference": "PO-1", "transaction": TRANSACTION, "ship_until": "2024-12-31"}, 201)
    cid = case["id"]
    assert (case["state"], case["actions"]) == ("draft", ["submit"])
    post(f"/cases/{cid}/classification", {"list_id": "us-ccl", "version": "2024-03-01", "classes": ["3A090.a"]})
    det = {"jurisdiction": "us", "jurisdiction_name": "United States", "transaction": "PO-1",
           "outcome": "no_licence_required", "classes": ["3A090.a"]}  # fmt: skip
    post(f"/cases/{cid}/determinations", {"determinations": [det]})
    assert post(f"/cases/{cid}/submit", {"reason": "order in"})["state"] == "screening"
    case = post(f"/cases/{cid}/screen")
    assert (case["state"], case["hits"][0]["list_code"]) == ("escalated", "SDN")
    refused = post(f"/cases/{cid}/approve", {"reason": "fine"}, 409)
    assert "1 screening hit(s) are still undecided" in refused["message"]
    post(f"/cases/{cid}/hits/{case['hits'][0]['id']}/clear", {"reason": "other company, other country"})
    assert post(f"/cases/{cid}/approve", {"reason": "cleared"})["state"] == "approved"
    lines = client.get(f"/cases/{cid}/report", headers=headers).json()["lines"]
    assert any("cleared as a false positive by" in line for line in lines)
    assert post(f"/cases/{cid}/dance", {"reason": "x"}, 404)["message"].startswith("no case action 'dance'")
    assert post(f"/cases/{cid}/close", {"why": "x"}, 422)["message"] == "body.why: Extra inputs are not permitted"
    assert "say why" in post(f"/cases/{cid}/close", {}, 409)["message"]

    change = {"source": "Test list", "old_version": "v1", "new_version": "v2",
              "authorities": {k: a.model_dump() for k, a in AUTHORITIES.items()}, "added": [CLOUD.model_dump()]}  # fmt: skip
    found = post("/cases/list-changes/screening", change)
    assert (found["returned"], found["urgent"]) == ([cid], [cid])
    notices = client.get("/cases/notices", headers=headers).json()
    assert notices[0]["kind"] == "urgent" and "newly listed: 'Example Cloud Pte Ltd'" in notices[0]["message"]
    post(f"/cases/notices/{notices[0]['id']}/acknowledge")
    assert [n["kind"] for n in client.get("/cases/notices", headers=headers).json()] == ["re_review"]
    assert [c["state"] for c in client.get("/cases", headers=headers).json()] == ["screening"]


def test_cases_need_a_caller_who_keeps_them(client: TestClient, people: People) -> None:
    assert client.get("/cases").status_code == 401
    other = {"Authorization": f"Bearer {people.token(None, None, 'exporter')}"}
    assert client.get("/cases/1", headers=other).status_code == 404
