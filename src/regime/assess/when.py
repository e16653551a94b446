"""Partial dates: an action known only to its year or month is counted from the end of that period.

Public records often give "July 1996" or "1995". Scoring "as of" a day must never claim evidence
before it surely existed, so a partial date counts from the last day it can stand for.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A day, a month or a year; ``known_by`` is the last day the date can stand for."""

    known_by: dt.date
    start: dt.date
    text: str

    @property
    def precision(self) -> str:
        """``day``, ``month`` or ``year``."""
        return {10: "day", 7: "month", 4: "year"}[len(self.text)]

    def __str__(self) -> str:
        return self.text


def parse_partial_date(value: object) -> PartialDate:
    """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a YAML date or int too); else ``ValueError``."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate(value, value, value.isoformat())
    text = str(value).strip()
    match = _PATTERN.match(text)
    if not match or isinstance(value, bool):
        raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if month is None:
        return PartialDate(dt.date(year, 12, 31), dt.date(year, 1, 1), text)
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} out of range in {text!r}")
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return PartialDate(dt.date(year, month, last), dt.date(year, month, 1), text)
    try:
        exact = dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"not a calendar date: {text!r} ({exc})") from None
    return PartialDate(exact, exact, text)
