"""Members as data: loading, inheritance (the Netherlands from the EU), groups, epochs, errors naming the field."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from regime.determine.docs import Period
from regime.determine.loader import JURISDICTIONS_DIR, load_jurisdiction, member_ids
from regime.determine.places import Places
from regime.errors import InputError, NotFoundError


def test_members_us_first() -> None:
    assert member_ids() == ("us", "eu", "jp", "nl")


def test_the_netherlands_inherits_the_eu() -> None:
    nl = load_jurisdiction("nl")
    assert nl.lists == ("eu-annex-i", "nl-national")
    assert [a.code for a, _ in nl.listed.authorisations] == ["EU001"]
    assert nl.listed.territory.covers("FR") and not nl.listed.territory.covers("CH")


def test_japan_has_42_friendly_destinations_and_27_in_group_a() -> None:
    groups = load_jurisdiction("jp").listed.groups.codes
    assert len(groups["sme_friendly"]) == 42 and len(groups["group_a"]) == 27
    assert groups["group_a"] <= groups["sme_friendly"]


def test_worldwide_less_a_group_excludes_its_members(members) -> None:  # type: ignore[no-untyped-def]
    table = members["eu"].listed.groups
    region = table.region(Places(worldwide=True, except_groups=("EU",)), "test")
    assert region.covers("US") and not region.covers("DE")


def test_ear_groups_fold_hong_kong_into_china(members) -> None:  # type: ignore[no-untyped-def]
    table = members["us"].ear.groups
    region = table.region(Places(countries=("China",)), "test")
    assert region.covers("HK") and not region.covers("MO")


def test_epochs_split_dates_where_rules_change() -> None:
    us = load_jurisdiction("us")
    assert us.epoch(dt.date(2024, 1, 1)) == us.epoch(dt.date(2024, 3, 1))
    assert us.epoch(dt.date(2023, 11, 16)) != us.epoch(dt.date(2023, 11, 17))


def test_periods_are_half_open() -> None:
    period = Period.model_validate({"from": "2023-11-17", "to": "2024-04-04"})
    assert period.covers(dt.date(2023, 11, 17)) and not period.covers(dt.date(2024, 4, 4))


def test_an_unknown_member_names_the_known_ones() -> None:
    with pytest.raises(NotFoundError, match="members here: us"):
        load_jurisdiction("atlantis")


def test_a_bad_rule_file_names_the_file_and_field(tmp_path: Path) -> None:
    shutil.copytree(JURISDICTIONS_DIR / "us", tmp_path / "us")
    path = tmp_path / "us" / "exceptions.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["exceptions"][0]["destinatons"] = doc["exceptions"][0].pop("destinations")
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    with pytest.raises(InputError, match=r"exceptions\.yaml.*destinatons"):
        load_jurisdiction("us", tmp_path)


def test_an_unknown_country_in_a_group_is_named(tmp_path: Path) -> None:
    shutil.copytree(JURISDICTIONS_DIR / "eu", tmp_path / "eu")
    path = tmp_path / "eu" / "jurisdiction.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("[AU, CA,", "[Atlantis, CA,"), encoding="utf-8")
    with pytest.raises(InputError, match=r"groups\.EU001"):
        load_jurisdiction("eu", tmp_path)
