"""The public engine endpoints: classify, determine (one member and all), and the lists as code."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from regime.api.app import create_app
from regime.api.settings import Settings


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The service on a fresh embedded store, as an exporter (no token) sees it."""
    db = tmp_path_factory.mktemp("store") / "regime.sqlite"
    with TestClient(create_app(Settings(db_url=f"sqlite:///{db}"))) as client:
        yield client  # type: ignore[misc]


@pytest.fixture(autouse=True)
def exact_party_matching(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGIME_PARTY_MATCH", "exact")


def test_classify_a_catalogue_item_with_its_reasoning(public: TestClient) -> None:
    response = public.post("/classify", json={"item": "nvidia-a800-sxm", "as_of": "2023-01-01"})
    assert response.status_code == 200, response.text
    [result] = response.json()
    assert result["classes"] == [] and result["fallback"] == "EAR99"
    later = public.post("/classify", json={"item": "nvidia-a800-sxm", "as_of": "2024-01-01"}).json()[0]
    assert later["classes"] == ["3A090.a"]
    assert any("tpp >= 4800" in line for line in later["matches"][0]["evidence"])


def test_classify_an_item_written_out_against_two_lists(public: TestClient) -> None:
    item = {
        "name": "Test rocket",
        "parameters": {"item_type": "rocket_system", "payload": "600 kg", "range": "1000 km"},
    }
    results = public.post("/classify", json={"item": item, "lists": ["mtcr-annex", "us-ccl"]}).json()
    assert results[0]["classes"] == ["1A001"]
    assert results[1]["list_id"] == "us-ccl"


def test_bad_items_get_a_clear_json_error(public: TestClient) -> None:
    item = {"name": "x", "parameters": {"item_type": "integrated_circuit", "applicable_die_area": "814 GHz"}}
    response = public.post("/classify", json={"item": item})
    assert response.status_code == 422
    assert "applicable_die_area" in response.text
    assert public.post("/classify", json={"item": "no-such-product"}).status_code == 404


def test_determine_an_h100_to_china_and_compare_members(public: TestClient) -> None:
    tx = {"date": "2025-06-01", "item": "nvidia-h100-sxm", "destination": "China", "value_usd": 30000}
    one = public.post("/determine", json=tx)
    assert one.status_code == 200, one.text
    assert one.json()["outcome"] in {"licence_required", "presumption_of_denial", "indeterminate"}
    assert one.json()["trace"], "a decision carries its trace"
    side_by_side = public.post("/determine/all-members", json=tx).json()
    assert {d["jurisdiction"] for d in side_by_side["determinations"]} >= {"us", "eu"}


def test_lists_on_a_date_search_and_diff(public: TestClient) -> None:
    old = public.get("/lists/us-ccl/entries/3.A.90.", params={"as_of": "2023-01-01"}).json()
    assert old["paragraphs"][0]["criterion"] == "tpp >= 4800 and interconnect_bandwidth >= 600 GB/s"
    assert public.get("/lists/us-ccl/entries/3A090", params={"as_of": "2021-01-01"}).status_code == 404
    hits = public.get("/lists/us-ccl/search", params={"q": "lithography"}).json()
    assert any(hit["entry"] == "3B001" for hit in hits)
    diff = public.get("/lists/us-ccl/diff", params={"from": "2022-10-07", "to": "2025-01-01"}).json()
    assert "3A090" in str(diff)
