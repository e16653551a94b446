"""``regime classify`` and ``regime demo`` as a user runs them."""

import json
from pathlib import Path

from typer.testing import CliRunner

from regime.cli.main import app

runner = CliRunner()


def test_classify_a_catalogue_item_as_json() -> None:
    result = runner.invoke(app, ["classify", "nvidia-a800-sxm", "--as-of", "2023-01-01", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["classes"] == [] and payload["fallback"] == "EAR99"
    later = json.loads(runner.invoke(app, ["classify", "nvidia-a800-sxm", "--as-of", "2024-01-01", "--json"]).output)
    assert later["classes"] == ["3A090.a"]


def test_classify_an_item_file_prints_the_reasoning(tmp_path: Path) -> None:
    path = tmp_path / "chip.yaml"
    path.write_text(
        "name: Test accelerator\nparameters:\n  item_type: integrated_circuit\n  ic_function: logic\n"
        "  tpp: 4750\n  applicable_die_area: 600 mm^2\n  designed_for_datacenter: false\n"
    )
    result = runner.invoke(app, ["classify", str(path), "--as-of", "2024-06-01"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "released by Note 2 to 3A090" in result.output
    assert "Near miss" in result.output and "1.0% below 4,800" in result.output


def test_bad_item_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("name: x\nparameters:\n  tpp: [oops\n")
    result = runner.invoke(app, ["classify", str(path)])
    assert result.exit_code == 2
    assert "not valid YAML" in result.output and "line 4" in result.output


def test_classify_against_the_mtcr_annex_shows_its_numbering() -> None:
    result = runner.invoke(app, ["classify", "spacex-falcon-9", "--list", "mtcr-annex"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "1.A.1." in result.output


def test_demo_summary_runs_offline() -> None:
    result = runner.invoke(app, ["demo", "--brief", "--as-of", "2025-06-01"], env={"COLUMNS": "220"})
    assert result.exit_code == 0, result.output
    assert "NVIDIA A800" in result.output and "3A090.a" in result.output
