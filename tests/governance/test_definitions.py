"""Regime definitions: the bundled four load, and bad definitions fail naming the field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from regime.errors import InputError
from regime.governance.calendar import upcoming
from regime.governance.chairs import chair_warnings
from regime.governance.decision_rules import RuleKind
from regime.governance.loader import REGIMES_DIR, bundled_definitions, parse_definition, read_definition


def _wassenaar() -> dict[str, Any]:
    raw = yaml.safe_load((REGIMES_DIR / "wassenaar.yaml").read_text())
    assert isinstance(raw, dict)
    return raw


def test_the_bundled_regimes_load_with_their_membership_and_rules() -> None:
    regimes = {d.id: d for d in bundled_definitions()}
    assert set(regimes) == {"wassenaar", "mtcr", "cocom", "chip-alliance"}
    assert len(regimes["wassenaar"].members) == 42
    assert len(regimes["mtcr"].members) == 35
    assert len(regimes["cocom"].members) == 17
    assert [m.country for m in regimes["chip-alliance"].members] == ["US", "JP", "NL"]
    assert regimes["cocom"].decision_rules.export_case is not None
    assert regimes["cocom"].decision_rules.export_case.kind is RuleKind.UNANIMITY_WITH_VETO
    assert regimes["wassenaar"].decision_rules.export_case is None
    assert regimes["mtcr"].decision_rules.for_kind("admission").kind is RuleKind.FOUNDING_CORE
    assert regimes["mtcr"].founders() == ["CA", "FR", "DE", "IT", "JP", "GB", "US"]
    assert regimes["wassenaar"].chairs() == {
        "plenary": "NL",
        "working group general": "NO",
        "working group experts": "DE",
    }


def test_a_private_party_cannot_be_a_member() -> None:
    raw = _wassenaar()
    raw["members"].append({"country": "ACME Semiconductor Corp"})
    with pytest.raises(InputError, match=r"members\.42\.country: 'ACME Semiconductor Corp' is not a nation-state"):
        parse_definition(raw, source="x.yaml")


def test_a_dependent_territory_cannot_be_a_member() -> None:
    raw = _wassenaar()
    raw["members"].append({"country": "HK"})
    with pytest.raises(InputError, match="dependent territory"):
        parse_definition(raw, source="x.yaml")


def test_an_unquoted_norway_gets_a_useful_message(tmp_path: Path) -> None:
    text = (REGIMES_DIR / "wassenaar.yaml").read_text().replace('{country: "NO"}', "{country: NO}")
    path = tmp_path / "wassenaar.yaml"
    path.write_text(text)
    with pytest.raises(InputError, match='write "NO" for Norway'):
        read_definition(path)


def test_chairs_must_be_members() -> None:
    raw = _wassenaar()
    raw["plenary"]["chair"] = "CN"
    with pytest.raises(InputError, match=r"the chair of plenary \(CN\) is not a member"):
        parse_definition(raw, source="x.yaml")


def test_unknown_fields_are_named() -> None:
    raw = _wassenaar()
    raw["decision_rule"] = "consensus"
    with pytest.raises(InputError, match="decision_rule: Extra inputs are not permitted"):
        parse_definition(raw, source="x.yaml")


def test_a_warning_when_one_member_holds_every_chair() -> None:
    raw = _wassenaar()
    raw["plenary"]["chair"] = "US"
    for group in raw["working_groups"]:
        group["chair"] = "US"
    warnings = chair_warnings(parse_definition(raw, source="x.yaml"))
    assert any("US holds every chair" in w for w in warnings)


def test_a_warning_when_the_initiator_holds_most_chairs() -> None:
    raw = _wassenaar()
    raw["plenary"]["chair"] = "US"
    raw["working_groups"][0]["chair"] = "US"
    raw["working_groups"][1]["chair"] = "US"
    warnings = chair_warnings(parse_definition(raw, source="x.yaml"))
    assert any("initiator US holds 3 of 4 chairs" in w for w in warnings)


def test_the_chip_alliance_spreads_its_chairs() -> None:
    alliance = next(d for d in bundled_definitions() if d.id == "chip-alliance")
    assert chair_warnings(alliance) == []
    assert sorted(alliance.chairs().values()) == ["JP", "NL", "US"]


def test_the_file_name_must_match_the_id(tmp_path: Path) -> None:
    path = tmp_path / "other.yaml"
    path.write_text((REGIMES_DIR / "wassenaar.yaml").read_text())
    with pytest.raises(InputError, match="must match the file name"):
        read_definition(path)


def test_the_meeting_calendar_follows_the_definition() -> None:
    regimes = {d.id: d for d in bundled_definitions()}
    sessions = upcoming(regimes["wassenaar"], dt.date(2024, 3, 4))
    assert (sessions[0].month, sessions[0].body, sessions[0].chair) == (dt.date(2024, 3, 1), "Experts Group", "DE")
    assert [s.month for s in sessions if s.body == "plenary"] == [dt.date(2024, 12, 1)]
    assert upcoming(regimes["cocom"], dt.date(2024, 3, 4)) == []
