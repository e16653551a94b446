"""The Commerce Country Chart: marks, embargoed rows, inheritance, indeterminate destinations."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from regime.countries import COLUMNS, ChartRow, Destinations, Embargoed, Indeterminate, us_destinations
from regime.errors import InputError


def test_germany_ns1_but_not_ns2(dest: Destinations) -> None:
    germany = dest.country("Germany")
    assert dest.chart.has_x(germany, "NS 1") is True
    assert dest.chart.has_x(germany, "NS 2") is False
    assert dest.chart.marks(germany) == {"CB 1", "NS 1", "MT 1", "RS 1"}


@pytest.mark.parametrize(
    ("country", "column"), [("China", "RS 1"), ("China", "NS 1"), ("Russia", "CC 1"), ("India", "NP 1")]
)
def test_marked_cells(dest: Destinations, country: str, column: str) -> None:
    assert dest.chart.has_x(dest.country(country), column) is True


def test_footnotes_come_with_the_row(dest: Destinations) -> None:
    india = dest.chart_answer("India")
    assert isinstance(india, ChartRow)
    assert [f.number for f in india.footnotes] == [7]
    assert "6A003.b.4.b" in india.footnotes[0].text


def test_hong_kong_is_answered_by_chinas_row_with_its_basis(dest: Destinations) -> None:
    hk = dest.chart_answer("Hong Kong")
    assert isinstance(hk, ChartRow)
    assert hk.row == "China" and hk.inherited_from == dest.country("China")
    assert hk.basis and "85 FR 83788" in hk.basis
    assert hk.marks == dest.chart.marks(dest.country("China"))


def test_liechtenstein_refers_to_switzerland(dest: Destinations) -> None:
    li = dest.chart_answer("Liechtenstein")
    assert isinstance(li, ChartRow)
    assert li.row == "Switzerland" and li.inherited_from == dest.country("CH")
    assert 5 in [f.number for f in li.footnotes]


def test_cayman_islands_take_the_united_kingdom_row(dest: Destinations) -> None:
    ky = dest.chart_answer("Cayman Islands")
    assert isinstance(ky, ChartRow) and ky.row == "United Kingdom" and ky.basis


@pytest.mark.parametrize("name", ["Cuba", "Iran", "North Korea", "Syria"])
def test_embargoed_destinations_point_to_part_746_never_no_x(dest: Destinations, name: str) -> None:
    country = dest.country(name)
    answer = dest.chart.has_x(country, "NS 1")
    assert isinstance(answer, Embargoed)
    assert isinstance(dest.chart.marks(country), Embargoed)
    assert any("746" in provision for provision in answer.provisions)
    assert "no permissive meaning" in answer.note


def test_a_destination_without_row_or_inheritance_is_indeterminate(dest: Destinations) -> None:
    answer = dest.chart.has_x(dest.country("Greenland"), "NS 1")
    assert isinstance(answer, Indeterminate)
    assert "Greenland" in answer.missing


def test_every_answer_carries_citation_and_issue_date(dest: Destinations) -> None:
    for name in ("Germany", "Cuba", "Hong Kong", "Greenland"):
        source = dest.chart_answer(name).source
        assert "Part 738" in source.citation and source.ecfr_issue_date.isoformat() == "2026-07-23"


@pytest.mark.parametrize("spelling", ["NS1", "ns 1", "NS Column 1", "NS 1."])
def test_column_spellings(dest: Destinations, spelling: str) -> None:
    assert dest.chart.has_x(dest.country("Germany"), spelling) is True


def test_unknown_column_is_refused(dest: Destinations) -> None:
    with pytest.raises(InputError, match="NS 3"):
        dest.chart.has_x(dest.country("Germany"), "NS 3")


def test_the_tables_survive_pickling(dest: Destinations) -> None:
    copy = pickle.loads(pickle.dumps(dest))
    assert copy.chart_answer("Hong Kong") == dest.chart_answer("Hong Kong")
    assert copy.country("Türkiye") == dest.country("TR")


_TABLES = us_destinations()


@settings(max_examples=200, deadline=None)
@given(code=st.sampled_from(sorted(_TABLES.chart.graded)), column=st.sampled_from(COLUMNS))
def test_has_x_agrees_with_marks_and_the_column_sets(code: str, column: str) -> None:
    country = _TABLES.country(code)
    marks = _TABLES.chart.marks(country)
    assert isinstance(marks, frozenset)
    assert _TABLES.chart.has_x(country, column) == (column in marks) == (code in _TABLES.chart.with_x[column])
