"""Threshold headroom of real products, and what a proposed amendment would catch."""

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from regime.assess.headroom import amendment_effects, closest_below, headroom
from regime.cli.main import app
from regime.lists.compiled import compile_list
from regime.lists.loader import list_folder, load_docs, read_yaml
from regime.lists.reform import apply_reform, reform_from_yaml
from regime.lists.registry import compiled_list
from regime.model.catalogue import load_catalogue

AMENDMENT = Path(__file__).parents[2] / "data" / "amendments" / "lower-tpp-2400.yaml"


def test_headroom_finds_the_parts_designed_just_under_the_thresholds() -> None:
    catalogue = load_catalogue()
    rows = closest_below(headroom(catalogue.values(), compiled_list("us-ccl", dt.date(2025, 6, 1)), catalogue), 0.05)
    by_item = {(r.item, r.parameter): r for r in rows}
    h20 = by_item[("NVIDIA H20", "tpp")]
    assert h20.ref == "3A090.b" and h20.value == "2,368" and h20.threshold == "2,400"
    assert round(-h20.gap, 3) == 0.013
    assert ("NVIDIA GeForce RTX 4090 D", "tpp") in by_item
    assert all(not r.item.startswith("NVIDIA H100") for r in rows), "controlled products have no headroom"
    assert [r.gap for r in rows] == sorted((r.gap for r in rows), reverse=True)


def test_an_amendment_lowering_tpp_catches_the_parts_below_the_old_threshold() -> None:
    catalogue = load_catalogue()
    reform = reform_from_yaml(read_yaml(AMENDMENT))
    base = compiled_list("us-ccl", reform.effective)
    amended = compile_list(apply_reform(load_docs(list_folder("us-ccl")), reform).at(reform.effective))
    effects = {
        e.item: e for e in amendment_effects(catalogue.values(), base, amended, catalogue) if e.caught or e.released
    }
    assert effects["NVIDIA GeForce RTX 4090 D"].caught == ("3A090.a",)
    assert effects["NVIDIA H20"].caught == ("3A090.b",)
    assert "NVIDIA H100 SXM5 80GB" not in effects, "already 3A090.a: unchanged"


def test_headroom_command_reports_the_amendment_as_json() -> None:
    result = CliRunner().invoke(app, ["headroom", "--amend", str(AMENDMENT), "--json", "--as-of", "2025-06-01"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    caught = {row["item"]: row["caught"] for row in payload["amendment"]}
    assert caught["NVIDIA H20"] == ["3A090.b"]
    assert any(row["item"] == "NVIDIA H20" for row in payload["headroom"])
