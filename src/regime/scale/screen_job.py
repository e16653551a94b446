"""The screening engine as a partition function: parties in, one screening row per party out.

``ScreenJob`` carries a built ``ScreeningIndex`` (the bundled Consolidated Screening List's, or a
list file's), built once by the driver and shipped to each worker; each call screens one
partition's rows with ``screen.engine.screen``. Input columns are those of a screening batch file:
``name`` (required), ``country``, ``aliases`` (separated by ``;``), ``address``, ``kind`` and
``reference`` (or ``id``). A row without a usable name, with an unknown kind or country, is an
error record; the other rows are screened.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl

from regime.errors import RegimeError
from regime.scale.job import Answer, ErrorRecord
from regime.screen.engine import screen
from regime.screen.index import ScreeningIndex
from regime.screen.query import Query
from regime.screen.results import ScreeningResult
from regime.screen.scorer import THRESHOLD

COLUMNS = ("name", "country", "aliases", "address", "kind", "reference", "id")
SCHEMA = {
    "line": pl.Int64, "reference": pl.String, "name": pl.String, "country": pl.String, "outcome": pl.String,
    "hits": pl.Int64, "best_score": pl.Float64, "best_list": pl.String, "best_entry": pl.String,
    "best_name": pl.String, "entries": pl.String, "searched": pl.String,
}  # fmt: skip


def query_of(row: Mapping[str, Any]) -> Query:
    """The query of one input row; ``InputError``/``ValueError`` naming what is wrong."""
    name = (row.get("name") or "").strip()
    if not name:
        raise ValueError("the name is empty; expected the party's name")
    aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
    return Query.model_validate(
        {
            "name": name,
            "aliases": aliases,
            "country": (row.get("country") or "").strip() or None,
            "address": (row.get("address") or "").strip() or None,
            "kind": (row.get("kind") or "").strip().lower() or "unknown",
            "reference": row.get("reference") or row.get("id") or f"line {row['line']}",
        }
    )


def screening_row(line: int, result: ScreeningResult) -> dict[str, Any]:
    """One output row: the query, the outcome, the best hit and every hit's entry and score."""
    best = result.hits[0] if result.hits else None
    return {
        "line": line,
        "reference": result.query.reference,
        "name": result.query.name,
        "country": ";".join(result.countries),
        "outcome": result.outcome,
        "hits": len(result.hits),
        "best_score": best.score if best else None,
        "best_list": best.list_code if best else None,
        "best_entry": best.entry_id if best else None,
        "best_name": best.name if best else None,
        "entries": ";".join(f"{h.entry_id}:{h.score:.4f}" for h in result.hits),
        "searched": f"{result.searched.source} {result.searched.version}",
    }


@dataclass(frozen=True, eq=False)
class ScreenJob:
    """Screen every row's party against ``index`` at ``threshold``."""

    index: ScreeningIndex
    threshold: float = THRESHOLD
    name: str = "screen"

    def columns(self) -> tuple[str, ...]:
        """The screening batch-file columns."""
        return COLUMNS

    def warm(self) -> None:
        """Nothing: the index travels whole."""

    def __call__(self, rows: pl.DataFrame, partition: int) -> Answer:
        """Screen each row; a row that cannot be read becomes an error record."""
        found: list[dict[str, Any]] = []
        errors: list[ErrorRecord] = []
        for row in rows.iter_rows(named=True):
            try:
                result = screen(query_of(row), self.index, threshold=self.threshold)
            except (RegimeError, ValueError) as exc:
                errors.append(ErrorRecord(partition, row["line"], _message(exc)))
                continue
            found.append(screening_row(row["line"], result))
        decisions = pl.DataFrame(found, schema=SCHEMA)
        return Answer(decisions.with_columns(pl.lit(partition, pl.Int64).alias("partition")), tuple(errors))


def _message(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):  # a pydantic ValidationError: the field and what was expected
        return "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors())
    return str(exc)
