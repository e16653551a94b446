"""The U.S. destination tables bundled: resolver, Country Groups, Country Chart and the scope parser.

``load_destinations`` does the reading (once); the ``Destinations`` it returns is immutable,
picklable and answers every question with dict and frozenset lookups.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from regime.countries.chart import ChartAnswer, ChartRow, CountryChart, build_chart
from regime.countries.groups import CountryGroups, GroupMembership, build_groups
from regime.countries.iso import Country, Resolver, build_resolver
from regime.countries.scope import Scope
from regime.countries.scope_parse import ScopeParser
from regime.countries.sources import ChartFile, GroupsFile, read

CHART_FILE = "country-chart.json"
GROUPS_FILE = "country-groups.json"


@dataclass(frozen=True, slots=True)
class Destinations:
    """Everything licence determination needs to know about destinations under the EAR."""

    resolver: Resolver
    groups: CountryGroups
    chart: CountryChart
    parser: ScopeParser

    def country(self, ref: str | Country) -> Country:
        """Resolve a name or code (raises ``UnknownCountryError`` with suggestions)."""
        return self.resolver.resolve(ref)

    def groups_of(self, ref: str | Country) -> frozenset[str]:
        """The Country Groups of a destination (Hong Kong takes China's)."""
        return self.groups.groups_of(self.country(ref))

    def membership(self, ref: str | Country) -> GroupMembership:
        """Group membership with table name, treatment basis and notes."""
        return self.groups.membership(self.country(ref))

    def chart_answer(self, ref: str | Country) -> ChartAnswer:
        """The Country Chart's answer: a row (own or inherited), embargoed, or indeterminate."""
        return self.chart.lookup(self.country(ref))

    def scope(self, text: str, reason: str | None = None) -> Scope:
        """Parse one CCL ``countryChart`` text against these tables."""
        return self.parser.parse(text, reason)


def load_destinations(directory: Path) -> Destinations:
    """Read ``country-chart.json`` and ``country-groups.json`` from ``directory`` and build the tables."""
    chart_path, groups_path = directory / CHART_FILE, directory / GROUPS_FILE
    chart_file, groups_file = read(chart_path, ChartFile), read(groups_path, GroupsFile)
    resolver = build_resolver(
        [(str(groups_path), groups_file.aliases), (str(chart_path), chart_file.aliases)],
        [*chart_file.countries, *chart_file.embargoed],
    )
    chart = build_chart(chart_file, resolver, str(chart_path))
    hong_kong = chart_file.notes.get("hongKong")
    treatments = {
        code: (row.inherited_from.alpha2, hong_kong if code == "HK" and hong_kong else row.basis or "")
        for code, row in chart.answers.items()
        if isinstance(row, ChartRow) and row.inherited_from is not None
    }
    groups = build_groups(groups_file, resolver, treatments, str(groups_path))
    return Destinations(resolver, groups, chart, ScopeParser(resolver, groups, chart))
