"""The Commerce Country Chart (15 CFR 738 Supp. 1): which columns carry an X for a destination.

Three answers, never a bare "no X": a ``ChartRow`` (own row or inherited, with the basis and its
footnotes), ``Embargoed`` (Cuba, Iran, North Korea, Syria: no marks, see Part 746) or
``Indeterminate`` (no row and no inheritance the EAR names). Answers are prepared at load, so a
lookup is one dict access.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from regime.countries.iso import Country, Resolver
from regime.countries.refs import references
from regime.countries.sources import ChartFile, Source
from regime.errors import InputError

COLUMNS: tuple[str, ...] = (
    *("CB 1", "CB 2", "CB 3", "NP 1", "NP 2", "NS 1", "NS 2", "MT 1"),
    *("RS 1", "RS 2", "FC 1", "CC 1", "CC 2", "CC 3", "AT 1", "AT 2"),
)
_COLUMN = re.compile(r"^\s*([A-Za-z]{2})\s*(?:column)?\s*(\d)\s*\.?\s*$", re.IGNORECASE)


def column(text: str) -> str:
    """The canonical column name for "NS1", "ns 1" or "NS Column 1"; ``InputError`` otherwise."""
    match = _COLUMN.match(text)
    name = f"{match[1].upper()} {match[2]}" if match else text
    if name not in COLUMNS:
        raise InputError(f"unknown Country Chart column {text!r}; expected one of {', '.join(COLUMNS)}")
    return name


class Footnote(BaseModel):
    """A numbered footnote of the chart: it can impose requirements the grid does not show."""

    model_config = ConfigDict(frozen=True)

    number: int
    text: str


class ChartRow(BaseModel):
    """The marks that apply to a destination, from its own row or the row it inherits."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["row"] = "row"
    country: Country
    row: str
    marks: frozenset[str]
    footnotes: tuple[Footnote, ...] = ()
    inherited_from: Country | None = None
    basis: str | None = None
    source: Source

    def has_x(self, name: str) -> bool:
        """Whether column ``name`` ("NS 1", "NS1") has an X in this row."""
        return column(name) in self.marks


class Embargoed(BaseModel):
    """A destination the chart does not grade: Part 746 (and its pointer) decides."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["embargoed"] = "embargoed"
    country: Country
    row: str
    pointer: str
    provisions: tuple[str, ...]
    footnotes: tuple[Footnote, ...] = ()
    note: str
    source: Source


class Indeterminate(BaseModel):
    """No row and no named inheritance: the chart cannot answer, and says what is missing."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["indeterminate"] = "indeterminate"
    country: Country
    missing: str
    source: Source


ChartAnswer = ChartRow | Embargoed | Indeterminate


@dataclass(frozen=True, slots=True)
class CountryChart:
    """The chart's answers by ISO-2 code, its footnotes and the caveats of 738.4.

    ``with_x`` gives, per column, the ISO-2 codes whose (own or inherited) row has an X there;
    ``graded`` every code with a graded row. Scopes share these sets rather than copy them.
    """

    source: Source
    answers: dict[str, ChartRow | Embargoed]
    footnotes: dict[int, Footnote]
    no_mark_caveat: str
    inheritance_note: str
    with_x: dict[str, frozenset[str]]
    graded: frozenset[str]

    def lookup(self, country: Country) -> ChartAnswer:
        """The chart's answer for ``country``, with citation, footnotes and any inheritance basis."""
        found = self.answers.get(country.alpha2)
        if found is not None:
            return found
        missing = (
            f"the Country Chart has no row for {country.name} and the EAR names no row it takes. "
            + self.inheritance_note
        )
        return Indeterminate(country=country, missing=missing, source=self.source)

    def marks(self, country: Country) -> frozenset[str] | Embargoed | Indeterminate:
        """The columns with an X for ``country``, or the reason there is no graded answer."""
        answer = self.lookup(country)
        return answer.marks if isinstance(answer, ChartRow) else answer

    def has_x(self, country: Country, name: str) -> bool | Embargoed | Indeterminate:
        """Whether column ``name`` has an X for ``country``, or the reason the chart cannot say."""
        wanted = column(name)
        answer = self.lookup(country)
        return wanted in answer.marks if isinstance(answer, ChartRow) else answer


def build_chart(data: ChartFile, resolver: Resolver, file: str) -> CountryChart:
    """Prepare every answer of the chart file: graded rows, embargoed rows, then inherited rows."""
    if tuple(data.columns) != COLUMNS:
        raise InputError(f"columns {data.columns} differ from {list(COLUMNS)}", source=file, where="columns")
    source = data.cited()
    notes = {n: Footnote(number=n, text=text) for n, text in data.footnotes.items()}

    def footnotes(numbers: list[int], where: str) -> tuple[Footnote, ...]:
        unknown = [n for n in numbers if n not in notes]
        if unknown:
            raise InputError(f"footnotes {unknown} are not defined", source=file, where=where)
        return tuple(notes[n] for n in numbers)

    def code(name: str, where: str) -> str:
        found = resolver.lookup(name)
        if found is None:
            raise InputError(f"{name!r} matches no known country", source=file, where=where)
        return found

    answers: dict[str, ChartRow | Embargoed] = {}
    for name, raw in data.countries.items():
        where = f"countries.{name}"
        unknown = sorted(set(raw.marks) - set(COLUMNS))
        if unknown:
            raise InputError(f"unknown columns {unknown}", source=file, where=where)
        country = resolver.by_code[code(name, where)]
        answers[country.alpha2] = ChartRow(
            country=country,
            row=name,
            marks=frozenset(raw.marks),
            footnotes=footnotes(raw.footnotes, where),
            source=source,
        )
    for name, embargo in data.embargoed.items():
        where = f"embargoed.{name}"
        country = resolver.by_code[code(name, where)]
        answers[country.alpha2] = Embargoed(
            country=country,
            row=name,
            pointer=embargo.pointer,
            provisions=references(embargo.pointer),
            footnotes=footnotes(embargo.footnotes, where),
            note=data.notes.get("embargoedRows", ""),
            source=source,
        )
    for name, inheritance in data.territory_inheritance.items():
        where = f"territoryInheritance.{name}"
        country = resolver.by_code[code(name, where)]
        parent = answers.get(code(inheritance.row, where))
        if not isinstance(parent, ChartRow):
            raise InputError(f"inherits {inheritance.row!r}, which has no graded row", source=file, where=where)
        own = answers.get(country.alpha2)
        answers[country.alpha2] = parent.model_copy(
            update={
                "country": country,
                "footnotes": (own.footnotes if own else ()) + parent.footnotes,
                "inherited_from": parent.country,
                "basis": inheritance.basis,
            }
        )
    caveat = str(data.procedure.get("noMarkCaveat", ""))
    rows = {code: a.marks for code, a in answers.items() if isinstance(a, ChartRow)}
    with_x = {name: frozenset(code for code, marks in rows.items() if name in marks) for name in COLUMNS}
    return CountryChart(source, answers, notes, caveat, data.territory_inheritance_note, with_x, frozenset(rows))
