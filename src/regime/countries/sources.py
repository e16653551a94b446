"""Reading the EAR's country files as they are, with errors that name the file and field.

The shapes below mirror ``data/sources/us-ear/country-chart.json``, ``country-groups.json`` and the
``countryChart`` lines of ``ccl.json``; nothing is renamed or reinterpreted here.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from regime.errors import InputError


class Source(BaseModel):
    """Where an answer comes from: the regulation cited and the eCFR issue it was read from."""

    model_config = ConfigDict(frozen=True)

    citation: str
    ecfr_issue_date: date
    url: str | None = None

    def __str__(self) -> str:
        return f"{self.citation}, eCFR as of {self.ecfr_issue_date.isoformat()}"


class _File(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True)

    citation: str
    ecfr_issue_date: date = Field(alias="ecfrIssueDate")
    source: dict[str, str] = {}

    def cited(self) -> Source:
        """The file's citation and issue date as a ``Source``."""
        return Source(citation=self.citation, ecfr_issue_date=self.ecfr_issue_date, url=self.source.get("url"))


class GroupsFile(_File):
    """15 CFR 740 Supp. 1 as compiled: group member lists by EAR name, notes, aliases."""

    notes: dict[str, str]
    aliases: dict[str, str]
    labels: dict[str, str]
    groups: dict[str, list[str]]


class RawRow(BaseModel):
    """One graded row of the Country Chart."""

    marks: list[str]
    footnotes: list[int]


class RawEmbargo(BaseModel):
    """A row with no marks, only a pointer to Part 746."""

    pointer: str
    footnotes: list[int]


class RawInheritance(BaseModel):
    """A destination without its own row that takes another's, and why."""

    row: str
    basis: str


class ChartFile(_File):
    """15 CFR 738 Supp. 1 as compiled: rows, embargoed rows, footnotes, aliases, inheritance."""

    columns: list[str]
    procedure: dict[str, Any]
    notes: dict[str, str]
    countries: dict[str, RawRow]
    embargoed: dict[str, RawEmbargo]
    footnotes: dict[int, str]
    aliases: dict[str, str]
    territory_inheritance: dict[str, RawInheritance] = Field(alias="territoryInheritance")
    territory_inheritance_note: str = Field(alias="territoryInheritanceNote")


class RawControlLine(BaseModel):
    """One ``{control, countryChart}`` pair of an ECCN's License Requirements."""

    control: str
    country_chart: str = Field(alias="countryChart")
    single_cell_row: bool = Field(default=False, alias="singleCellRow")
    cell_empty: bool = Field(default=False, alias="requirementCellEmptyInSource")


class RawEntry(BaseModel):
    """The part of a CCL entry that licence scopes need."""

    eccn: str
    reason_for_control: str | None = Field(default=None, alias="reasonForControl")
    country_chart: list[RawControlLine] = Field(alias="countryChart")


class CclFile(_File):
    """15 CFR 774 Supp. 1 as compiled, reduced to the licence-requirement lines."""

    entries: list[RawEntry]


_F = TypeVar("_F", bound=BaseModel)


def read(path: Path, shape: type[_F]) -> _F:
    """Read one JSON file into ``shape``; a missing file, bad JSON or a bad field raises ``InputError``."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("file not found", source=str(path)) from None
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON ({err.msg})", source=str(path), where=f"line {err.lineno}") from None
    try:
        return shape.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputError(
            f"{first['msg']} (expected the {shape.__name__} shape)", source=str(path), where=where
        ) from None
