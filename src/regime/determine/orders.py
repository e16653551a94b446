"""Order books: CSV or Parquet order lines, checked column by column, with bad lines named.

Columns (only ``date``, ``destination`` and one of ``item``/``eccn`` are required)::

    id                 order line id (kept in the output)
    date               YYYY-MM-DD: the date the lists and rules are read as of
    exporter           member whose rules apply (default: the --member option, else us)
    kind               export | reexport | transfer | deemed_export | deemed_reexport (default export)
    item               a catalogue id (data/catalogue), or
    eccn               the classification, classes separated by ";" (e.g. "3A090.a" or "5A002.a.1;5D002.c.1")
    destination        country name or ISO code
    end_user, end_user_country, end_user_hq       party name, country, headquarters country
    consignee, consignee_country, consignee_hq
    citizenship        for deemed exports: the person's most recent citizenship
    value_usd          net value of the line in U.S. dollars
    quantity           units (default 1)
    end_use            declared end uses separated by ";" (civil, military, supercomputer ...)
    informed           provisions the exporter was informed under, separated by ";" (744.23 ...)
    written_assurance, notification    true/false (licence-exception conditions)

Checks are vectorised; a bad line is reported with its line number (the header is line 1 of a
CSV; the first row of a Parquet file is line 1) and what was expected, and left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from regime.countries.iso import Resolver
from regime.determine.transaction import END_USES, Transaction
from regime.errors import InputError, UnknownCountryError
from regime.model.item import Item

COLUMNS = (
    "id", "date", "exporter", "kind", "item", "eccn", "destination", "end_user", "end_user_country", "end_user_hq",
    "consignee", "consignee_country", "consignee_hq", "citizenship", "value_usd", "quantity", "end_use", "informed",
    "written_assurance", "notification",
)  # fmt: skip
KEY = tuple(c for c in COLUMNS if c not in ("id", "value_usd", "quantity"))
PLACES = ("destination", "end_user_country", "end_user_hq", "consignee_country", "consignee_hq", "citizenship")
KINDS = ("export", "reexport", "transfer", "deemed_export", "deemed_reexport")
ECCN_LIST = r"^(?:\d[A-E]\d{3}(?:\.[a-z0-9]+)*|EAR99)(?:\s*;\s*(?:\d[A-E]\d{3}(?:\.[a-z0-9]+)*|EAR99))*$"
FLAGS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


@dataclass(frozen=True)
class BadLine:
    """A line left out, and why."""

    line: int
    message: str


def read_orders(path: Path) -> pl.DataFrame:
    """Every column as text, with ``line`` numbers; unknown columns are an error naming the known ones."""
    try:
        if path.suffix == ".parquet":
            frame = pl.read_parquet(path)
            frame = frame.with_columns(pl.all().cast(pl.String)).with_row_index("line", offset=1)
        else:
            frame = pl.read_csv(path, infer_schema=False).with_row_index("line", offset=2)
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise InputError(f"cannot read the order book: {exc}", source=str(path)) from None
    unknown = sorted(set(frame.columns) - {*COLUMNS, "line"})
    if unknown:
        raise InputError(f"unknown columns {unknown}; expected some of {', '.join(COLUMNS)}", source=str(path))
    missing = [c for c in COLUMNS if c not in frame.columns]
    return frame.with_columns([pl.lit(None, pl.String).alias(c) for c in missing]).with_columns(
        pl.col("line").cast(pl.Int64)
    )


def check(
    frame: pl.DataFrame, resolver: Resolver, catalogue: Mapping[str, Item], member: str
) -> tuple[pl.DataFrame, list[BadLine]]:
    """Typed columns for the good lines, and the bad lines with their problems."""
    text = {c: pl.col(c).str.strip_chars() for c in COLUMNS}
    frame = frame.with_columns([text[c].alias(c) for c in COLUMNS])
    frame = frame.with_columns(
        pl.col("date").str.to_date("%Y-%m-%d", strict=False).alias("_date"),
        pl.col("value_usd").cast(pl.Float64, strict=False).alias("_value"),
        pl.col("quantity").cast(pl.Int64, strict=False).alias("_quantity"),
        pl.col("exporter").fill_null(member),
        pl.col("kind").fill_null("export"),
    )
    places = {v: _country(resolver, v) for v in _values(frame, *PLACES)}
    problems = [
        (pl.col("_date").is_null(), "date: expected YYYY-MM-DD"),
        (pl.col("item").is_null() & pl.col("eccn").is_null(), "item or eccn: one is required"),
        (pl.col("item").is_not_null() & ~pl.col("item").is_in(list(catalogue)), "item: not a catalogue id"),
        (
            pl.col("eccn").is_not_null() & ~pl.col("eccn").str.contains(ECCN_LIST),
            "eccn: expected classes like 3A090.a or EAR99, separated by ;",
        ),
        (pl.col("destination").is_null() & ~pl.col("kind").str.starts_with("deemed"), "destination: required"),
        (~pl.col("kind").is_in(KINDS), f"kind: expected one of {', '.join(KINDS)}"),
        (
            pl.col("value_usd").is_not_null() & (pl.col("_value").is_null() | (pl.col("_value") < 0)),
            "value_usd: expected a number >= 0",
        ),
        (
            pl.col("quantity").is_not_null() & (pl.col("_quantity").is_null() | (pl.col("_quantity") < 1)),
            "quantity: expected a whole number >= 1",
        ),
    ]
    for column in PLACES:
        bad = [v for v in _values(frame, column) if places.get(v) is None]
        problems.append((pl.col(column).is_in(bad), f"{column}: not a known country"))
    for column, allowed in (
        ("end_use", set(END_USES)),
        ("written_assurance", set(FLAGS)),
        ("notification", set(FLAGS)),
    ):
        bad = [v for v in _values(frame, column) if not set(v.lower().split(";")) <= allowed]
        problems.append((pl.col(column).is_in(bad), f"{column}: expected {'; '.join(sorted(allowed))}"))
    message = pl.concat_str(
        [pl.when(cond).then(pl.lit(text)) for cond, text in problems], separator="; ", ignore_nulls=True
    )
    frame = frame.with_columns(message.alias("_problem"))
    bad_rows = frame.filter(pl.col("_problem") != "").select("line", "_problem")
    bad_lines = [BadLine(int(line), str(problem)) for line, problem in bad_rows.iter_rows()]
    good = frame.filter(pl.col("_problem") == "").drop("_problem")
    return good.with_columns(
        [pl.col(c).replace_strict(places, default=None, return_dtype=pl.String).alias(c) for c in PLACES]
    ), bad_lines


def _values(frame: pl.DataFrame, *columns: str) -> list[str]:
    found: set[str] = set()
    for column in columns:
        found.update(v for v in frame.get_column(column).drop_nulls().unique().to_list())
    return sorted(found)


def _country(resolver: Resolver, text: str) -> str | None:
    try:
        return resolver.resolve(text).alpha2
    except UnknownCountryError:
        return None


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(";") if v.strip()) if value else ()


def transaction_of(row: Mapping[str, Any], member: str) -> Transaction:
    """The transaction of one checked order line's key columns (value and quantity are applied later)."""
    parties = []
    for role in ("end_user", "consignee"):
        if row.get(role):
            parties.append(
                {
                    "name": row[role],
                    "role": role,
                    "country": row.get(f"{role}_country"),
                    "headquarters": row.get(f"{role}_hq"),
                }
            )
    kind = row.get("kind") or "export"
    person = {"citizenships": [row["citizenship"]]} if row.get("citizenship") else None
    flags = {k: FLAGS[row[k].lower()] for k in ("written_assurance", "notification") if row.get(k)}
    return Transaction.model_validate(
        {
            "date": row["_date"],
            "exporter": member,
            "kind": kind,
            "item": row.get("item") or None,
            "classification": _split(row.get("eccn")) or None,
            "destination": row.get("destination") or None,
            "parties": parties,
            "foreign_person": person,
            "end_uses": _split(row.get("end_use")),
            "informed": [{"rule": r} for r in _split(row.get("informed"))],
            "assurances": flags,
        }
    )
