"""Read a customer or order file to screen: CSV with a header, one party a row.

Columns (case-insensitive, extra columns ignored): ``name`` (required), ``country``,
``aliases`` (separated by ``;``), ``address``, ``kind`` (person, organisation, vessel,
aircraft), and ``reference`` (or ``id``: the caller's own key, kept with the results).
Every bad row is reported with its line number and what was expected.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

from regime.errors import InputError, RegimeError
from regime.screen.countries import country_code
from regime.screen.listdata import PartyKind, Problems
from regime.screen.query import Query

KINDS = frozenset(get_args(PartyKind))


def _column(header: list[str], *names: str) -> str | None:
    lowered = {h.strip().lower(): h for h in header}
    return next((lowered[n] for n in names if n in lowered), None)


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror}); expected a CSV file", source=str(path)) from None
    with handle:
        reader = csv.DictReader(handle)
        for row in reader:
            yield reader.line_num, {k: (v or "") for k, v in row.items() if k is not None}


def read_queries(path: Path) -> list[Query]:
    """The parties in the CSV file at ``path``; ``InputError`` naming each bad line."""
    problems = Problems(str(path))
    queries: list[Query] = []
    header: list[str] | None = None
    columns: dict[str, str | None] = {}
    for line, row in _rows(path):
        if header is None:
            header = list(row)
            columns = {
                "name": _column(header, "name", "party", "customer"),
                "country": _column(header, "country", "country_code"),
                "aliases": _column(header, "aliases", "alias"),
                "address": _column(header, "address"),
                "kind": _column(header, "kind", "type"),
                "reference": _column(header, "reference", "id", "ref"),
            }
            if columns["name"] is None:
                raise InputError(
                    f"no 'name' column in the header {header}; expected name[,country,aliases,address,kind,reference]",
                    source=str(path),
                )
        values = {field: row.get(column or "", "").strip() for field, column in columns.items()}
        kind = values["kind"].lower() or "unknown"
        if not values["name"]:
            problems.add(f"line {line}", "the name is empty; expected the party's name")
            continue
        if kind not in KINDS:
            problems.add(f"line {line}", f"kind {values['kind']!r}; expected one of {', '.join(sorted(KINDS))}")
            continue
        if values["country"]:
            try:
                country_code(values["country"])
            except RegimeError as exc:
                problems.add(f"line {line}", str(exc))
                continue
        queries.append(
            Query(
                name=values["name"],
                aliases=tuple(a.strip() for a in values["aliases"].split(";") if a.strip()),
                country=values["country"] or None,
                address=values["address"] or None,
                kind=kind,
                reference=values["reference"] or f"line {line}",
            )
        )
    problems.raise_any()
    if header is None:
        raise InputError("the file is empty; expected a header line and one party a row", source=str(path))
    return queries
