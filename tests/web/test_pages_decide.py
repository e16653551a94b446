"""Classify, determine, screen and the design pages over HTTP: forms, fragments and clear input errors."""

from __future__ import annotations

from fastapi.testclient import TestClient

HTMX = {"HX-Request": "true"}


def test_classify_shows_each_match_with_its_evidence(client: TestClient) -> None:
    text = client.get("/web/classify?item=nvidia-h100-sxm&list=us-ccl&list=mtcr-annex").text
    assert "tpp &gt;= 4800: 15,832 vs 4,800" in text and '<span class="res-true">true</span>' in text
    assert "MTCR Equipment" in text and "Indeterminate" in text
    released = client.get("/web/classify?item=nvidia-rtx-4090d&list=us-ccl").text
    assert 'class="released"' in released and "released only narrowly" in released


def test_a_typed_item_with_a_mistake_is_named_and_kept(client: TestClient) -> None:
    typed = "name: Bad\nparameters: [1, 2"
    answer = client.post("/web/classify", data={"item_yaml": typed, "list": "us-ccl"})
    assert answer.status_code == 422 and "not valid YAML" in answer.text and "line" in answer.text
    assert "parameters: [1, 2</textarea>" in answer.text  # what was typed stays in the form
    unknown = client.post("/web/classify", data={"item_yaml": "name: X\ncolour: red\n"}, headers=HTMX)
    assert unknown.status_code == 422 and "colour" in unknown.text and "<html" not in unknown.text


def test_determine_reports_each_member_and_its_trace(client: TestClient) -> None:
    form = {"item": "nvidia-h100-sxm", "destination": "China", "date": "2024-06-01", "all_members": "on"}
    text = client.post("/web/determine", data=form, headers=HTMX).text
    assert text.count('<section id="member-') == 4
    assert "presumption of denial" in text and "GP1: CCL x Country Chart" in text
    single = client.post("/web/determine", data=form | {"all_members": ""}, headers=HTMX).text
    assert single.count('<section id="member-') == 1


def test_determine_names_a_bad_field(client: TestClient) -> None:
    form = {"item": "nvidia-h100-sxm", "destination": "China", "quantity": "0"}
    answer = client.post("/web/determine", data=form, headers=HTMX)
    assert answer.status_code == 422 and "quantity" in answer.text
    missing = client.post("/web/determine", data={"item": "no-such-product"}, headers=HTMX)
    assert missing.status_code == 422 and "no catalogue item" in missing.text


def test_screening_a_file_without_a_name_column_is_refused(client: TestClient) -> None:
    files = {"file": ("parties.csv", b"company,country\nHuawei,CN\n", "text/csv")}
    answer = client.post("/web/screen/batch", files=files)
    assert answer.status_code == 422 and "name" in answer.text
    assert client.get("/web/screen/batch/nope").status_code == 404


def test_a_screening_batch_redirects_to_its_progress_page(client: TestClient) -> None:
    files = {"file": ("parties.csv", b"name,country\nHuawei Technologies,CN\n", "text/csv")}
    answer = client.post("/web/screen/batch", files=files)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/web/screen/batch/")
    page = client.get(answer.headers["location"]).text
    assert "<progress" in page and "parties.csv" in page


def test_design_pages_render_with_their_sources(client: TestClient) -> None:
    assert "points (met 1, partly ½)" in client.get("/web/assess").text
    assert client.get("/web/assess/no-such-effort").status_code == 404
    coverage = client.get("/web/coverage?members=US,JP,NL").text
    assert "Smallest membership" in coverage and "/web/coverage/heatmap.svg" in coverage
    assert client.get("/web/coverage?target=2").status_code == 422
    assert "NVIDIA H20" in client.get("/web/headroom").text
    assert "products are decided differently" in client.get("/web/divergence").text
