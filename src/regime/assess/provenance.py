"""Where a share table comes from and how to credit it, and the providers that stand for several countries.

Read from ``data/assessments/supply.yaml``. Every figure and table of supply shares carries the
caption built here: the dataset, its snapshot date, the licence (CC BY-NC 4.0 asks for attribution
wherever the figures are shown), and the years of the rows used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from regime.assess.codes import country_code
from regime.assess.files import ASSESSMENTS_DIR, expect_mapping, read_yaml, validate

SUPPLY_FILE = ASSESSMENTS_DIR / "supply.yaml"


class Dataset(BaseModel):
    """The bundled dataset's name, publisher, snapshot date, licence and attribution line."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    publisher: str
    snapshot: dt.date
    url: str
    licence: str
    attribution: str


class Aggregate(BaseModel):
    """A provider name that stands for several countries (``None``: which ones is not known)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    may_include: frozenset[str] | None
    note: str | None = None

    @field_validator("may_include", mode="before")
    @classmethod
    def _codes(cls, value: Any) -> Any:
        return None if value is None else frozenset(country_code(str(v)) for v in value)


@dataclass(frozen=True)
class SupplySettings:
    """The dataset's provenance and the aggregates of ``supply.yaml``."""

    dataset: Dataset
    aggregates: dict[str, Aggregate]


def load_supply_settings(path: Path = SUPPLY_FILE) -> SupplySettings:
    """Read ``supply.yaml``; errors name the file and the field."""
    data = expect_mapping(read_yaml(path), path, "dataset and aggregates")
    dataset = validate(Dataset, data.get("dataset"), path, ("dataset",))
    raw = data.get("aggregates") or {}
    aggregates = {str(k): validate(Aggregate, v, path, ("aggregates", str(k))) for k, v in raw.items()}
    return SupplySettings(dataset, aggregates)


def caption(dataset: Dataset, origin: str, years: Iterable[int], bundled: bool) -> str:
    """One line naming the data source, its date and licence, for tables and charts."""
    span = sorted(set(years))
    year_text = f"{span[0]}" if len(span) == 1 else f"{span[0]}-{span[-1]}" if span else "n/a"
    if bundled:
        return f"Source: {dataset.attribution.strip()}. Share years used: {year_text}."
    return (
        f"Source: user table {origin} (shares for {year_text}); provenance as stated in its source column. "
        f"Country-level rows only."
    )
