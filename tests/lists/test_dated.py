"""Dated values: the value in force on a date, OpenFisca style."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regime.errors import InputError
from regime.lists.dated import Dated, InForce, parse_date


def test_plain_value_holds_on_every_date() -> None:
    value = Dated.parse("tpp >= 4800")
    assert value.at(dt.date(1990, 1, 1)) == "tpp >= 4800"
    assert value.at(dt.date(2030, 1, 1)) == "tpp >= 4800"
    assert value.change_dates() == ()


def test_dated_mapping_switches_on_its_dates_and_null_removes() -> None:
    value = Dated.parse({"2022-10-07": "old", "2023-11-17": "new", "2025-01-01": None})
    assert value.at(dt.date(2022, 10, 6)) is None
    assert value.at(dt.date(2022, 10, 7)) == "old"
    assert value.at(dt.date(2023, 11, 16)) == "old"
    assert value.at(dt.date(2023, 11, 17)) == "new"
    assert value.at(dt.date(2025, 1, 1)) is None
    assert value.change_dates() == (dt.date(2022, 10, 7), dt.date(2023, 11, 17), dt.date(2025, 1, 1))


def test_yaml_round_trip_keeps_the_form() -> None:
    raw = {"2022-10-07": "a", "2023-11-17": "b"}
    assert Dated.parse(raw).to_yaml() == raw
    assert Dated.parse("plain").to_yaml() == "plain"


def test_in_force_period_is_half_open() -> None:
    period = InForce.parse({"from": "2023-11-17", "to": "2025-01-13"})
    assert not period.covers(dt.date(2023, 11, 16))
    assert period.covers(dt.date(2023, 11, 17))
    assert not period.covers(dt.date(2025, 1, 13))


def test_bad_dates_name_where_and_what() -> None:
    with pytest.raises(InputError, match="expected a date as YYYY-MM-DD"):
        parse_date("17 November 2023", where="3A090.in_force.from")
    with pytest.raises(InputError, match="must come after"):
        InForce.parse({"from": "2024-01-01", "to": "2023-01-01"})


@given(
    steps=st.dictionaries(st.dates(dt.date(1950, 1, 1), dt.date(2050, 1, 1)), st.integers(), min_size=1),
    probe=st.dates(dt.date(1950, 1, 1), dt.date(2050, 1, 1)),
)
def test_value_at_a_date_is_that_of_the_latest_step_not_after_it(steps: dict[dt.date, int], probe: dt.date) -> None:
    value = Dated.parse({d.isoformat(): v for d, v in steps.items()})
    started = [d for d in steps if d <= probe]
    assert value.at(probe) == (steps[max(started)] if started else None)
