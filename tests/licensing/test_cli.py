"""``regime licence``: add, show, use, restore and list from the command line, with one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from regime.cli import licence_cmd, user_cmd

runner = CliRunner()
LICENCE = """\
issuing_member: Netherlands
authority: CDIU
number: NL-2024-00017
holder: Example Lithography B.V.
items: [{entry: 3B001.f}]
destinations: [TW]
end_users: [Example Foundry Co]
conditions: [{code: end_use_statement, text: signed end-use statement on file}]
currency: EUR
quantity_limit: 2
value_limit: "40000000"
valid_from: 2024-01-01
expires_on: 2030-12-31
"""
SHIPMENT = """\
shipment: {ref}
classes: [3B001.f.1]
destination: Taiwan
end_user: EXAMPLE FOUNDRY CO.
declared: [end_use_statement]
quantity: 1
value: {{amount: "27000000", currency: USD}}
"""


def test_add_use_restore_show_from_the_command_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'regime.db'}"
    token = runner.invoke(user_cmd.app, ["add", "acme", "--role", "exporter", "--db", db]).output.strip()
    base = ["--token", token, "--db", db]
    (tmp_path / "licence.yaml").write_text(LICENCE)
    (tmp_path / "rates.csv").write_text("from,to,rate,date\nEUR,USD,1.08,2024-01-01\n")
    (tmp_path / "s1.yaml").write_text(SHIPMENT.format(ref="S-1"))
    (tmp_path / "s2.yaml").write_text(SHIPMENT.format(ref="S-2"))
    added = runner.invoke(licence_cmd.app, [*base, "add", str(tmp_path / "licence.yaml")])
    assert added.exit_code == 0, added.output
    assert json.loads(added.output)["issuing_member"] == "NL"
    used = runner.invoke(
        licence_cmd.app, [*base, "use", "1", str(tmp_path / "s1.yaml"), "--rates", str(tmp_path / "rates.csv")]
    )
    assert used.exit_code == 0, used.output
    assert json.loads(used.output)["value"] == "25000000.00"
    over = runner.invoke(
        licence_cmd.app, [*base, "use", "1", str(tmp_path / "s2.yaml"), "--rates", str(tmp_path / "rates.csv")]
    )
    assert over.exit_code == 2
    assert "over-draw refused: licence NL-2024-00017 has 1 units and 15000000.00 EUR left" in " ".join(
        over.output.split()
    )
    no_rates = runner.invoke(licence_cmd.app, [*base, "use", "1", str(tmp_path / "s2.yaml")])
    assert (no_rates.exit_code, "no rate from USD to EUR" in " ".join(no_rates.output.split())) == (2, True)
    restored = runner.invoke(licence_cmd.app, [*base, "restore", "1", "--reason", "returned", "--value", "1000000"])
    assert restored.exit_code == 0, restored.output
    shown = json.loads(runner.invoke(licence_cmd.app, [*base, "show", "1", "--usage"]).output)
    assert (shown["licence"]["quantity_remaining"], shown["licence"]["value_remaining"]) == (2, "16000000.00")
    assert [u["kind"] for u in shown["usage"]] == ["draw", "restore"]
    listed = json.loads(runner.invoke(licence_cmd.app, [*base, "list"]).output)
    assert [v["number"] for v in listed] == ["NL-2024-00017"]


def test_bad_licence_files_name_the_field(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'regime.db'}"
    token = runner.invoke(user_cmd.app, ["add", "acme", "--role", "exporter", "--db", db]).output.strip()
    (tmp_path / "licence.yaml").write_text(LICENCE.replace("destinations: [TW]", "destinations: [Atlantis]"))
    result = runner.invoke(licence_cmd.app, ["--token", token, "--db", db, "add", str(tmp_path / "licence.yaml")])
    assert result.exit_code == 2
    assert "licence.yaml: destinations.0: unknown country 'Atlantis'; did you mean Albania?" in " ".join(
        result.output.split()
    )
