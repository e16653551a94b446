"""The assess endpoints: the checklist, coverage and its chart, where members diverge, and headroom as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from regime.api.app import create_app
from regime.api.settings import Settings
from regime.cli.main import app as cli
from regime.governance.registry import open_regime_store
from regime.lists.loader import read_yaml
from regime.paths import DATA_DIR

AMENDMENT = DATA_DIR / "amendments" / "lower-tpp-2400.yaml"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The service on an empty SQLite store: these routes read the bundled data, not the store."""
    url = f"sqlite:///{tmp_path_factory.mktemp('assess') / 'api.db'}"
    store = open_regime_store(url, migrate=True, load=False)
    with TestClient(create_app(Settings(db_url=url, migrate=False, load_regimes=False), store=store)) as client:
        yield client
    store.dispose()


def test_an_effort_is_scored_with_its_evidence_and_progress(api: TestClient) -> None:
    body = api.get("/assess/chip-alliance").json()
    assert body["effort"]["id"] == "chip-alliance"
    assert {c["score"] for c in body["criteria"]} <= {"met", "partly", "not met", "unknown"}
    assert body["progress"] and all("date" in p for p in body["progress"])
    early = api.get("/assess/wassenaar", params={"as_of": "1990-01-01"}).json()
    assert early["points"] <= api.get("/assess/wassenaar").json()["points"]
    missing = api.get("/assess/no-such-effort")
    assert missing.status_code == 404 and "chip-alliance" in missing.json()["message"]
    assert len(api.get("/assess").json()["efforts"]) >= 5


def test_coverage_names_its_source_and_refuses_a_bad_target(api: TestClient) -> None:
    body = api.get("/coverage", params={"members": "US,JP,NL"}).json()
    assert set(body["membership"]["members"]) == {"US", "JP", "NL"}
    assert body["caption"].startswith("Source:")
    side_by_side = api.get("/coverage").json()
    assert len(side_by_side["memberships"]) >= 3
    assert api.get("/coverage", params={"target": 2}).status_code == 422


def test_the_coverage_chart_comes_as_svg_or_png_with_its_caption(api: TestClient) -> None:
    svg = api.get("/coverage/chart.svg", params={"members": "US,JP,NL"})
    assert svg.headers["content-type"] == "image/svg+xml" and b"<svg" in svg.content
    assert b"Source" in svg.content
    png = api.get("/coverage/chart.png")
    assert png.headers["content-type"] == "image/png" and png.content.startswith(b"\x89PNG")
    assert api.get("/coverage/chart.gif").status_code == 422


def test_diverge_reports_each_pair_with_its_leaks_and_sources(api: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGIME_PARTY_MATCH", "exact")
    body = api.get("/diverge", params={"members": "US,NL,JP", "as_of": "2025-03-03"}).json()
    assert [p["members"] for p in body["pairs"]] == [["us", "nl"], ["us", "jp"], ["nl", "jp"]]
    for pair in body["pairs"]:
        a, b = pair["members"]
        assert pair["leaks"] == len(pair["details"]) == pair["through"][a] + pair["through"][b]
        assert all(d["entries"] for d in pair["details"])
    assert "as of 2025-03-03" in body["caption"]
    again = api.get("/diverge", params={"members": "us,nl,jp", "as_of": "2025-03-03"}).json()
    assert again["pairs"] == body["pairs"]
    bad = api.get("/diverge", params={"members": "US"})
    assert bad.status_code == 422 and "two or more" in bad.json()["message"]


def test_headroom_takes_an_amendment_and_agrees_with_the_command_line(api: TestClient, tmp_path: Path) -> None:
    amendment = json.loads(json.dumps(read_yaml(AMENDMENT), default=str))  # as a client would send it
    body = api.post("/headroom", json={"amendment": amendment, "as_of": "2025-03-03"}).json()
    assert body["list"].startswith("us-ccl") and body["caption"].startswith("Source:")
    done = CliRunner().invoke(cli, ["headroom", "--amend", str(AMENDMENT), "--as-of", "2025-03-03", "--json"])
    assert done.exit_code == 0, done.output
    expected = json.loads(done.output)["amendment"]
    assert expected and [{**e, "caught": list(e["caught"])} for e in body["amendment"]] == expected
    plain = api.post("/headroom", json={"as_of": "2025-03-03"}).json()
    assert plain["amendment"] == [] and plain["headroom"] == body["headroom"]
    bad = api.post("/headroom", json={"amendment": {"name": "no date"}})
    assert bad.status_code == 422
