"""POST /screen: one party or many, hits with their legal meaning as JSON, bad input refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from regime.api.app import create_app
from regime.api.routers.screen import screening_index
from regime.api.settings import Settings
from regime.screen.index import ScreeningIndex


@pytest.fixture
def client(small: ScreeningIndex) -> Iterator[TestClient]:
    """The service screening against the small test list (no store: screening reads none, so no lifespan)."""
    app = create_app(Settings(db_url="sqlite://", migrate=False, load_regimes=False))
    app.dependency_overrides[screening_index] = lambda: small
    yield TestClient(app)


def test_one_party_is_screened_with_its_hits_explained(client: TestClient) -> None:
    response = client.post("/screen", json={"name": "Northwind Avionics Company Limited", "country": "China"})
    assert response.status_code == 200
    [result] = response.json()
    assert result["outcome"] == "hit" and result["countries"] == ["CN"]
    hit = result["hits"][0]
    assert (hit["list_code"], hit["entry_id"], hit["name"]) == ("EL", "EL:1", "Northwind Avionics Co., Ltd.")
    assert hit["parts"]["matched_on"] == "name" and hit["parts"]["country"] == 1.0
    assert hit["licence_policy"] == "Presumption of denial" and hit["legal_effect"] == "Licence required."
    assert result["searched"] == {"source": "TEST", "version": "v1", "lists": ["DPL", "EL"]}


def test_many_parties_are_answered_in_order(client: TestClient) -> None:
    parties = [
        {"name": "Ivanov Sergei", "country": "RU", "reference": "c-1"},
        {"name": "Acme Widgets Ltd", "country": "GB", "reference": "c-2"},
        {"name": "NWA Avionics", "reference": "c-3"},
    ]
    response = client.post("/screen", json={"parties": parties})
    assert response.status_code == 200
    results = response.json()
    assert [r["query"]["reference"] for r in results] == ["c-1", "c-2", "c-3"]
    assert [r["outcome"] for r in results] == ["hit", "clear", "hit"]
    assert results[0]["hits"][0]["entry_id"] == "DPL:3"
    assert results[1]["statement"].startswith("no match in lists DPL, EL of TEST v1")
    assert results[2]["hits"][0]["parts"]["matched_on"] == "alias"


def test_a_higher_threshold_clears_a_weaker_hit(client: TestClient) -> None:
    party = {"name": "Ivanov Sergei"}
    low = client.post("/screen", json={"parties": [party]}).json()[0]
    score = low["hits"][0]["score"]
    high = client.post("/screen", json={"parties": [party], "threshold": min(1.0, score + 0.001)}).json()[0]
    assert high["outcome"] == "clear" and high["threshold"] > score


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"parties": []}, "parties"),
        ({"name": "Huawei", "country": "Narnia"}, "unknown country 'Narnia'"),
        ({"name": " -- "}, "has no letters or digits"),
        ({"parties": [{"name": "x"}], "threshold": 1.5}, "threshold"),
    ],
)
def test_bad_requests_are_refused_saying_what_was_expected(
    client: TestClient, body: dict[str, object], message: str
) -> None:
    response = client.post("/screen", json=body)
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_input"
    assert message in response.json()["message"]


def test_the_bundled_list_is_served_by_default(csl: ScreeningIndex) -> None:
    app = create_app(Settings(db_url="sqlite://", migrate=False, load_regimes=False))
    [result] = TestClient(app).post("/screen", json={"name": "Huawei Technologies Co Ltd", "country": "CN"}).json()
    hit = next(h for h in result["hits"] if h["name"] == "Huawei Technologies Co., Ltd. (Huawei)")
    assert hit["list_code"] == "EL" and "744.11" in hit["licence_requirement"]
