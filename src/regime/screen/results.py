"""What a screening answers, and how it is written out (JSON, CSV).

A ``ScreeningResult`` names what was searched (lists and version) and the threshold, lists
the hits with the list, entry, matched name, score and its parts, and what the listing
means legally; it keeps the near misses too. It never says a bare "clear": its statement
is "no match in lists L of version V at threshold T".
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict

from regime.screen.listdata import PartyKind
from regime.screen.query import Query

Model = TypeVar("Model", bound=BaseModel)


def trusted(model: type[Model], values: dict[str, Any]) -> Model:
    """``model.model_construct(**values)`` where ``values`` (taken over, not copied) name every
    field of ``model`` with a checked value: no default to fill in and no alias to look up, so
    a quarter of the time (a screening builds several per query)."""
    made = model.__new__(model)
    object.__setattr__(made, "__dict__", values)
    object.__setattr__(made, "__pydantic_fields_set__", set(values))
    object.__setattr__(made, "__pydantic_extra__", None)
    object.__setattr__(made, "__pydantic_private__", None)
    return made


class ScoreParts(BaseModel):
    """The features behind a score: name and alias similarity, coverage, country and type."""

    model_config = ConfigDict(frozen=True)

    name_similarity: float
    alias_similarity: float
    matched_on: Literal["name", "alias", "weak alias"]
    query_cover: float
    match_cover: float
    country: float
    entity_type: float


class Hit(BaseModel):
    """One listed party the query matched, why, and what the listing means."""

    model_config = ConfigDict(frozen=True)

    list_code: str
    list_name: str
    entry_id: str
    name: str
    matched_name: str
    query_name: str
    score: float
    parts: ScoreParts
    countries: tuple[str, ...]
    kind: PartyKind
    citation: str
    legal_effect: str
    licence_requirement: str | None = None
    licence_policy: str | None = None
    programmes: tuple[str, ...] = ()
    federal_register: str | None = None
    source_url: str | None = None


class Searched(BaseModel):
    """Which lists of which version a screening searched."""

    model_config = ConfigDict(frozen=True)

    source: str
    version: str
    lists: tuple[str, ...]


class ScreeningResult(BaseModel):
    """The answer for one query."""

    model_config = ConfigDict(frozen=True)

    query: Query
    countries: tuple[str, ...]
    kind: PartyKind
    outcome: Literal["hit", "clear"]
    hits: tuple[Hit, ...]
    near_misses: tuple[Hit, ...]
    threshold: float
    searched: Searched
    statement: str


CSV_COLUMNS = (
    "reference", "query", "query_country", "outcome", "score", "list_code", "entry_id", "name",
    "matched_name", "matched_on", "name_similarity", "alias_similarity", "country", "entity_type",
    "licence_requirement", "licence_policy", "legal_effect", "searched",
)  # fmt: skip


def to_json(results: Iterable[ScreeningResult]) -> str:
    """The results as a JSON array."""
    return json.dumps([r.model_dump(mode="json") for r in results], indent=2, ensure_ascii=False)


def _rows(result: ScreeningResult) -> Iterable[dict[str, object]]:
    base: dict[str, object] = {
        "reference": result.query.reference or "",
        "query": result.query.name,
        "query_country": ";".join(result.countries),
        "outcome": result.outcome,
        "searched": f"{result.searched.source} {result.searched.version}",
    }
    if not result.hits:
        yield base
    for hit in result.hits:
        yield base | {
            "score": f"{hit.score:.4f}",
            "list_code": hit.list_code,
            "entry_id": hit.entry_id,
            "name": hit.name,
            "matched_name": hit.matched_name,
            "matched_on": hit.parts.matched_on,
            "name_similarity": f"{hit.parts.name_similarity:.4f}",
            "alias_similarity": f"{hit.parts.alias_similarity:.4f}",
            "country": hit.parts.country,
            "entity_type": hit.parts.entity_type,
            "licence_requirement": hit.licence_requirement or "",
            "licence_policy": hit.licence_policy or "",
            "legal_effect": hit.legal_effect,
        }


def to_csv(results: Iterable[ScreeningResult]) -> str:
    """The results as CSV: one row per hit, and one row for each query without a hit."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for result in results:
        writer.writerows(_rows(result))
    return buffer.getvalue()
