"""``regime case``: a case from the command line, screened against a list file, and re-reviewed when it changes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from regime.cli import case_cmd, user_cmd

runner = CliRunner()
CASE = """\
reference: PO-2024-118
ship_until: 2099-12-31
transaction:
  date: 2024-03-10
  classification: [3A090.a]
  destination: SG
  parties:
    - {name: Pacific Trading Pte Ltd, role: consignee, country: SG}
    - {name: Example Cloud Pte Ltd, role: end_user, country: SG}
"""
ROSO = {"id": "roso", "schema": "Company", "datasets": ["SDN"],
        "properties": {"name": ["Pacific Trading Pte Ltd"], "country": ["ir"]}}  # fmt: skip
CLOUD = {"id": "cloud", "schema": "Company", "datasets": ["SDN"],
         "properties": {"name": ["Example Cloud Pte Ltd"], "country": ["sg"]}}  # fmt: skip


def write_list(path: Path, entities: list[dict[str, Any]], mtime: int) -> Path:
    """A FollowTheMoney list file whose version is its modification time."""
    path.write_text("".join(json.dumps(e) + "\n" for e in entities))
    os.utime(path, (mtime, mtime))
    return path


def test_a_case_from_the_command_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'regime.db'}"
    token = runner.invoke(user_cmd.app, ["add", "acme", "--role", "exporter", "--db", db]).output.strip()

    def case(*args: str, code: int = 0) -> str:
        result = runner.invoke(case_cmd.app, ["--token", token, "--db", db, *args])
        assert result.exit_code == code, result.output
        return " ".join(result.output.split()) if code else result.output

    (tmp_path / "case.yaml").write_text(CASE)
    lists = write_list(tmp_path / "sdn.jsonl", [ROSO], 1_700_000_000)
    assert json.loads(case("open", str(tmp_path / "case.yaml")))["state"] == "draft"
    case("classify", "1", "--list", "us-ccl", "--version", "2024-03-01", "--class", "3A090.a")
    case("submit", "1", "--reason", "order received")
    screened = json.loads(case("screen", "1", "--list-file", str(lists)))
    assert screened["state"] == "escalated" and [h["entry_id"] for h in screened["hits"]] == ["SDN:roso"]
    assert "1 screening hit(s) are still undecided" in case("approve", "1", "--reason", "fine", code=2)
    case("clear", "1", str(screened["hits"][0]["id"]), "--reason", "listed one is in Iran; ours in Singapore")
    assert json.loads(case("approve", "1", "--reason", "hit cleared"))["state"] == "approved"
    report = case("report", "1")
    assert "cleared as a false positive by user:acme: 'listed one is in Iran; ours in Singapore'" in report
    assert "approve: escalated -> approved by user:acme (exporter): hit cleared" in report

    old = write_list(tmp_path / "old.jsonl", [ROSO], 1_700_000_000)
    write_list(lists, [ROSO, CLOUD], 1_700_086_400)
    found = json.loads(case("list-changed", "--old", str(old), "--new", str(lists)))
    assert (found["returned"], found["urgent"]) == ([1], [1])
    notices = json.loads(case("notices"))
    assert notices[0]["kind"] == "urgent" and "'Example Cloud Pte Ltd'" in notices[0]["message"]
    again = json.loads(case("screen", "1", "--list-file", str(lists)))
    statuses = {h["entry_id"]: h["status"] for h in again["hits"] if h["round"] == 2}
    assert statuses == {"SDN:roso": "auto_cleared", "SDN:cloud": "open"} and again["state"] == "escalated"
    blocked = json.loads(case("confirm", "1", str(again["hits"][-1]["id"]), "--reason", "our end user is listed"))
    assert blocked["state"] == "blocked"
    assert "cannot approve a case that is blocked" in case("approve", "1", "--reason", "override", code=2)
    assert json.loads(case("close", "1", "--reason", "order cancelled"))["state"] == "closed"
    assert [c["state"] for c in json.loads(case("list"))] == ["closed"]
