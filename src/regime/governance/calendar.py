"""The meeting calendar: when the plenary and each working group meet, from the months in the definition.

Definitions give months, not days (the plenary in December, the Experts Group in March, June and
September ...), so a meeting is named by its month. ``upcoming`` lists the sessions ahead of a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from regime.governance.definition import RegimeDefinition


@dataclass(frozen=True, order=True)
class Session:
    """A session of a body in a month; ``chair`` is the state chairing the body, if recorded."""

    month: dt.date
    body: str
    chair: str | None


def _bodies(definition: RegimeDefinition) -> list[tuple[str, str | None, list[int]]]:
    bodies = [("plenary", definition.plenary.chair, definition.plenary.months)]
    bodies += [(group.name, group.chair, group.months) for group in definition.working_groups]
    return bodies


def upcoming(definition: RegimeDefinition, after: dt.date, months: int = 12) -> list[Session]:
    """The sessions in the ``months`` calendar months from the month of ``after`` (inclusive), in order."""
    first = after.replace(day=1)
    window = [_add_months(first, n) for n in range(months)]
    sessions = [
        Session(month, body, chair)
        for body, chair, meeting_months in _bodies(definition)
        for month in window
        if month.month in meeting_months
    ]
    if definition.dissolved is not None:
        sessions = [s for s in sessions if s.month <= definition.dissolved]
    return sorted(sessions)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    return dt.date(day.year + index // 12, index % 12 + 1, 1)
