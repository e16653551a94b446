"""The ``listed`` engine's rule documents: the shape the EU, the Netherlands and Japan share.

A listed item needs a licence to destinations outside the member's territory (``lists``); a
general authorisation lifts that for some destinations and items (``authorisations``); a
catch-all makes an unlisted item licensable when the exporter knows or is informed of a
sensitive end use (``catch_all``); a sanctions regulation prohibits (``prohibitions``).
A member that ``extends`` another inherits all of these and adds its own.
"""

from __future__ import annotations

from pydantic import Field

from regime.determine.docs import ALWAYS, Doc, GroupDoc, ItemScope, JurisdictionHead, Period, PolicyDoc
from regime.determine.places import Places


class ListRule(Doc):
    """A licence requirement for the items of one control list."""

    list: str
    rule: str
    citation: str
    text: str
    destinations: Places
    policy: PolicyDoc
    in_force: Period = ALWAYS


class Authorisation(Doc):
    """A general authorisation: which list requirements it lifts, where, and on what conditions."""

    code: str
    title: str
    citation: str
    lists: tuple[str, ...]
    destinations: Places
    excluded_items: tuple[str, ...] = Field(default=(), description="class patterns it never covers")
    not_for_end_uses: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    in_force: Period = ALWAYS
    note: str = ""


class CatchAll(Doc):
    """A licence requirement triggered by a known or notified end use, listed or not."""

    id: str
    citation: str
    text: str
    end_uses: tuple[str, ...] = ()
    informed: tuple[str, ...] = Field(default=(), description="notice rules that trigger it (Art. 4(1)(a) ...)")
    destinations: Places
    items: ItemScope = ItemScope()
    policy: PolicyDoc
    in_force: Period = ALWAYS
    note: str = ""


class Prohibition(Doc):
    """A sanctions prohibition on exports of (some) items to a destination."""

    id: str
    citation: str
    text: str
    destinations: Places
    items: ItemScope = ItemScope(scope="listed")
    in_force: Period = ALWAYS
    note: str = ""


class DeemedRule(Doc):
    """Whether releasing technology to a foreign national at home counts as an export."""

    applies: bool
    citation: str
    text: str


class ListedJurisdictionDoc(JurisdictionHead):
    """``jurisdiction.yaml`` of a member read by the ``listed`` engine."""

    territory: Places
    groups: dict[str, GroupDoc] = Field(default_factory=dict)
    lists: tuple[ListRule, ...] = ()
    authorisations: tuple[Authorisation, ...] = ()
    catch_all: tuple[CatchAll, ...] = ()
    prohibitions: tuple[Prohibition, ...] = ()
    deemed: DeemedRule
    published: DeemedRule = Field(description="whether published information and basic research are released")
