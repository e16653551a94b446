"""The command line acts under the same rules as the API: tokens, roles, clear one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from regime.cli import audit_cmd, denial_cmd, governance_cmd, user_cmd

runner = CliRunner()
PAPER = """\
list_id: wassenaar-dual-use
title: Advanced computing integrated circuits
rationale: bring national controls on AI chips into the common list
changes:
  entries:
    - {id: 3A090, criteria: "tpp >= 4800"}
"""
DENIAL = """\
list_id: wassenaar-dual-use
entry_id: 3A090
consignee: Pacific Trading Ltd
end_user: Example Supercomputing Centre
destination: ACME Holdings
reason: diversion risk
denied_on: 2024-01-05
"""


def test_a_white_paper_from_the_command_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'regime.db'}"
    added = runner.invoke(
        user_cmd.app, ["add", "us", "--role", "list_expert", "--regime", "wassenaar", "--member", "US", "--db", db]
    )
    assert added.exit_code == 0, added.output
    token = added.output.strip()
    assert token.startswith("rgm_")
    (tmp_path / "paper.yaml").write_text(PAPER)
    drafted = runner.invoke(governance_cmd.app, ["--token", token, "--db", db, "draft", str(tmp_path / "paper.yaml")])
    assert drafted.exit_code == 0, drafted.output
    assert json.loads(drafted.output)["status"] == "draft"
    refused = runner.invoke(governance_cmd.app, ["--token", token, "--db", db, "vote", "1", "no"])
    assert refused.exit_code == 2
    assert "must give its reason" in refused.output
    verified = runner.invoke(audit_cmd.app, ["verify", "--db", db])
    assert (verified.exit_code, "audit chain intact" in verified.output) == (0, True)


def test_bad_input_names_the_file_and_field(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'regime.db'}"
    args = ["add", "de", "--role", "licensing_officer", "--regime", "wassenaar", "--member", "DE", "--db", db]
    token = runner.invoke(user_cmd.app, args).output.strip()
    (tmp_path / "denial.yaml").write_text(DENIAL)
    result = runner.invoke(denial_cmd.app, ["--token", token, "--db", db, "notify", str(tmp_path / "denial.yaml")])
    assert result.exit_code == 2
    squeezed = "".join(result.output.split())  # Rich wraps long lines anywhere, even inside a path
    assert "denial.yaml:destination:'ACMEHoldings'isnotanation-state" in squeezed
    unknown = runner.invoke(denial_cmd.app, ["--token", "rgm_nothing", "--db", db, "list"])
    assert (unknown.exit_code, "unknown or revoked token" in unknown.output) == (2, True)
