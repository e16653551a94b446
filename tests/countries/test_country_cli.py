"""``regime country show``: the face renders what the tables answer."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from regime.cli.countries_cmd import app

runner = CliRunner()


def test_show_names_codes_groups_and_marks() -> None:
    result = runner.invoke(app, ["China"])
    assert result.exit_code == 0, result.output
    assert "CN / CHN" in result.output and "D:5" in result.output and "RS 1" in result.output


def test_show_hong_kong_says_it_takes_chinas_row() -> None:
    result = runner.invoke(app, ["Hong Kong"])
    assert "inherited from China" in result.output


def test_show_embargoed() -> None:
    assert "Embargoed" in runner.invoke(app, ["Syria"]).output


def test_show_json() -> None:
    data = json.loads(runner.invoke(app, ["Macao", "--json"]).output)
    assert data["country"]["alpha2"] == "MO" and "D:5" not in data["groups"]["groups"]


def test_unknown_name_exits_with_a_suggestion() -> None:
    result = runner.invoke(app, ["Germny"])
    assert result.exit_code == 2 and "Germany" in result.output
