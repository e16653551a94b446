"""The compiled CCL source file (``data/sources/us-ear/ccl.json``) read as it is, with typed fields.

Nothing is renamed or reinterpreted here: ``items`` keeps the source's flat list of
``{paragraph, kind, depth, text}``; ``tree.py`` turns it into paragraphs and notes. Licence lines
are read with the countries package's ``RawControlLine``, the shape its parser takes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from regime.countries.sources import RawControlLine, read
from regime.errors import InputError


class _Source(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True)


class SourceItem(_Source):
    """One line of an entry's List of Items Controlled, as the compiler flattened it."""

    paragraph: str | None
    kind: Literal["item", "text", "note"]
    depth: int
    text: str


class SourceEntry(_Source):
    """One ECCN as compiled: heading, reasons, licence lines and (deep categories only) items."""

    eccn: str
    category: str
    product_group: str = Field(alias="productGroup")
    heading: str
    reason_for_control: str | None = Field(alias="reasonForControl")
    country_chart: list[RawControlLine] = Field(alias="countryChart")
    licence_exception_flags: dict[str, str] | None = Field(alias="licenceExceptionFlags")
    sta_special_conditions: str | None = Field(alias="staSpecialConditions")
    related_controls: str | None = Field(alias="relatedControls")
    items: list[SourceItem] | None = None


class SourceFile(_Source):
    """The whole compiled Commerce Control List."""

    citation: str
    source: dict[str, str]
    ecfr_issue_date: dt.date = Field(alias="ecfrIssueDate")
    entry_count: int = Field(alias="entryCount")
    entries: list[SourceEntry]

    @property
    def url(self) -> str | None:
        """Where the compiler read the eCFR XML."""
        return self.source.get("url")


def read_source(path: Path) -> SourceFile:
    """Read and validate ``ccl.json``; a missing file, bad JSON or bad field names the file and field."""
    data = read(path, SourceFile)
    if data.entry_count != len(data.entries):
        raise InputError(f"entryCount says {data.entry_count} but {len(data.entries)} entries follow", source=str(path))
    return data
