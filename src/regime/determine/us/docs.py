"""The EAR's rules as data: ``data/jurisdictions/us/*.yaml`` read into typed records.

One file per rule family: licence exceptions and the 740.2 restrictions, Part 744 end-use rules,
party-list effects, Part 746 embargoes, de minimis, scopes the CCL only points to, and the
licence review policies of product-based requirements. What cannot be data lives in the rule
module of the same name under ``determine/us/``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from regime.determine.docs import ALWAYS, Doc, ItemScope, JurisdictionHead, Period, PolicyDoc, Status
from regime.determine.places import Places
from regime.determine.result import Outcome

ItemGroup = Literal["A", "B", "C", "D", "E"]


class ExceptionDoc(Doc):
    """A licence exception: what it can lift, where, for which items, on what conditions."""

    code: str
    title: str
    citation: str
    reasons: tuple[str, ...] = Field(default=(), description="reasons it can overcome; empty = any")
    only_reasons: bool = Field(default=False, description="usable only when every requirement is for these reasons")
    item_groups: tuple[ItemGroup, ...] = ("A", "B", "C", "D", "E")
    items: tuple[str, ...] = Field(default=(), description="class patterns it is limited to; empty = per the entry")
    needs_flag: bool = Field(default=True, description="the entry must name it (LVS, GBS, TSR ...)")
    destinations: Places
    kinds: tuple[str, ...] = ("export", "reexport", "transfer", "deemed_export", "deemed_reexport")
    requires: tuple[str, ...] = Field(default=(), description="assurances the transaction must state")
    datacenter: Literal["any", "not_datacenter"] = "any"
    conditions: tuple[str, ...] = ()
    in_force: Period = ALWAYS
    status: Status = "V"
    note: str = ""


class RestrictionDoc(Doc):
    """A 740.2 restriction: for items matching ``items``, only the exceptions in ``only`` remain."""

    id: str
    citation: str
    text: str
    items: ItemScope = ItemScope()
    reasons: tuple[str, ...] = Field(default=(), description="applies to requirements for these reasons")
    only: tuple[str, ...] = ()
    in_force: Period = ALWAYS
    status: Status = "V"


class EndUseDoc(Doc):
    """A Part 744 end-use rule: the end uses (or notices) that trigger it, for which items, where."""

    id: str
    title: str
    citation: str
    end_uses: tuple[str, ...]
    informed: tuple[str, ...] = ()
    items: ItemScope = ItemScope()
    destinations: Places
    outcome: Outcome = Outcome.LICENCE_REQUIRED
    policy: PolicyDoc
    in_force: Period = ALWAYS
    status: Status = "V"
    note: str = ""


class HeadquartersDoc(Doc):
    """A requirement reaching parties by where their ultimate parent is headquartered."""

    id: str
    citation: str
    text: str
    items: ItemScope
    headquarters: Places
    policy: PolicyDoc
    in_force: Period = ALWAYS
    status: Status = "S"


class PartyListDoc(Doc):
    """What a hit on one screening list does under the EAR."""

    code: str
    name: str
    citation: str
    effect: Literal["entity_list", "denied", "military_end_user", "unverified", "sanctions", "note"]
    text: str
    items: ItemScope = ItemScope()
    policy: PolicyDoc | None = None
    programmes: tuple[str, ...] = Field(default=(), description="for sanctions: the programmes 744.8 reaches")


class PolicyPattern(Doc):
    """How a party-list policy text reads: the first pattern found sets the level."""

    contains: str
    level: Literal["approval", "case_by_case", "presumption_of_denial", "denial"]


class EndUserDoc(Doc):
    """``end_user.yaml``: party-list effects, headquarters rules, and how policy texts are read."""

    lists: tuple[PartyListDoc, ...]
    headquarters: tuple[HeadquartersDoc, ...] = ()
    policy_patterns: tuple[PolicyPattern, ...]
    all_items_patterns: tuple[str, ...] = Field(description="requirement texts meaning every item subject to the EAR")


class EmbargoDoc(Doc):
    """A Part 746 embargo or sanctions rule for a destination."""

    id: str
    citation: str
    text: str
    destinations: Places
    items: ItemScope = ItemScope()
    ear99: Literal["reached", "free", "open"] = "reached"
    ear99_note: str = ""
    outcome: Outcome = Outcome.LICENCE_REQUIRED
    policy: PolicyDoc
    in_force: Period = ALWAYS
    status: Status = "V"
    note: str = ""


class NoDeMinimisDoc(Doc):
    """A case where foreign-made items are subject to the EAR whatever their U.S. content."""

    id: str
    citation: str
    text: str
    items: ItemScope
    destinations: Places
    needs_us_origin_ic: bool = False
    in_force: Period = ALWAYS
    status: Status = "S"


class ThresholdDoc(Doc):
    """A de minimis level for some destinations."""

    destinations: Places
    share: float = Field(gt=0, lt=1)
    citation: str


class DeMinimisDoc(Doc):
    """``de_minimis.yaml``: the levels (first match wins, the last is the default) and the cases with none."""

    thresholds: tuple[ThresholdDoc, ...]
    none: tuple[NoDeMinimisDoc, ...] = ()


class ReferenceScopeDoc(Doc):
    """A destination scope the CCL only points to ("Refer to § 742.15"), written out."""

    reference: str
    destinations: Places
    citation: str
    status: Status = "V"


class ProductPolicyDoc(Doc):
    """The review policy for product-based requirements of some reasons, classes and destinations."""

    reasons: tuple[str, ...]
    items: ItemScope = ItemScope()
    destinations: Places = Places(worldwide=True)
    policy: PolicyDoc


class EarJurisdictionDoc(JurisdictionHead):
    """``jurisdiction.yaml`` of the U.S. (read by the ``ear`` engine)."""

    lists: tuple[str, ...]
    chart: str = Field(description="citation of the Country Chart and Country Groups used")
    party_lists: str = Field(description="citation of the screening list used")


class EarRules(Doc):
    """Every EAR rule file, read together."""

    exceptions: tuple[ExceptionDoc, ...]
    restrictions: tuple[RestrictionDoc, ...]
    end_uses: tuple[EndUseDoc, ...]
    end_users: EndUserDoc
    embargoes: tuple[EmbargoDoc, ...]
    de_minimis: DeMinimisDoc
    references: tuple[ReferenceScopeDoc, ...]
    policies: tuple[ProductPolicyDoc, ...]


class ExceptionsFile(Doc):
    """``exceptions.yaml``."""

    exceptions: tuple[ExceptionDoc, ...]
    restrictions: tuple[RestrictionDoc, ...] = ()


class EndUseFile(Doc):
    """``end_use.yaml``."""

    end_uses: tuple[EndUseDoc, ...]


class EmbargoFile(Doc):
    """``embargoes.yaml``."""

    embargoes: tuple[EmbargoDoc, ...]


class ScopesFile(Doc):
    """``scopes.yaml``."""

    references: tuple[ReferenceScopeDoc, ...]


class PoliciesFile(Doc):
    """``policies.yaml``."""

    policies: tuple[ProductPolicyDoc, ...]
