"""Read the CCL's prose licence-requirement scopes ("NS Column 1.", "To or within Macau ...") into ``Scope``.

Each recogniser reads one form the CCL uses; the first that reads the text wins. Trailing
sentences that only point elsewhere ("See § 742.6(a)(7)", "The Commerce Country Chart is not
designed to ...") become notes; any other leftover prose becomes a condition (a partial parse).
Text no recogniser reads is an ``unparsed`` scope that keeps its raw text and references.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from regime.countries.chart import COLUMNS, CountryChart
from regime.countries.groups import CountryGroups
from regime.countries.iso import Resolver
from regime.countries.refs import references
from regime.countries.scope import Scope, ScopeKind, column_scope, destinations_scope, other_scope

_I = re.IGNORECASE
_NOTE = re.compile(
    r"^\(?\s*(?:see|refer to|note|as specified in|regardless of end use|accordingly, a column specific"
    r"|the commerce country chart is not designed)\b",
    _I,
)
_SENTENCES = re.compile(r"(?<=[.)])\s+(?=[A-Z(])|,\s+(?=[Ss]ee\b)")
_ECHO = r"(?:(?P<echo>[A-Z]{2} applies to [^.]+?\.?)\s+(?=[A-Z]{2} Column|A license))?"
_NOT_APPLICABLE = re.compile(r"^N/?A\.?$", _I)
_COLUMN = re.compile(rf"^{_ECHO}(?:(?P<reason>[A-Z]{{2}})\s+)?Column\s+(?P<n>\d)\b\.?,?\s*(?P<rest>.*)$")
_WORLDWIDE = re.compile(r"^(?:To or within any destination worldwide|Worldwide control)\b[.,]?\s*(?P<rest>.*)$", _I)
_ALL = re.compile(
    rf"^{_ECHO}A license is required for all destinations(?:,? except (?P<except>[^,.]+))?"
    r"[,.]?\s*(?P<rest>.*)$",
    _I,
)
_WITHIN = re.compile(r"^To or within (?P<body>.+?)(?:\.\s*(?P<rest>(?:See|Refer)\b.*))?\.?$")
_EXCLUDING = re.compile(r",?\s*excluding any destination also specified in Country Groups? (?P<groups>.+)$")
_SPECIFIED = re.compile(
    r"^(?:(?P<names>.*?)\s+or\s+)?(?:a\s+)?destinations?\s+specified\s+in\s+Country\s+Groups?\s+(?P<groups>.+?)"
    r"(?:\s+of supplement no\. 1 to part 740 of the EAR)?$",
    _I,
)
_GROUP = r"(?:[ADE]:\d|B)"
_GROUPS = re.compile(rf"^{_GROUP}(?:\s*(?:,\s*and|,\s*or|,|and|or)\s*{_GROUP})*$")
_NAMED = re.compile(r"^(?P<names>[^(]+?)\s*\((?P<rest>see .+)\)\.?$", _I)
_DEFINED = re.compile(
    rf"^{_ECHO}A license is required for \w+ reasons to (?P<who>[^(]+?)\s*"
    r"\((?P<list>destinations (?:not )?listed in [^)]+)\)"
    r"(?:,\s*except for (?P<except>[^.]+))?\.\s*(?P<rest>.*)$"
)
_LICENCE_TO = re.compile(
    r"^A license is required for (?P<what>.+?)\s+to\s+(?P<dest>[A-Z][^.]*?)\s+for [\w -]+ reasons\b"
    r"\.?\s*(?P<rest>.*)$"
)
_PLAIN_WHAT = re.compile(
    r"^(?:items controlled by this entry|export or reexport of these items)(?:,? for export or reexport)?$"
)
_WITHIN_TRANSFER = re.compile(r"\s+(?:or|and)\s+transfer within\s+(?P<names>.+)$")
_REFERENCE = re.compile(r"^(?:See|Refer to)\s+(?:§|part|Supplement|Sections?)", _I)
_NAME_SPLIT = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+")


@dataclass(frozen=True, slots=True)
class ScopeParser:
    """Parses scope texts against one set of tables (resolver, groups, chart)."""

    resolver: Resolver
    groups: CountryGroups
    chart: CountryChart

    def parse(self, raw: str, reason: str | None = None) -> Scope:
        """The ``Scope`` of one ``countryChart`` text; ``reason`` completes a bare "Column 1."."""
        text = " ".join(raw.split())
        recognisers: tuple[Callable[[str, str, str | None], Scope | None], ...] = (
            self._column,
            self._worldwide,
            self._within,
            self._named,
            self._defined,
            self._licence_to,
            self._reference,
        )
        if _NOT_APPLICABLE.match(text):
            return other_scope(raw, ScopeKind.NOT_APPLICABLE, notes=("the chart column reads N/A",))
        for recognise in recognisers:
            scope = recognise(raw, text, reason)
            if scope is not None:
                return scope
        return other_scope(raw, ScopeKind.UNPARSED, references=references(text), conditions=(text,))

    def _column(self, raw: str, text: str, reason: str | None) -> Scope | None:
        match = _COLUMN.match(text)
        if match is None:
            return None
        name = f"{match['reason'] or reason} {match['n']}"
        notes, conditions = _tail(match["rest"], echo=match["echo"])
        if name not in COLUMNS:
            return other_scope(raw, ScopeKind.UNPARSED, conditions=(f"no chart column {name!r}", *conditions))
        return column_scope(raw, name, self.chart, references=references(text), notes=notes, conditions=conditions)

    def _worldwide(self, raw: str, text: str, reason: str | None) -> Scope | None:
        match = _WORLDWIDE.match(text) or _ALL.match(text)
        if match is None:
            return None
        found = match.groupdict()
        return self._excepting(raw, text, ScopeKind.WORLDWIDE, found.get("except"), found["rest"], found.get("echo"))

    def _within(self, raw: str, text: str, reason: str | None) -> Scope | None:
        match = _WITHIN.match(text)
        if match is None:
            return None
        body, excluded = match["body"], ""
        excluding = _EXCLUDING.search(body)
        if excluding:
            body, excluded = body[: excluding.start()], excluding["groups"]
        specified = _SPECIFIED.match(body)
        names, groups = (specified["names"] or "", specified["groups"]) if specified else (body, "")
        if any(part and not _GROUPS.match(part) for part in (groups, excluded)):
            return None
        codes, unknown = self._codes(names)
        notes, conditions = _tail(match["rest"] or "")
        return destinations_scope(
            raw,
            self.groups,
            countries=codes,
            groups=_group_list(groups),
            except_groups=_group_list(excluded),
            references=references(text),
            notes=notes,
            conditions=conditions + unknown,
        )

    def _named(self, raw: str, text: str, reason: str | None) -> Scope | None:
        match = _NAMED.match(text)
        codes, unknown = self._codes(match["names"]) if match else ((), ("",))
        if match is None or unknown:
            return None
        notes, conditions = _tail(match["rest"])
        return destinations_scope(
            raw, self.groups, countries=codes, references=references(text), notes=notes, conditions=conditions
        )

    def _defined(self, raw: str, text: str, reason: str | None) -> Scope | None:
        match = _DEFINED.match(text)
        if match is None:
            return None
        defined = f"{match['who']}: {match['list']}"
        return self._excepting(raw, text, ScopeKind.REFERENCE, match["except"], match["rest"], match["echo"], defined)

    def _excepting(
        self, raw: str, text: str, kind: ScopeKind, names: str | None, rest: str, echo: str | None, *lead: str
    ) -> Scope:
        """A worldwide or reference scope less the destinations ``names`` lists ("except Canada")."""
        excepted, unknown = self._codes(names or "")
        notes, conditions = _tail(rest, echo=echo)
        return other_scope(
            raw,
            kind,
            except_countries=excepted,
            references=references(text),
            notes=(*lead, *notes),
            conditions=conditions + unknown,
        )

    def _licence_to(self, raw: str, text: str, reason: str | None) -> Scope | None:
        match = _LICENCE_TO.match(text)
        if match is None:
            return None
        dest, notes = match["dest"], tuple[str, ...]()
        within = _WITHIN_TRANSFER.search(dest)
        if within:
            dest, notes = dest[: within.start()], (f"and transfer within {within['names']}",)
        codes, unknown = self._codes(dest)
        if unknown:
            return None
        what = match["what"]
        rest_notes, conditions = _tail(match["rest"])
        conditions = conditions if _PLAIN_WHAT.match(what) else (f"applies to {what}", *conditions)
        return destinations_scope(
            raw,
            self.groups,
            countries=codes,
            references=references(text),
            notes=notes + rest_notes,
            conditions=conditions,
        )

    def _reference(self, raw: str, text: str, reason: str | None) -> Scope | None:
        if not _REFERENCE.match(text):
            return None
        notes, conditions = _tail(text)
        return other_scope(raw, ScopeKind.REFERENCE, references=references(text), notes=notes, conditions=conditions)

    def _codes(self, names: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """ISO-2 codes of a "China, Russia, or Venezuela" list, and a condition per unknown name."""
        codes: list[str] = []
        unknown: list[str] = []
        for name in _NAME_SPLIT.split(names.strip()):
            code = self.resolver.lookup(name) if name else None
            if code:
                codes.append(code)
            elif name:
                unknown.append(f"unknown destination {name!r}")
        return tuple(dict.fromkeys(codes)), tuple(unknown)


def _group_list(text: str) -> tuple[str, ...]:
    return tuple(re.findall(_GROUP, text))


def _tail(rest: str, echo: str | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split trailing sentences into notes (pointers, boilerplate) and conditions (anything else)."""
    notes = [f"repeats the control text: {echo}"] if echo else []
    conditions: list[str] = []
    for sentence in _SENTENCES.split(rest.strip()):
        if sentence.strip(" ."):
            (notes if _NOTE.match(sentence) else conditions).append(sentence.strip())
    return tuple(notes), tuple(conditions)
