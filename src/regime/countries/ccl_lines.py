"""Every licence-requirement line of the CCL, parsed: reason, paragraphs and destination scope.

A line is ``full`` when both its control text and its scope parse whole, ``none`` when its
reason or its scope cannot be read at all, ``partial`` otherwise (prose kept as conditions).
``coverage`` counts them and lists every line not read at all, so nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from regime.countries.control import Control, Parse, parse_control
from regime.countries.destinations import Destinations
from regime.countries.scope import Scope
from regime.countries.sources import CclFile, RawControlLine, RawEntry, Source, read

_CONTROL_SPLIT = re.compile(r"\s+(?=[A-Z]{2} applies\b)")
_COLUMN_SPLIT = re.compile(r"\s+(?=[A-Z]{2} Column\b)")


class ControlLine(BaseModel):
    """One reason for control of one ECCN and the destinations it reaches."""

    model_config = ConfigDict(frozen=True)

    eccn: str
    control: Control
    scope: Scope

    @property
    def status(self) -> Parse:
        """``none`` if the reason or the scope is unread, ``full`` if both are whole, else ``partial``."""
        parts = (self.control.status, self.scope.status)
        if Parse.NONE in parts:
            return Parse.NONE
        return Parse.FULL if parts == (Parse.FULL, Parse.FULL) else Parse.PARTIAL


class CoverageReport(BaseModel):
    """How much of the CCL's licence-requirement text the parsers read."""

    model_config = ConfigDict(frozen=True)

    lines: int
    lines_by_status: dict[str, int]
    controls_by_status: dict[str, int]
    scopes_by_status: dict[str, int]
    scopes_by_kind: dict[str, int]
    prose_only_paragraphs: int
    unparsed: tuple[tuple[str, str, str], ...]


def parse_entry(entry: RawEntry, destinations: Destinations) -> tuple[ControlLine, ...]:
    """The parsed lines of one entry; a source line holding two reasons becomes two lines."""
    lines: list[ControlLine] = []
    for raw in entry.country_chart:
        for control_text, scope_text in _pairs(raw):
            control = parse_control(control_text, entry.eccn, scope_text)
            scope = destinations.scope(scope_text, control.reason)
            if raw.cell_empty and scope_text == control_text:
                note = "the requirement cell is empty in the source; the compiled text repeats the control"
                scope = scope.model_copy(update={"notes": (*scope.notes, note)})
            lines.append(ControlLine(eccn=entry.eccn, control=control, scope=scope))
    return tuple(lines)


def _pairs(raw: RawControlLine) -> list[tuple[str, str]]:
    controls = _CONTROL_SPLIT.split(raw.control.strip())
    columns = _COLUMN_SPLIT.split(raw.country_chart.strip())
    if len(controls) > 1 and len(controls) == len(columns):
        return list(zip(controls, columns, strict=True))
    return [(raw.control, raw.country_chart)]


def load_control_lines(path: Path, destinations: Destinations) -> tuple[Source, dict[str, tuple[ControlLine, ...]]]:
    """Read ``ccl.json`` and parse every entry's lines, by ECCN (entries without lines included)."""
    data = read(path, CclFile)
    return data.cited(), {entry.eccn: parse_entry(entry, destinations) for entry in data.entries}


def coverage(by_eccn: Mapping[str, Iterable[ControlLine]]) -> CoverageReport:
    """Count full, partial and unread lines; list each unread one as (ECCN, control, scope text)."""
    lines = [line for entry in by_eccn.values() for line in entry]

    def count(values: Iterable[str]) -> dict[str, int]:
        return dict(sorted(Counter(values).items()))

    return CoverageReport(
        lines=len(lines),
        lines_by_status=count(line.status.value for line in lines),
        controls_by_status=count(line.control.status.value for line in lines),
        scopes_by_status=count(line.scope.status.value for line in lines),
        scopes_by_kind=count(line.scope.kind.value for line in lines),
        prose_only_paragraphs=sum(
            1 for line in lines if not (line.control.entire_entry or line.control.paragraphs) and line.control.reason
        ),
        unparsed=tuple((line.eccn, line.control.raw, line.scope.raw) for line in lines if line.status is Parse.NONE),
    )
