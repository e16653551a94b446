"""Working days for deadlines: weekends are skipped, and so are the regime's holidays.

Holidays come from the regime definition, either as dates (``2025-04-21``) or as days that recur
every year (``"12-25"``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable
from dataclasses import dataclass

SATURDAY = 5


@dataclass(frozen=True)
class Holidays:
    """A holiday calendar: single dates and annual month-days."""

    dates: frozenset[dt.date] = frozenset()
    annual: frozenset[tuple[int, int]] = frozenset()

    @classmethod
    def parse(cls, values: Iterable[dt.date | str]) -> Holidays:
        """Dates stay dates; ``"MM-DD"`` strings recur every year."""
        dates, annual = set(), set()
        for value in values:
            if isinstance(value, dt.date):
                dates.add(value)
            else:
                month, day = (int(part) for part in value.split("-"))
                dt.date(2000, month, day)  # raises ValueError for 02-30 and the like
                annual.add((month, day))
        return cls(frozenset(dates), frozenset(annual))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and (day in self.dates or (day.month, day.day) in self.annual)


def is_working_day(day: dt.date, holidays: Container[dt.date] = ()) -> bool:
    """True on Monday to Friday unless ``day`` is a holiday."""
    return day.weekday() < SATURDAY and day not in holidays


def add_working_days(start: dt.date, days: int, holidays: Container[dt.date] = ()) -> dt.date:
    """The date ``days`` working days after ``start`` (``start`` itself is not counted).

    ``add_working_days(friday, 1)`` is the next Monday; with ``days == 0`` the answer is ``start``.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    remaining = days
    while remaining:
        day += dt.timedelta(days=1)
        if is_working_day(day, holidays):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date, holidays: Container[dt.date] = ()) -> int:
    """How many working days lie after ``start`` up to and including ``end`` (0 when ``end <= start``)."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_working_day(day, holidays)
    return count


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
