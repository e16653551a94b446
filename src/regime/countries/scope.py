"""A licence-requirement scope: to which destinations one reason for control of a CCL entry applies.

Six kinds: a chart ``column`` ("NS 1"), ``worldwide`` (perhaps with named exceptions),
``destinations`` (named countries and Country Groups, with excluded groups or countries), a
``reference`` elsewhere in the EAR ("Refer to § 742.15"), ``not_applicable`` ("N/A.") and
``unparsed``. The last three are unresolved: ``covers`` answers None, and a later engine treats
the scope as indeterminate or applies its own rule. Destination sets are resolved when the scope
is built, so ``covers`` is a frozenset lookup.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from regime.countries.chart import CountryChart, column
from regime.countries.control import Parse
from regime.countries.groups import CountryGroups
from regime.countries.iso import Country


class ScopeKind(StrEnum):
    """What a scope text turned out to be."""

    COLUMN = "column"
    WORLDWIDE = "worldwide"
    DESTINATIONS = "destinations"
    REFERENCE = "reference"
    NOT_APPLICABLE = "not_applicable"
    UNPARSED = "unparsed"


RESOLVED = frozenset({ScopeKind.COLUMN, ScopeKind.WORLDWIDE, ScopeKind.DESTINATIONS})


class Scope(BaseModel):
    """A parsed scope; ``raw`` is the CCL's text, ``countries`` and the exclusions are ISO-2 codes.

    ``covered`` holds the ISO-2 codes the scope certainly covers; ``decided`` the codes for which
    a "not covered" answer is certain (graded chart rows, or destinations the group tables list).
    """

    model_config = ConfigDict(frozen=True)

    raw: str
    kind: ScopeKind
    status: Parse
    column: str | None = None
    countries: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    except_groups: tuple[str, ...] = ()
    except_countries: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    covered: frozenset[str] = frozenset()
    decided: frozenset[str] = frozenset()

    @property
    def resolved(self) -> bool:
        """Whether the scope names its destinations (a column, worldwide, or countries and groups)."""
        return self.kind in RESOLVED

    def covers(self, country: Country) -> bool | None:
        """Whether the requirement reaches ``country``; None when the scope or the tables cannot say."""
        code = country.alpha2
        if code in self.except_countries:
            return False
        if self.kind is ScopeKind.WORLDWIDE:
            return True
        if not self.resolved:
            return None
        if code in self.covered:
            return True
        if self.kind is ScopeKind.DESTINATIONS and not (self.groups or self.except_groups):
            return False
        return False if code in self.decided else None

    def summary(self) -> dict[str, Any]:
        """The parsed fields without the raw text and the resolved sets (for case files and traces)."""
        return self.model_dump(mode="json", exclude={"raw", "covered", "decided"}, exclude_defaults=True)


def _status(kind: ScopeKind, conditions: Iterable[str]) -> Parse:
    if kind is ScopeKind.UNPARSED:
        return Parse.NONE
    return Parse.PARTIAL if tuple(conditions) else Parse.FULL


def column_scope(raw: str, name: str, chart: CountryChart, **extra: Any) -> Scope:
    """A chart column scope; covered = destinations with an X there, decided = every graded row."""
    wanted = column(name)
    status = _status(ScopeKind.COLUMN, extra.get("conditions", ()))
    covered, decided = chart.with_x[wanted], chart.graded
    return Scope(
        raw=raw,
        kind=ScopeKind.COLUMN,
        status=status,
        column=wanted,
        covered=covered,
        decided=decided,
        **extra,
    )


def destinations_scope(
    raw: str,
    tables: CountryGroups,
    *,
    countries: tuple[str, ...] = (),
    groups: tuple[str, ...] = (),
    except_groups: tuple[str, ...] = (),
    except_countries: tuple[str, ...] = (),
    **extra: Any,
) -> Scope:
    """Named countries plus group members, less members of excluded groups (named ones stay in).

    A destination the EAR treats as a named one is covered with it (Hong Kong with China).
    """
    for group in (*groups, *except_groups):
        tables.members(group)  # raises on an unknown group name
    in_groups = frozenset().union(*(tables.codes[g] for g in groups))
    out_groups = frozenset().union(*(tables.codes[g] for g in except_groups))
    named = frozenset(countries) | frozenset(
        code for code, m in tables.by_code.items() if m.treated_as and m.treated_as.alpha2 in countries
    )
    covered = (named | (in_groups - out_groups)) - frozenset(except_countries)
    decided = (tables.listed if named <= tables.listed else tables.listed | named) if groups or except_groups else named
    return Scope(
        raw=raw,
        kind=ScopeKind.DESTINATIONS,
        status=_status(ScopeKind.DESTINATIONS, extra.get("conditions", ())),
        countries=countries,
        groups=groups,
        except_groups=except_groups,
        except_countries=except_countries,
        covered=covered,
        decided=decided,
        **extra,
    )


def other_scope(raw: str, kind: ScopeKind, **extra: Any) -> Scope:
    """A worldwide, reference, not-applicable or unparsed scope (nothing to resolve)."""
    return Scope(raw=raw, kind=kind, status=_status(kind, extra.get("conditions", ())), **extra)
