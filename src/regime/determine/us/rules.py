"""The EAR's rule files resolved once: every destination set a frozenset, every party list by code.

``build_ear_rules`` is called by the loader; the ``EarRuleSet`` it returns is immutable and is
all the EAR engine reads besides the compiled list and the party index.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from regime.countries.destinations import Destinations
from regime.determine.docs import Period
from regime.determine.places import GroupTable, Region
from regime.determine.result import PolicyLevel
from regime.determine.us.docs import (
    EarJurisdictionDoc,
    EarRules,
    EmbargoDoc,
    EndUseDoc,
    ExceptionDoc,
    HeadquartersDoc,
    NoDeMinimisDoc,
    PartyListDoc,
    ProductPolicyDoc,
    RestrictionDoc,
)

D = TypeVar("D")


@dataclass(frozen=True, slots=True)
class Placed(Generic[D]):
    """A rule document with its destination set resolved."""

    doc: D
    region: Region


@dataclass(frozen=True, eq=False)
class EarRuleSet:
    """Everything the EAR engine knows besides the list and the parties."""

    head: EarJurisdictionDoc
    destinations: Destinations
    groups: GroupTable
    exceptions: tuple[Placed[ExceptionDoc], ...]
    restrictions: tuple[RestrictionDoc, ...]
    end_uses: tuple[Placed[EndUseDoc], ...]
    headquarters: tuple[Placed[HeadquartersDoc], ...]
    party_lists: Mapping[str, PartyListDoc]
    policy_patterns: tuple[tuple[str, PolicyLevel], ...]
    all_items_patterns: tuple[str, ...]
    embargoes: tuple[Placed[EmbargoDoc], ...]
    thresholds: tuple[tuple[Region, float, str], ...]
    no_de_minimis: tuple[Placed[NoDeMinimisDoc], ...]
    references: Mapping[str, tuple[Region, str]]
    policies: tuple[Placed[ProductPolicyDoc], ...]
    ccl_flags: Mapping[str, Mapping[str, str]]

    def periods(self) -> list[Period]:
        """When each dated rule is in force (for the member's epochs)."""
        placed: list[Placed[Any]] = [
            *self.exceptions,
            *self.end_uses,
            *self.headquarters,
            *self.embargoes,
            *self.no_de_minimis,
        ]
        return [p.doc.in_force for p in placed] + [r.in_force for r in self.restrictions]


def ear_groups(destinations: Destinations) -> GroupTable:
    """The Country Groups as a table, with the EAR's treatments (Hong Kong as China, Liechtenstein as Switzerland)."""
    tables = destinations.groups
    treated = {code: m.treated_as.alpha2 for code, m in tables.by_code.items() if m.treated_as is not None}
    return GroupTable(destinations.resolver, dict(tables.codes), treated)


def build_ear_rules(
    head: EarJurisdictionDoc,
    rules: EarRules,
    destinations: Destinations,
    source: str,
    ccl_flags: Mapping[str, Mapping[str, str]],
) -> EarRuleSet:
    """Resolve every destination set of the rule files against the Country Groups."""
    groups = ear_groups(destinations)

    def place(docs: tuple[Any, ...], name: str, attr: str = "destinations") -> tuple[Placed[Any], ...]:
        return tuple(
            Placed(doc, groups.region(getattr(doc, attr), f"{source}/{name}[{n}].{attr}")) for n, doc in enumerate(docs)
        )

    return EarRuleSet(
        head=head,
        destinations=destinations,
        groups=groups,
        exceptions=place(rules.exceptions, "exceptions.yaml"),
        restrictions=rules.restrictions,
        end_uses=place(rules.end_uses, "end_use.yaml"),
        headquarters=place(rules.end_users.headquarters, "end_user.yaml", "headquarters"),
        party_lists={doc.code: doc for doc in rules.end_users.lists},
        policy_patterns=tuple((p.contains.lower(), p.level) for p in rules.end_users.policy_patterns),
        all_items_patterns=tuple(p.lower() for p in rules.end_users.all_items_patterns),
        embargoes=place(rules.embargoes, "embargoes.yaml"),
        thresholds=tuple(
            (groups.region(t.destinations, f"{source}/de_minimis.yaml thresholds[{n}]"), t.share, t.citation)
            for n, t in enumerate(rules.de_minimis.thresholds)
        ),
        no_de_minimis=place(rules.de_minimis.none, "de_minimis.yaml"),
        references={
            r.reference: (groups.region(r.destinations, f"{source}/scopes.yaml {r.reference}"), r.citation)
            for r in rules.references
        },
        policies=place(rules.policies, "policies.yaml"),
        ccl_flags=ccl_flags,
    )
