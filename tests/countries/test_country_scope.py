"""Scope and control parsers against the YAML case files, and the properties of Scope.covers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from regime.countries import Destinations, ScopeKind, parse_control, us_destinations
from regime.countries.scope import destinations_scope

HERE = Path(__file__).parent
SCOPE_CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "scope_cases.yaml").read_text(encoding="utf-8"))
CONTROL_CASES: list[dict[str, Any]] = yaml.safe_load((HERE / "control_cases.yaml").read_text(encoding="utf-8"))


def _checked(parsed: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    return {key: parsed.get(key, [] if isinstance(value, list) else None) for key, value in expected.items()}


@pytest.mark.parametrize("case", SCOPE_CASES, ids=lambda case: case["text"][:50])
def test_scope_case(dest: Destinations, case: dict[str, Any]) -> None:
    scope = dest.scope(case["text"], case.get("reason"))
    assert scope.raw == case["text"]
    assert _checked(scope.summary(), case["scope"]) == case["scope"]
    for name, expected in case.get("covers", {}).items():
        assert scope.covers(dest.country(name)) is expected, name


@pytest.mark.parametrize("case", CONTROL_CASES, ids=lambda case: case["text"][:50])
def test_control_case(case: dict[str, Any]) -> None:
    control = parse_control(case["text"], case.get("eccn"))
    assert control.raw == case["text"]
    parsed = control.model_dump(mode="json")
    assert _checked(parsed, case["control"]) == case["control"]


_TABLES = us_destinations()
_GROUPS = sorted(_TABLES.groups.labels)
_CODES = sorted(_TABLES.groups.by_code)


@settings(max_examples=150, deadline=None)
@given(
    groups=st.lists(st.sampled_from(_GROUPS), min_size=1, max_size=4, unique=True),
    excluded=st.lists(st.sampled_from(_GROUPS), min_size=1, max_size=3, unique=True),
    code=st.sampled_from(_CODES),
)
def test_an_excluded_group_member_is_never_covered(groups: list[str], excluded: list[str], code: str) -> None:
    scope = destinations_scope("generated", _TABLES.groups, groups=tuple(groups), except_groups=tuple(excluded))
    country = _TABLES.country(code)
    covered = scope.covers(country)
    if _TABLES.groups_of(country) & set(excluded):
        assert covered is False
    else:
        assert covered is bool(_TABLES.groups_of(country) & set(groups))


@settings(max_examples=100, deadline=None)
@given(named=st.lists(st.sampled_from(_CODES), min_size=1, max_size=3, unique=True), code=st.sampled_from(_CODES))
def test_named_destinations_stay_covered_despite_an_excluded_group(named: list[str], code: str) -> None:
    scope = destinations_scope(
        "generated", _TABLES.groups, countries=tuple(named), groups=("D:1",), except_groups=("A:5", "A:6")
    )
    if code in named:
        assert scope.covers(_TABLES.country(code)) is True


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=120))
def test_any_text_parses_to_a_scope_keeping_its_raw_text(text: str) -> None:
    scope = _TABLES.scope(text)
    assert scope.raw == text
    if not scope.resolved:
        assert scope.covers(_TABLES.country("DE")) in (None, False)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=120))
def test_any_text_parses_to_a_control_keeping_its_raw_text(text: str) -> None:
    assert parse_control(text, "3B001").raw == text


def test_unresolved_kinds_never_answer_true(dest: Destinations) -> None:
    for text in ("Refer to § 742.15 of the EAR.", "N/A.", "something no one wrote"):
        scope = dest.scope(text)
        assert scope.kind not in (ScopeKind.COLUMN, ScopeKind.WORLDWIDE, ScopeKind.DESTINATIONS)
        assert scope.covers(dest.country("China")) is None
