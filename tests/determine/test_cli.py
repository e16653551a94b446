"""``regime determine``: one transaction, every member side by side, JSON, and a batch with bad lines."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from regime.cli.main import app

RUNNER = CliRunner()
H100 = """
id: h100-cn
date: 2024-01-15
item: nvidia-a100-sxm
destination: China
classification_by_member: {eu: [], nl: [], jp: []}
parties: [{name: Example Cloud Ltd, role: end_user, country: CN, headquarters: CN}]
"""
ORDERS = """id,date,item,eccn,destination,end_user,end_user_country,end_user_hq,value_usd
o1,2024-01-15,nvidia-a100-sxm,,China,Example Cloud Ltd,CN,CN,30000
o2,2024-13-01,apple-iphone-15,,Brazil,Loja,BR,BR,800
o3,2024-01-15,,5A002.a.1,Liechtenstein,Lico,LI,LI,400
o4,2024-01-15,nope,,Atlantis,Lico,LI,LI,abc
o5,2024-01-15,,EAR99,Cuba,Bodega,CU,CU,10
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_one_transaction_shows_outcome_and_trace(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["determine", str(write(tmp_path, "tx.yaml", H100))])
    assert result.exit_code == 0, result.output
    assert "presumption of denial" in result.output
    assert "GP1" in result.output


def test_json_is_the_typed_determination(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["determine", str(write(tmp_path, "tx.yaml", H100)), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["outcome"] == "presumption_of_denial"
    assert {"rule", "citation", "finding", "effect"} <= set(payload["trace"][0])


def test_all_members_marks_the_undercut_risk(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["determine", str(write(tmp_path, "tx.yaml", H100)), "--all-members", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert {d["jurisdiction"] for d in payload["determinations"]} == {"us", "eu", "nl", "jp"}
    assert any("undercut risk" in r for r in payload["undercut_risks"])
    table = RUNNER.invoke(app, ["determine", str(write(tmp_path, "tx.yaml", H100)), "--all-members"])
    assert "undercut risk" in table.output


def test_batch_reports_bad_lines_and_decides_the_rest(tmp_path: Path) -> None:
    out = tmp_path / "decisions.parquet"
    result = RUNNER.invoke(app, ["determine", "--batch", str(write(tmp_path, "orders.csv", ORDERS)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "line 3: date: expected YYYY-MM-DD" in result.output
    assert "line 5:" in result.output and "not a catalogue id" in result.output
    decided = pl.read_parquet(out)
    assert decided.get_column("line").to_list() == [2, 4, 6]
    assert dict(decided.select("id", "outcome").iter_rows()) == {
        "o1": "presumption_of_denial",
        "o3": "licence_exception_available",
        "o5": "presumption_of_denial",
    }


def test_a_bad_transaction_file_exits_2_naming_the_field(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["determine", str(write(tmp_path, "tx.yaml", "date: 2024-01-15\nkind: smuggling\n"))])
    assert result.exit_code == 2
    assert "kind" in result.output


def test_an_unknown_member_exits_2(tmp_path: Path) -> None:
    result = RUNNER.invoke(app, ["determine", str(write(tmp_path, "tx.yaml", H100)), "--member", "atlantis"])
    assert result.exit_code == 2
    assert "no jurisdiction 'atlantis'" in result.output
