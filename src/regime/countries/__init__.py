"""Destinations under the EAR: ISO countries, Country Groups, the Commerce Country Chart, CCL scopes.

``us_destinations()`` reads the bundled files once and returns an immutable, picklable
``Destinations``; every lookup after that is pure and fast.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from regime.countries.ccl_lines import ControlLine, CoverageReport, coverage, load_control_lines
from regime.countries.chart import (
    COLUMNS,
    ChartAnswer,
    ChartRow,
    CountryChart,
    Embargoed,
    Footnote,
    Indeterminate,
)
from regime.countries.control import Control, Parse, parse_control
from regime.countries.destinations import Destinations, load_destinations
from regime.countries.groups import CountryGroups, GroupMembership
from regime.countries.iso import Country, Resolver
from regime.countries.scope import Scope, ScopeKind
from regime.countries.sources import Source
from regime.paths import US_EAR_DIR

__all__ = [
    "COLUMNS",
    "ChartAnswer",
    "ChartRow",
    "Control",
    "ControlLine",
    "Country",
    "CountryChart",
    "CountryGroups",
    "CoverageReport",
    "Destinations",
    "Embargoed",
    "Footnote",
    "GroupMembership",
    "Indeterminate",
    "Parse",
    "Resolver",
    "Scope",
    "ScopeKind",
    "Source",
    "coverage",
    "load_control_lines",
    "load_destinations",
    "parse_control",
    "us_control_lines",
    "us_destinations",
]


@cache
def us_destinations(directory: Path = US_EAR_DIR) -> Destinations:
    """The EAR destination tables from ``directory`` (the bundled ``data/sources/us-ear``), read once."""
    return load_destinations(directory)


@cache
def us_control_lines(directory: Path = US_EAR_DIR) -> dict[str, tuple[ControlLine, ...]]:
    """Every parsed licence-requirement line of the bundled CCL, by ECCN, read once."""
    return load_control_lines(directory / "ccl.json", us_destinations(directory))[1]
