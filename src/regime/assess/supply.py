"""Share tables: who provides what share of each input, by year, with the source of each figure.

Two shapes are read. The bundled ETO/CSET folder (``providers.csv``, ``provision.csv`` and optional
``inputs.csv``), of which only country-level rows are kept; or one CSV of the same shape as
``provision.csv`` that a user brings, whose providers are countries (name or ISO code) or the
aggregates ``supply.yaml`` names. Bad rows are reported together, each by file and line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from regime.assess.codes import country_code
from regime.errors import InputError, UnknownCountryError

MAX_REPORTED = 12


@dataclass(frozen=True)
class ShareRow:
    """One provider's share (percent, ``None`` if not given) of one input in one year."""

    input_id: str
    provider: str
    share: float | None
    year: int
    source: str | None
    line: int


@dataclass(frozen=True)
class ShareTable:
    """Country-level share rows, input names, and where the table came from."""

    rows: tuple[ShareRow, ...]
    names: Mapping[str, str]
    origin: str
    by_input: dict[str, list[ShareRow]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        grouped: dict[str, list[ShareRow]] = {}
        for row in self.rows:
            grouped.setdefault(row.input_id, []).append(row)
        object.__setattr__(self, "by_input", grouped)

    def inputs(self) -> list[str]:
        """Input ids in the order they first appear."""
        return list(self.by_input)

    def name(self, input_id: str) -> str:
        """The input's name, or its id when the table gives none."""
        return self.names.get(input_id, input_id)

    def latest(self, input_id: str) -> tuple[int | None, list[ShareRow]]:
        """The latest year with a share for the input (else the latest year at all), and its rows."""
        rows = self.by_input.get(input_id, [])
        with_share = [r.year for r in rows if r.share is not None]
        if not rows:
            return None, []
        year = max(with_share) if with_share else max(r.year for r in rows)
        return year, [r for r in rows if r.year == year]


def _records(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", source=str(path)) from None
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            found = ", ".join(reader.fieldnames or []) or "nothing"
            raise InputError(f"missing column(s) {', '.join(missing)}; found {found}", source=str(path))
        for record in reader:
            yield reader.line_num, {k: (v or "").strip() for k, v in record.items() if k}


def _provider(name: str, aggregates: Mapping[str, object]) -> str:
    return name if name in aggregates else country_code(name)


def _share_row(record: dict[str, str], line: int, aggregates: Mapping[str, object]) -> ShareRow:
    """One validated row; raises ``ValueError`` with ``column: problem``."""
    input_id = record.get("provided_id") or record.get("provided_name") or ""
    if not input_id:
        raise ValueError("provided_id: empty (and no provided_name)")
    try:
        provider = _provider(record["provider_name"], aggregates)
    except UnknownCountryError as exc:
        raise ValueError(f"provider_name: {exc}") from None
    text = record["share_provided"]
    try:
        share = float(text) if text else None
    except ValueError:
        raise ValueError(f"share_provided: expected a percentage 0-100, got {text!r}") from None
    if share is not None and not 0 <= share <= 100:
        raise ValueError(f"share_provided: {share} is outside 0-100")
    try:
        year = int(record["year"])
    except ValueError:
        raise ValueError(f"year: expected a year, got {record['year']!r}") from None
    return ShareRow(input_id, provider, share, year, record.get("source") or None, line)


def _read_rows(
    path: Path, aggregates: Mapping[str, object], keep: Mapping[str, str] | None
) -> tuple[list[ShareRow], dict[str, str]]:
    """Validated rows and input names; ``keep`` maps the provider ids to keep to their names."""
    rows: list[ShareRow] = []
    names: dict[str, str] = {}
    problems: list[str] = []
    for line, record in _records(path, ("provider_name", "share_provided", "year")):
        if keep is not None:
            if record.get("provider_id") not in keep:
                continue
            record["provider_name"] = keep[record["provider_id"]]
        try:
            row = _share_row(record, line, aggregates)
        except ValueError as exc:
            problems.append(f"line {line}: {exc}")
            continue
        rows.append(row)
        if record.get("provided_name"):
            names.setdefault(row.input_id, record["provided_name"])
    if problems:
        shown = "; ".join(problems[:MAX_REPORTED])
        more = f" (and {len(problems) - MAX_REPORTED} more)" if len(problems) > MAX_REPORTED else ""
        raise InputError(f"{len(problems)} bad row(s): {shown}{more}", source=str(path))
    if not rows:
        raise InputError("no share rows found", source=str(path))
    return rows, names


def load_share_table(path: Path, aggregates: Mapping[str, object]) -> ShareTable:
    """Read the ETO/CSET folder (country rows only, named as in ``providers.csv``) or one share CSV."""
    if not path.is_dir():
        rows, names = _read_rows(path, aggregates, None)
        return ShareTable(tuple(rows), names, str(path))
    countries = {
        r["provider_id"]: r["provider_name"]
        for _, r in _records(path / "providers.csv", ("provider_id", "provider_name", "provider_type"))
        if r["provider_type"] == "country"
    }
    rows, names = _read_rows(path / "provision.csv", aggregates, countries)
    inputs = path / "inputs.csv"
    if inputs.exists():
        names.update({r["input_id"]: r["input_name"] for _, r in _records(inputs, ("input_id", "input_name"))})
    return ShareTable(tuple(rows), names, str(path))
