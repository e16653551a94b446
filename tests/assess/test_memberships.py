"""Named memberships and the control-list mapping of the technologies of concern."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from regime.assess.memberships import MEMBERSHIPS_FILE, load_memberships, resolve_members
from regime.assess.technologies import load_technologies
from regime.errors import InputError, NotFoundError
from regime.paths import US_EAR_DIR


def test_wassenaar_is_a1_corrected_to_the_42() -> None:
    memberships, compare = load_memberships()
    wassenaar = memberships["wassenaar"].members
    assert len(wassenaar) == 42
    assert {"MT", "RU", "UA", "IN", "JP", "DE"} <= wassenaar
    assert "IS" not in wassenaar
    assert compare == ["wassenaar", "chip-alliance", "quad", "ttc"]


def test_a1_itself_lists_forty_with_iceland() -> None:
    groups = json.loads((US_EAR_DIR / "country-groups.json").read_text(encoding="utf-8"))["groups"]
    assert len(groups["A:1"]) == 40
    assert "Iceland" in groups["A:1"]
    assert not {"Malta", "Russia", "Ukraine"} & set(groups["A:1"])


def test_named_memberships_have_their_members() -> None:
    memberships, _ = load_memberships()
    assert memberships["chip-alliance"].members == {"US", "JP", "NL"}
    assert memberships["quad"].members == {"US", "JP", "IN", "AU"}
    assert len(memberships["ttc"].members) == 28 and "US" in memberships["ttc"].members


def test_resolve_members_takes_codes_names_and_membership_names() -> None:
    memberships, _ = load_memberships()
    assert resolve_members("US,JP,NL", memberships).members == {"US", "JP", "NL"}
    assert resolve_members("United States, Japan,Netherlands", memberships).members == {"US", "JP", "NL"}
    assert resolve_members("quad", memberships).id == "quad"
    assert resolve_members("chip-alliance,KR", memberships).members == {"US", "JP", "NL", "KR"}
    with pytest.raises(NotFoundError, match="Atlantis"):
        resolve_members("US,Atlantis", memberships)


def test_wrong_size_is_an_error_naming_the_membership(tmp_path: Path) -> None:
    data = yaml.safe_load(MEMBERSHIPS_FILE.read_text(encoding="utf-8"))
    data["memberships"]["wassenaar"]["add"] = ["MT", "RU"]
    path = tmp_path / "memberships.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(InputError, match=r"memberships\.yaml: memberships\.wassenaar: expected 42 members, built 41"):
        load_memberships(path)


def _ccl_paragraphs() -> dict[str, set[str]]:
    ccl = json.loads((US_EAR_DIR / "ccl.json").read_text(encoding="utf-8"))
    return {e["eccn"]: {i["paragraph"] for i in e.get("items") or [] if i.get("paragraph")} for e in ccl["entries"]}


def test_every_mapped_control_exists_in_the_bundled_ccl(supply) -> None:
    paragraphs = _ccl_paragraphs()
    for tech in load_technologies():
        assert tech.input in supply.table.by_input, tech.input
        assert supply.table.name(tech.input) == tech.name
        for control in tech.controls:
            eccn, _, paragraph = control.partition(".")
            assert eccn in paragraphs, control
            if paragraph:
                assert paragraph in paragraphs[eccn], control
