"""A ``listed`` member's rules resolved once: its groups, territory and every destination set.

``merge_docs`` folds a member that ``extends`` another into one document first (the Netherlands
into the EU): the child's lists, authorisations, catch-alls and prohibitions are added to the
parent's (replacing one of the same key), its groups merged, its other fields taking precedence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from regime.countries.iso import Resolver
from regime.determine.docs import Period
from regime.determine.national.docs import Authorisation, CatchAll, ListedJurisdictionDoc, ListRule, Prohibition
from regime.determine.places import GroupTable, Region

_KEYED = {"lists": "list", "authorisations": "code", "catch_all": "id", "prohibitions": "id"}
_APPENDED = ("sources", "notes")


@dataclass(frozen=True, eq=False)
class ListedRuleSet:
    """Everything the ``listed`` engine reads besides the compiled lists."""

    doc: ListedJurisdictionDoc
    groups: GroupTable
    territory: Region
    lists: tuple[tuple[ListRule, Region], ...]
    authorisations: tuple[tuple[Authorisation, Region], ...]
    catch_all: tuple[tuple[CatchAll, Region], ...]
    prohibitions: tuple[tuple[Prohibition, Region], ...]

    def periods(self) -> list[Period]:
        """When each dated rule is in force (for the member's epochs)."""
        return [
            *(doc.in_force for doc, _ in self.lists),
            *(doc.in_force for doc, _ in self.authorisations),
            *(doc.in_force for doc, _ in self.catch_all),
            *(doc.in_force for doc, _ in self.prohibitions),
        ]

    @property
    def list_ids(self) -> tuple[str, ...]:
        """The member's control lists, in the order they are read."""
        return tuple(rule.list for rule, _ in self.lists)


def merge_docs(parent: Mapping[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    """The child member's raw document laid over its parent's."""
    merged = {key: value for key, value in parent.items() if key not in ("id", "name", "authority", "extends")}
    for key, value in child.items():
        if key in _KEYED:
            field = _KEYED[key]
            replaced = {item[field] for item in value}
            merged[key] = [item for item in parent.get(key, []) if item[field] not in replaced] + list(value)
        elif key in _APPENDED:
            merged[key] = list(parent.get(key, [])) + list(value)
        elif key == "groups":
            merged[key] = {**parent.get(key, {}), **value}
        else:
            merged[key] = value
    return merged


def build_listed_rules(doc: ListedJurisdictionDoc, resolver: Resolver, source: str) -> ListedRuleSet:
    """Resolve the member's groups, then every destination set against them."""
    base = GroupTable(resolver, {})
    own = {
        name: frozenset(base.code(c, f"{source}: groups.{name}") for c in group.countries)
        for name, group in doc.groups.items()
    }
    groups = base.with_groups(own)

    def region(places: Any, where: str) -> Region:
        return groups.region(places, f"{source}: {where}")

    return ListedRuleSet(
        doc=doc,
        groups=groups,
        territory=region(doc.territory, "territory"),
        lists=tuple((r, region(r.destinations, f"lists[{r.list}]")) for r in doc.lists),
        authorisations=tuple((a, region(a.destinations, f"authorisations[{a.code}]")) for a in doc.authorisations),
        catch_all=tuple((c, region(c.destinations, f"catch_all[{c.id}]")) for c in doc.catch_all),
        prohibitions=tuple((p, region(p.destinations, f"prohibitions[{p.id}]")) for p in doc.prohibitions),
    )
