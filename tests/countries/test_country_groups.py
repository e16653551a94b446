"""Country Groups as data: sizes, memberships, Macau and Hong Kong as the EAR has them."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regime.countries import Destinations, us_destinations
from regime.errors import InputError
from regime.paths import US_EAR_DIR

SIZES = {"A:1": 40, "A:2": 34, "A:3": 42, "A:4": 45, "A:5": 38, "A:6": 8, "B": 173}
SIZES |= {"D:1": 24, "D:2": 10, "D:3": 36, "D:4": 21, "D:5": 22, "E:1": 3, "E:2": 1}


@pytest.mark.parametrize(("group", "size"), SIZES.items())
def test_listed_members_match_the_table_sizes(dest: Destinations, group: str, size: int) -> None:
    listed = [c for c in dest.groups.members(group) if dest.membership(c).listed_as]
    assert len(listed) == size


def test_macau_is_not_in_d5_but_in_d1_d3_d4(dest: Destinations) -> None:
    assert dest.groups_of("Macau") == {"D:1", "D:3", "D:4"}
    assert any("Macau is NOT in Country Group D:5" in note for note in dest.membership("Macau").notes)


def test_hong_kong_takes_chinas_groups_with_the_basis(dest: Destinations) -> None:
    hk = dest.membership("Hong Kong")
    assert hk.groups == dest.groups_of("China") == {"D:1", "D:3", "D:4", "D:5"}
    assert hk.treated_as == dest.country("China") and hk.listed_as is None
    assert hk.basis and "Hong Kong" in hk.basis
    assert dest.country("HK") in dest.groups.members("D:5")


def test_d5_members_carry_the_state_department_note(dest: Destinations) -> None:
    assert any("State Department" in note for note in dest.membership("Russia").notes)
    assert not any("State Department" in note for note in dest.membership("Germany").notes)


def test_territories_take_their_administering_state(dest: Destinations) -> None:
    assert dest.groups_of("Liechtenstein") == dest.groups_of("Switzerland")
    assert dest.membership("Cayman Islands").treated_as == dest.country("United Kingdom")


def test_an_unlisted_destination_says_so(dest: Destinations) -> None:
    greenland = dest.membership("Greenland")
    assert greenland.groups == frozenset() and not greenland.listed


def test_every_answer_cites_part_740_and_the_issue_date(dest: Destinations) -> None:
    source = dest.membership("Japan").source
    assert "Part 740" in source.citation and source.ecfr_issue_date.isoformat() == "2026-07-23"


def test_unknown_group_is_refused(dest: Destinations) -> None:
    with pytest.raises(InputError, match="D:9"):
        dest.groups.members("D:9")


_TABLES = us_destinations()


@settings(max_examples=150, deadline=None)
@given(code=st.sampled_from(sorted(_TABLES.groups.by_code)), group=st.sampled_from(sorted(_TABLES.groups.labels)))
def test_members_and_groups_of_agree(code: str, group: str) -> None:
    country = _TABLES.country(code)
    assert (country in _TABLES.groups.members(group)) == (group in _TABLES.groups_of(country))


def test_the_files_by_country_index_agrees_with_the_tables(dest: Destinations) -> None:
    data = json.loads((US_EAR_DIR / "country-groups.json").read_text(encoding="utf-8"))
    for family, rows in data["byCountry"].items():
        for name, groups in rows.items():
            mine = {g for g in dest.groups_of(name) if g.startswith(family)}
            assert mine == set(groups), name
