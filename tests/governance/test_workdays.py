"""Working-day deadlines skip weekends and the regime's holidays."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from regime.governance.workdays import Holidays, add_working_days, add_years, is_working_day, working_days_between

DAYS = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))
CALENDAR = Holidays.parse(["12-25", "01-01", dt.date(2024, 4, 1)])


@given(DAYS, st.integers(min_value=1, max_value=60))
def test_a_deadline_falls_on_a_working_day_after_exactly_n_working_days(start: dt.date, n: int) -> None:
    deadline = add_working_days(start, n, CALENDAR)
    assert is_working_day(deadline, CALENDAR)
    assert working_days_between(start, deadline, CALENDAR) == n


@given(DAYS, st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=40))
def test_a_longer_window_ends_later(start: dt.date, a: int, b: int) -> None:
    shorter, longer = sorted((a, b))
    if shorter < longer:
        assert add_working_days(start, shorter, CALENDAR) < add_working_days(start, longer, CALENDAR)


def test_ten_working_days_from_a_friday_before_christmas() -> None:
    friday = dt.date(2024, 12, 20)
    assert add_working_days(friday, 1) == dt.date(2024, 12, 23)
    # 25 Dec and 1 Jan are holidays: 23, 24, 26, 27, 30, 31 Dec, 2, 3, 6, 7 Jan
    assert add_working_days(friday, 10, CALENDAR) == dt.date(2025, 1, 7)


def test_holidays_as_dates_and_as_recurring_days() -> None:
    assert dt.date(2031, 12, 25) in CALENDAR
    assert dt.date(2024, 4, 1) in CALENDAR
    assert dt.date(2025, 4, 1) not in CALENDAR


def test_a_leap_day_plus_three_years() -> None:
    assert add_years(dt.date(2024, 2, 29), 3) == dt.date(2027, 2, 28)
