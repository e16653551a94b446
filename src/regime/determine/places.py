"""Destination sets written as data: countries and groups, less excluded groups and countries.

A rule file writes where a rule reaches as a small record::

    destinations: {countries: [Macau], groups: ["D:5"], text: Macau or Country Group D:5}
    destinations: {worldwide: true, except_countries: [Canada]}

``GroupTable`` resolves it once, at load, against a member's group tables (the EAR's Country
Groups, the EU's member states, Japan's Group A ...) into a ``Region`` whose ``covers`` is a
frozenset lookup. Countries are ISO 3166 alpha-2 codes after resolution.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from regime.countries.iso import Resolver
from regime.errors import InputError, UnknownCountryError


class Places(BaseModel):
    """Where a rule reaches, as written in a rule file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    worldwide: bool = False
    countries: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    except_groups: tuple[str, ...] = ()
    except_countries: tuple[str, ...] = ()
    text: str = Field(default="", description="the rule's own words for it, shown in traces")


@dataclass(frozen=True, slots=True)
class Region:
    """A resolved destination set: ``covers(code)`` answers by lookup."""

    text: str
    worldwide: bool
    covered: frozenset[str]
    excluded: frozenset[str]

    def covers(self, code: str) -> bool:
        """Whether the ISO-2 ``code`` is in the set."""
        if code in self.excluded:
            return False
        return self.worldwide or code in self.covered


@dataclass(frozen=True, slots=True)
class GroupTable:
    """Named groups of ISO-2 codes; ``treated`` folds a destination into another (Hong Kong -> China)."""

    resolver: Resolver
    codes: Mapping[str, frozenset[str]]
    treated: Mapping[str, str] = field(default_factory=dict)

    def code(self, ref: str, where: str) -> str:
        """The ISO-2 code of a country reference; an error names where it was written."""
        try:
            return self.resolver.resolve(ref).alpha2
        except UnknownCountryError as exc:
            raise InputError(str(exc), where=where) from None

    def members(self, group: str, where: str) -> frozenset[str]:
        """The codes of ``group``; an unknown group is an error naming the known ones."""
        found = self.codes.get(group)
        if found is None:
            raise InputError(f"unknown country group {group!r}; expected one of {', '.join(self.codes)}", where=where)
        return found

    def region(self, places: Places, where: str) -> Region:
        """Resolve ``places`` (named countries bring the destinations treated as them)."""
        named = {self.code(c, where) for c in places.countries}
        named |= {code for code, target in self.treated.items() if target in named}
        grouped: set[str] = set()
        for group in places.groups:
            grouped |= self.members(group, where)
        excluded = {self.code(c, where) for c in places.except_countries}
        for group in places.except_groups:
            grouped -= self.members(group, where)
            if places.worldwide:
                excluded |= self.members(group, where)
        text = places.text or _describe(places)
        return Region(text, places.worldwide, frozenset(named | grouped), frozenset(excluded))

    def with_groups(self, extra: Mapping[str, frozenset[str]]) -> GroupTable:
        """This table plus more named groups (a member's own)."""
        return GroupTable(self.resolver, {**self.codes, **extra}, self.treated)


def _describe(places: Places) -> str:
    parts = []
    if places.worldwide:
        parts.append("any destination worldwide")
    parts += list(places.countries)
    parts += [f"Country Group {g}" for g in places.groups]
    text = " or ".join(parts) or "no destination"
    excluded = [f"Country Group {g}" for g in places.except_groups] + list(places.except_countries)
    return f"{text}, excluding {' and '.join(excluded)}" if excluded else text
