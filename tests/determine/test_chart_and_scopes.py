"""GP1: reasons crossed with the Country Chart (an X per column), prose scopes and written-out references."""

from __future__ import annotations

import datetime as dt

import pytest

from regime.countries import us_destinations
from regime.determine.us.chart import covers
from regime.determine.us.lines import conditions_for, entry_lines, reaches, within
from regime.lists.registry import compiled_list

WHEN = dt.date(2024, 2, 1)


@pytest.fixture(scope="module")
def lines_of(members):  # type: ignore[no-untyped-def]
    us = members["us"]

    def get(eccn: str, date: dt.date = WHEN):  # type: ignore[no-untyped-def]
        return entry_lines(us.list_at("us-ccl", date), eccn, us.ear.destinations)[0]

    return get


def line(lines, reason: str, contains: str = ""):  # type: ignore[no-untyped-def]
    return next(x for x in lines if x.reason == reason and contains in x.applies_to)


@pytest.mark.parametrize(
    ("country", "column_x"),
    [("China", True), ("Canada", False), ("Hong Kong", True), ("Germany", True), ("Liechtenstein", True)],
)
def test_ns1_column_reads_the_chart_row(country, column_x, lines_of, members) -> None:  # type: ignore[no-untyped-def]
    ns = line(lines_of("5A002"), "NS")
    hit, how = covers(ns, us_destinations().country(country), members["us"].ear)
    assert hit is column_x
    assert "NS 1" in how


def test_hong_kong_reads_chinas_row_and_liechtenstein_switzerlands(lines_of, members) -> None:  # type: ignore[no-untyped-def]
    ns = line(lines_of("5A002"), "NS")
    _, hk = covers(ns, us_destinations().country("HK"), members["us"].ear)
    _, li = covers(ns, us_destinations().country("LI"), members["us"].ear)
    assert "row China" in hk
    assert "row Switzerland" in li


def test_at_column_has_no_x_for_china_but_the_chart_grades_no_row_for_cuba(lines_of, members) -> None:  # type: ignore[no-untyped-def]
    at = line(lines_of("3A090"), "AT")
    assert covers(at, us_destinations().country("CN"), members["us"].ear)[0] is False
    hit, how = covers(at, us_destinations().country("CU"), members["us"].ear)
    assert hit is None and "part 746" in how


@pytest.mark.parametrize(
    ("country", "expected"), [("MO", True), ("CN", True), ("HK", True), ("JP", False), ("SG", False)]
)
def test_macau_or_d5_prose_scope(country, expected, lines_of, members) -> None:  # type: ignore[no-untyped-def]
    hbm = line(lines_of("3A090", dt.date(2025, 2, 1)), "RS", "3A090.c")
    assert covers(hbm, us_destinations().country(country), members["us"].ear)[0] is expected


@pytest.mark.parametrize(
    ("country", "expected"), [("CN", True), ("VN", True), ("DE", False), ("AE", False), ("IL", False)]
)
def test_d1_d4_d5_excluding_a5_a6_scope(country, expected, lines_of, members) -> None:  # type: ignore[no-untyped-def]
    rs = line(lines_of("3A090", dt.date(2024, 2, 1)), "RS")
    assert covers(rs, us_destinations().country(country), members["us"].ear)[0] is expected


def test_the_2025_scope_reaches_any_destination_worldwide(lines_of, members) -> None:  # type: ignore[no-untyped-def]
    rs = line(lines_of("3A090", dt.date(2025, 2, 1)), "RS", "3A090.a")
    for country in ("DE", "US", "JP", "CA"):
        assert covers(rs, us_destinations().country(country), members["us"].ear)[0] is True


def test_the_ei_reference_is_read_as_every_destination_but_canada(lines_of, members) -> None:  # type: ignore[no-untyped-def]
    ei = line(lines_of("5A002"), "EI")
    assert covers(ei, us_destinations().country("CA"), members["us"].ear)[0] is False
    assert covers(ei, us_destinations().country("BR"), members["us"].ear)[0] is True


def test_dated_requirements_follow_the_transaction_date(lines_of) -> None:  # type: ignore[no-untyped-def]
    assert "China" in line(lines_of("3A090", dt.date(2022, 11, 1)), "RS").scope.raw
    assert "D:1" in line(lines_of("3A090", dt.date(2024, 1, 1)), "RS").scope.raw


def test_a_line_reaches_the_classes_within_its_paragraphs(lines_of) -> None:  # type: ignore[no-untyped-def]
    rs = line(lines_of("3A090", dt.date(2025, 2, 1)), "RS", "3A090.a")
    assert reaches(rs, "3A090.a", None)[0] is True
    assert reaches(rs, "3A090.b", None)[0] is False
    answer, why = reaches(rs, "3A090", None)
    assert answer is None and "paragraph level" in why
    assert within("3A090.a.1", "3A090.a") and not within("3A090.ab", "3A090.a")


def test_technology_lines_reach_what_the_technology_is_for(lines_of) -> None:  # type: ignore[no-untyped-def]
    ns = line(lines_of("3E001"), "NS")
    assert reaches(ns, "3E001", ("3A001.b.2",))[0] is True
    assert reaches(ns, "3E001", ("3A090.a",))[0] is False
    assert reaches(ns, "3E001", None)[0] is None
    assert conditions_for(ns, "3E001", ("3A001.b.2",)) == ()


def test_a_qualified_paragraph_keeps_its_condition(lines_of) -> None:  # type: ignore[no-untyped-def]
    mt = line(lines_of("3A001"), "MT")
    assert conditions_for(mt, "3A001.a.1.a", None)
    assert conditions_for(mt, "3A001.z.2", None) == ()


def test_an_entry_missing_from_the_list_reads_the_ecfr_compilation(members) -> None:  # type: ignore[no-untyped-def]
    clist = compiled_list("eu-annex-i", WHEN)
    found, source = entry_lines(clist, "3A090", members["us"].ear.destinations)
    assert found and "ccl.json" in source
