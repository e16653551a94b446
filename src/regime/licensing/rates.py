"""Exchange rates the user provides (CSV or YAML), for drawing on a licence in another currency.

A rate says how many units of ``to`` one unit of ``from`` buys, from a date on (``date`` may be
left out: the rate then applies on any date). Converting on a day uses the latest rate dated on
or before it, in the direction asked or, failing that, the inverse of the opposite one. A missing
rate is never guessed: ``MissingRateError`` names the pair, the date and the table.

CSV: ``from,to,rate[,date]`` with a header row. YAML: a list of ``{from, to, rate, date}``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from regime.errors import InputError
from regime.licensing.money import Currency, decimal


class MissingRateError(InputError):
    """No rate in the table converts one currency to another on the day asked."""


class Rate(BaseModel):
    """One rate: ``1 from = rate to``, in force from ``date`` (or always)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    source: Currency = Field(alias="from")
    target: Currency = Field(alias="to")
    rate: Decimal = Field(gt=0)
    date: dt.date | None = None


class RateTable:
    """Rates by currency pair, each pair's rates ordered by date."""

    def __init__(self, rates: Iterable[Rate] = (), source: str = "the rate table") -> None:
        self.source = source
        self._pairs: dict[tuple[str, str], list[Rate]] = {}
        for rate in rates:
            self._pairs.setdefault((rate.source, rate.target), []).append(rate)
        for found in self._pairs.values():
            found.sort(key=lambda r: r.date or dt.date.min)

    def rate(self, source: str, target: str, on: dt.date) -> Decimal:
        """How many ``target`` one ``source`` buys on ``on``; ``MissingRateError`` when the table has none."""
        if source == target:
            return Decimal(1)
        direct = self._latest(source, target, on)
        if direct is not None:
            return direct.rate
        inverse = self._latest(target, source, on)
        if inverse is not None:
            return Decimal(1) / inverse.rate
        pairs = ", ".join(f"{a}->{b}" for a, b in sorted(self._pairs)) or "none"
        raise MissingRateError(f"no rate from {source} to {target} on {on} (rates for: {pairs})", source=self.source)

    def convert(self, amount: Decimal, source: str, target: str, on: dt.date) -> tuple[Decimal, Decimal]:
        """``amount`` of ``source`` in ``target`` on ``on``, with the rate used (not rounded)."""
        rate = self.rate(source, target, on)
        return amount * rate, rate

    def _latest(self, source: str, target: str, on: dt.date) -> Rate | None:
        dated = [r for r in self._pairs.get((source, target), []) if r.date is None or r.date <= on]
        return dated[-1] if dated else None


def rates_from(rows: Iterable[Any], source: str) -> RateTable:
    """A table from parsed rows (dicts); a bad row is an error naming the row and the field."""
    rates = []
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise InputError("expected a mapping with from, to, rate and date", source=source, where=f"row {number}")
        cleaned = {k: v for k, v in row.items() if v not in (None, "")}
        try:
            if "rate" in cleaned:
                cleaned["rate"] = decimal(cleaned["rate"], f"row {number}: rate")
        except InputError as error:
            raise InputError(str(error), source=source) from None
        try:
            rates.append(Rate.model_validate(cleaned))
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            message = str(first["msg"]).removeprefix("Value error, ")
            raise InputError(message, source=source, where=f"row {number}: {field}") from None
    return RateTable(rates, source)


def load_rates(path: Path) -> RateTable:
    """Read a CSV (``.csv``) or YAML (``.yaml``, ``.yml``, ``.json``) rate table."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read the rate table: {error.strerror}", source=str(path)) from None
    if path.suffix.lower() == ".csv":
        return rates_from(csv.DictReader(io.StringIO(text)), str(path))
    try:
        rows = yaml.safe_load(text) or []
    except yaml.YAMLError as error:
        raise InputError(f"not YAML: {error}", source=str(path)) from None
    if not isinstance(rows, list):
        raise InputError("expected a list of rates (from, to, rate, date)", source=str(path))
    return rates_from(rows, str(path))
