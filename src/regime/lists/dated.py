"""Dated values: a value that holds from a date on until the next dated value replaces it.

Written in YAML the way OpenFisca writes parameters: either a plain value (in force for all dates
the entry is in force) or a mapping of start dates to values, where ``null`` means "no longer
present from that date".
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from regime.errors import InputError

T = TypeVar("T")

BEGINNING = dt.date(1900, 1, 1)


def parse_date(value: Any, *, where: str = "") -> dt.date:
    """A date from YAML (already a date) or an ISO string; anything else is an input error."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(f"expected a date as YYYY-MM-DD, got {value!r}", where=where or None)


def is_dated_mapping(value: Any) -> bool:
    """True when ``value`` is a mapping whose keys are all dates (the dated form)."""
    if not isinstance(value, Mapping) or not value:
        return False
    for key in value:
        try:
            parse_date(key)
        except InputError:
            return False
    return True


@dataclass(frozen=True)
class Dated(Generic[T]):
    """A value over time: sorted (start date, value) steps; ``None`` marks absence."""

    starts: tuple[dt.date, ...]
    values: tuple[T | None, ...]

    @classmethod
    def always(cls, value: T | None) -> Dated[T]:
        """A value that never changes."""
        return cls((BEGINNING,), (value,))

    @classmethod
    def parse(cls, raw: Any, *, where: str = "") -> Dated[Any]:
        """Read the YAML form: a plain value, or ``{date: value, ...}``."""
        if not is_dated_mapping(raw):
            return cls.always(raw)
        steps = sorted((parse_date(k, where=where), v) for k, v in raw.items())
        return cls(tuple(s for s, _ in steps), tuple(v for _, v in steps))

    def at(self, date: dt.date) -> T | None:
        """The value in force on ``date`` (``None`` before the first step or where removed)."""
        index = bisect.bisect_right(self.starts, date) - 1
        return self.values[index] if index >= 0 else None

    def change_dates(self) -> tuple[dt.date, ...]:
        """The dates on which the value changes (excluding the open beginning)."""
        return tuple(d for d in self.starts if d != BEGINNING)

    def steps(self) -> Iterator[tuple[dt.date, T | None]]:
        """Each (start, value) step in date order."""
        return iter(zip(self.starts, self.values, strict=True))

    def to_yaml(self) -> Any:
        """The YAML form this value was (or would be) written in."""
        if self.starts == (BEGINNING,):
            return self.values[0]
        return {start.isoformat(): value for start, value in self.steps()}


@dataclass(frozen=True)
class InForce:
    """The period an entry, paragraph or note is in force: from ``start`` until ``end`` (exclusive)."""

    start: dt.date = BEGINNING
    end: dt.date | None = None

    @classmethod
    def parse(cls, raw: Any, *, where: str = "") -> InForce:
        """Read ``{from: date, to: date}`` (both optional)."""
        if raw is None:
            return cls()
        if not isinstance(raw, Mapping):
            raise InputError("expected a mapping with 'from' and/or 'to' dates", where=where)
        start = parse_date(raw["from"], where=f"{where}.from") if raw.get("from") else BEGINNING
        end = parse_date(raw["to"], where=f"{where}.to") if raw.get("to") else None
        if end is not None and end <= start:
            raise InputError(f"'to' ({end}) must come after 'from' ({start})", where=where)
        return cls(start, end)

    def covers(self, date: dt.date) -> bool:
        """True when the thing is in force on ``date``."""
        return self.start <= date and (self.end is None or date < self.end)

    def change_dates(self) -> tuple[dt.date, ...]:
        """The dates on which this period starts or ends."""
        dates = [] if self.start == BEGINNING else [self.start]
        return tuple([*dates, self.end] if self.end else dates)
