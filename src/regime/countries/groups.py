"""Country Groups A:1-A:6, B, D:1-D:5, E:1, E:2 (15 CFR 740 Supp. 1) as data keyed by ISO code.

The tables list what they list: Macau is *not* in D:5 (rules that say "Macau or D:5" name it
themselves). A destination the tables omit but the EAR folds into another (Hong Kong into China,
Liechtenstein into Switzerland, the Cayman Islands into the United Kingdom) takes that one's
groups, with the basis kept. Any other omitted destination is *unlisted*: its empty group set
means "the tables say nothing", and ``membership(...).listed`` says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from regime.countries.iso import Country, Resolver
from regime.countries.sources import GroupsFile, Source
from regime.errors import InputError

# Which membership each note of the groups file belongs to: a country code or a group.
_NOTE_TARGETS = {"macau": "MO", "uae": "AE", "d5Controlling": "D:5"}


class GroupMembership(BaseModel):
    """The groups a destination is in, under which table name or by which treatment."""

    model_config = ConfigDict(frozen=True)

    country: Country
    groups: frozenset[str]
    listed_as: str | None = None
    treated_as: Country | None = None
    basis: str | None = None
    notes: tuple[str, ...] = ()
    source: Source

    @property
    def listed(self) -> bool:
        """Whether the tables speak about this destination (directly or through a treatment)."""
        return self.listed_as is not None or self.treated_as is not None


@dataclass(frozen=True, slots=True)
class CountryGroups:
    """Group tables: ``groups_of`` and ``members`` are frozenset lookups prepared at load.

    ``codes`` gives each group's ISO-2 codes; ``listed`` every code the tables speak about.
    """

    source: Source
    labels: dict[str, str]
    notes: dict[str, str]
    by_group: dict[str, frozenset[Country]]
    by_code: dict[str, GroupMembership]
    codes: dict[str, frozenset[str]]
    listed: frozenset[str]

    def groups_of(self, country: Country) -> frozenset[str]:
        """The groups ``country`` is in (by treatment for Hong Kong and the like); empty if unlisted."""
        found = self.by_code.get(country.alpha2)
        return found.groups if found else frozenset()

    def membership(self, country: Country) -> GroupMembership:
        """The full answer for ``country``: groups, table name, treatment basis, notes, citation."""
        found = self.by_code.get(country.alpha2)
        return found or GroupMembership(country=country, groups=frozenset(), source=self.source)

    def members(self, group: str) -> frozenset[Country]:
        """Every destination in ``group`` ("D:5"), treated destinations included."""
        try:
            return self.by_group[group]
        except KeyError:
            known = ", ".join(self.labels)
            raise InputError(f"unknown country group {group!r}; expected one of {known}") from None


def build_groups(
    data: GroupsFile, resolver: Resolver, treatments: Mapping[str, tuple[str, str]], file: str
) -> CountryGroups:
    """Key the tables by ISO code; ``treatments`` maps an unlisted code to ``(code it takes, basis)``."""
    source = data.cited()
    listed: dict[str, tuple[str, set[str]]] = {}
    for group, names in data.groups.items():
        if group not in data.labels:
            raise InputError(f"group {group!r} has no label", source=file, where=f"groups.{group}")
        for name in names:
            code = resolver.lookup(name)
            if code is None:
                raise InputError(f"member {name!r} matches no known country", source=file, where=f"groups.{group}")
            listed.setdefault(code, (name, set()))[1].add(group)
    by_code = {
        code: GroupMembership(
            country=resolver.by_code[code],
            groups=frozenset(groups),
            listed_as=name,
            notes=_notes_for(code, groups, data.notes),
            source=source,
        )
        for code, (name, groups) in listed.items()
    }
    for code, (target, basis) in treatments.items():
        if code in by_code or target not in by_code:
            continue
        inherited = by_code[target]
        by_code[code] = inherited.model_copy(
            update={
                "country": resolver.by_code[code],
                "listed_as": None,
                "treated_as": inherited.country,
                "basis": basis,
            }
        )
    by_group = {group: frozenset(m.country for m in by_code.values() if group in m.groups) for group in data.labels}
    codes = {group: frozenset(c.alpha2 for c in members) for group, members in by_group.items()}
    labels, notes = dict(data.labels), dict(data.notes)
    return CountryGroups(source, labels, notes, by_group, by_code, codes, frozenset(by_code))


def _notes_for(code: str, groups: set[str], notes: Mapping[str, str]) -> tuple[str, ...]:
    targets = {key: _NOTE_TARGETS.get(key) for key in notes}
    return tuple(notes[key] for key, target in targets.items() if target == code or target in groups)
