"""A jurisdiction as written in ``data/jurisdictions/<id>/``: who it is, its lists, its rules.

Every member shares ``jurisdiction.yaml``'s head (id, name, engine, sources). The ``engine`` names
the rule pack that reads the rest: ``ear`` (the U.S. analysis, with its rule files beside it) or
``listed`` (a licence for listed items to destinations outside a territory, general
authorisations, catch-alls and prohibitions — the EU's shape, which the Netherlands and Japan
share). Status tags follow the reference: [V] read in a primary text, [S] secondary, [U] unverified.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from regime.determine.result import PolicyLevel, ReviewPolicy

Status = Literal["V", "S", "U"]


class Doc(BaseModel):
    """Rule documents refuse unknown keys, so a typo is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Period(Doc):
    """When a rule is in force: from ``from`` until ``to`` (exclusive); both optional."""

    start: dt.date | None = Field(default=None, alias="from")
    end: dt.date | None = Field(default=None, alias="to")

    def covers(self, date: dt.date) -> bool:
        """True when the rule is in force on ``date``."""
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


ALWAYS = Period()


class PolicyDoc(Doc):
    """A licence review policy as written."""

    level: PolicyLevel
    text: str
    citation: str

    def policy(self) -> ReviewPolicy:
        """The typed policy a determination carries."""
        return ReviewPolicy(level=self.level, text=self.text, citation=self.citation)


class ItemScope(Doc):
    """Which items a rule reaches: every item, listed items only, or classes matching patterns."""

    scope: Literal["all", "listed", "patterns"] = "all"
    patterns: tuple[str, ...] = ()
    text: str = ""

    def reaches(self, classes: tuple[str, ...], unlisted: bool) -> bool:
        """Whether an item with ``classes`` (``unlisted``: no list entry describes it) is reached."""
        if self.scope == "all":
            return True
        if self.scope == "listed":
            return not unlisted
        return any(matches(ref, p) for ref in classes for p in self.patterns)

    def describe(self) -> str:
        """The scope in words."""
        if self.text:
            return self.text
        if self.scope == "all":
            return "any item"
        if self.scope == "listed":
            return "items on the control list"
        return "items classified " + ", ".join(self.patterns)


def matches(ref: str, pattern: str) -> bool:
    """``3A090.a`` matches ``3A090``, ``3A090.a``, ``3A*`` and ``*.z*``-style globs."""
    if any(ch in pattern for ch in "*?["):
        return fnmatch.fnmatchcase(ref, pattern)
    return ref == pattern or ref.startswith(pattern + ".")


class Source(Doc):
    """Where a jurisdiction's facts come from."""

    citation: str
    url: str = ""
    status: Status = "V"
    note: str = ""


class GroupDoc(Doc):
    """A member's own named group of destinations, with its source."""

    countries: tuple[str, ...]
    citation: str
    status: Status = "V"
    note: str = ""


class JurisdictionHead(Doc):
    """The part of ``jurisdiction.yaml`` every engine reads."""

    id: str
    name: str
    authority: str = ""
    engine: Literal["ear", "listed"]
    extends: str | None = None
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()
