"""``regime screen`` as a user runs it: one party, a file to CSV and JSON, a kept base re-screened."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from regime.cli.main import app

runner = CliRunner()
WIDE = {"COLUMNS": "220"}


def entity(eid: str, schema: str, name: str, country: str, *aliases: str) -> str:
    """One FollowTheMoney entity line."""
    properties = {"name": [name], "country": [country], "alias": list(aliases)}
    return json.dumps({"id": eid, "schema": schema, "datasets": ["testlist"], "properties": properties})


def test_one_party_shows_its_hits_and_what_they_mean() -> None:
    result = runner.invoke(app, ["screen", "Huawei Technologies Co Ltd", "--country", "CN"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("HIT ")
    shown = " ".join(result.output.split())  # Rich may wrap lines where the terminal is narrow
    assert "Huawei" in shown and "EL" in shown  # the full entry is checked in the JSON test below
    assert "policy Presumption of denial" in shown and "744.11" in shown


def test_one_party_as_json_carries_the_score_parts() -> None:
    result = runner.invoke(app, ["screen", "Huawei Technologies Co Ltd", "--country", "CN", "--json"])
    assert result.exit_code == 0, result.output
    [answer] = json.loads(result.output)
    hit = next(h for h in answer["hits"] if h["list_code"] == "EL")
    assert set(hit["parts"]) == {
        "name_similarity", "alias_similarity", "matched_on", "query_cover", "match_cover", "country", "entity_type",
    }  # fmt: skip
    assert hit["parts"]["country"] == 1.0 and hit["citation"].startswith("15 C.F.R.")


def test_a_batch_file_is_written_as_csv_and_json(tmp_path: Path) -> None:
    batch = tmp_path / "customers.csv"
    batch.write_text(
        "reference,name,country\nc1,Huawei Technologies Co Ltd,CN\nc2,Acme Widgets Ltd,GB\n", encoding="utf-8"
    )
    out = tmp_path / "results.csv"
    result = runner.invoke(app, ["screen", "--batch", str(batch), "--out", str(out)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "2 parties screened" in result.output and "1 with hits" in result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["reference"] for r in rows} == {"c1", "c2"}
    assert [r["outcome"] for r in rows if r["reference"] == "c2"] == ["clear"]
    huawei = next(r for r in rows if r["list_code"] == "EL")
    assert huawei["licence_policy"] == "Presumption of denial" and float(huawei["score"]) >= 0.61
    as_json = tmp_path / "results.json"
    assert runner.invoke(app, ["screen", "--batch", str(batch), "--out", str(as_json)]).exit_code == 0
    assert [r["outcome"] for r in json.loads(as_json.read_text(encoding="utf-8"))] == ["hit", "clear"]


def test_a_kept_base_is_rescreened_against_a_new_list_version(tmp_path: Path) -> None:
    old, new, base = tmp_path / "v1.ftm.json", tmp_path / "v2.ftm.json", tmp_path / "base.sqlite"
    kestrel = entity("c1", "Company", "Kestrel Dynamics LLC", "ae")
    old.write_text(kestrel + "\n" + entity("p1", "Person", "Ivan Petrovich Sidorov", "ru") + "\n", encoding="utf-8")
    new.write_text(kestrel + "\n" + entity("c2", "Company", "Osprey Avionics GmbH", "de") + "\n", encoding="utf-8")
    batch = tmp_path / "customers.csv"
    batch.write_text(
        "id,name,country\nk,Kestrel Dynamics,AE\ns,Sidorov Ivan,RU\no,Osprey Avionics,DE\n", encoding="utf-8"
    )
    listed = ["--list-code", "TEST", "--base", str(base)]
    kept = runner.invoke(app, ["screen", "--batch", str(batch), "--keep", "--list", str(old), *listed])
    assert kept.exit_code == 0, kept.output
    assert "3 records screened" in kept.output and "2 hits kept" in kept.output
    result = runner.invoke(app, ["screen", "--rescreen", "--list", str(new), "--json", *listed])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["added"], report["removed"], report["unchanged"]) == (1, 1, 1)
    assert [(c["reference"], c["entry_id"]) for c in report["new_hits"]] == [("o", "TEST:c2")]
    assert [(c["reference"], c["entry_id"]) for c in report["cleared"]] == [("s", "TEST:p1")]
    assert report["records_scored"] < report["base_size"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["screen"], "give exactly one of"),
        (["screen", "Huawei", "--kind", "robot"], "expected one of"),
        (["screen", "Huawei", "--country", "Narnia"], "unknown country 'Narnia'"),
    ],
)
def test_bad_arguments_are_refused_with_what_was_expected(args: list[str], message: str) -> None:
    result = runner.invoke(app, args, env=WIDE)
    assert result.exit_code != 0
    assert message in result.output
