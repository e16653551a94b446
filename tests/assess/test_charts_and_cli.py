"""Charts carry their source and date; the CLI commands answer in tables, JSON and files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from regime.assess.charts import compare_heatmap, figure_bytes, save_figure, supplier_bars
from regime.assess.context import SupplyData
from regime.assess.report import compare_report
from regime.cli.main import app
from regime.errors import InputError

runner = CliRunner()


def test_heatmap_svg_carries_the_caption(supply: SupplyData) -> None:
    memberships = [supply.memberships[m] for m in supply.compare]
    view = compare_report(supply, memberships, 0.9, ["N20", "N19", "N2"])
    svg = figure_bytes(compare_heatmap(view), "svg").decode()
    assert "CC BY-NC 4.0" in svg and "2026-08-14" in svg
    assert "n/a" in svg  # N2 has no shares


def test_supplier_bars_png_and_bad_suffix(tmp_path: Path, supply: SupplyData) -> None:
    fig = supplier_bars(supply.shares("N19"), frozenset({"NL", "JP", "US"}), supply.caption(["N19"]), "chips")
    path = save_figure(fig, tmp_path / "bars.png")
    assert path.read_bytes()[:4] == b"\x89PNG"
    with pytest.raises(InputError, match=r"must end in \.png or \.svg"):
        save_figure(fig, tmp_path / "bars.jpg")


def test_assess_json_for_one_effort() -> None:
    result = runner.invoke(app, ["assess", "chip-alliance", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    scores = {c["id"]: c["score"] for c in data["criteria"]}
    assert scores["focused-membership"] == "partly"
    assert scores["shared-problem"] == "unknown"
    assert data["progress"][0]["date"] == "2022-10-07"


def test_assess_as_of_and_overview() -> None:
    early = runner.invoke(app, ["assess", "wassenaar", "--as-of", "1995-06-01", "--json"])
    assert json.loads(early.output)["points"] == 0
    overview = runner.invoke(app, ["assess"])
    assert overview.exit_code == 0 and "wassenaar" in overview.output
    bad = runner.invoke(app, ["assess", "wassenaar", "--as-of", "June 1995"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_coverage_json_names_source_and_covers() -> None:
    result = runner.invoke(app, ["coverage", "--members", "US,JP,NL", "--inputs", "N20,N19", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["technologies"][0]["member_share"] == pytest.approx(1.0)
    assert data["smallest_cover"]["members"] == ["JP", "NL"]
    assert "CC BY-NC 4.0" in data["caption"]


def test_coverage_compare_writes_a_chart(tmp_path: Path) -> None:
    out = tmp_path / "compare.svg"
    result = runner.invoke(app, ["coverage", "--compare", "--chart", str(out)])
    assert result.exit_code == 0, result.output
    assert "reaching the target" in result.output
    assert "CC BY-NC 4.0" in out.read_text()


def test_coverage_errors_are_clear() -> None:
    assert "between 0 and 1" in runner.invoke(app, ["coverage", "--members", "US", "--target", "90"]).output
    unknown = runner.invoke(app, ["coverage", "--members", "US,Atlantis"])
    assert unknown.exit_code == 2 and "Atlantis" in unknown.output
    missing = runner.invoke(app, ["coverage", "--members", "US", "--suppliers", "N999"])
    assert missing.exit_code == 2 and "N999" in missing.output
