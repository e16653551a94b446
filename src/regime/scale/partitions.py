"""Input partitions: a Parquet or CSV file (or a folder of them) cut into pieces read one at a time.

``plan`` reads only metadata (Parquet footers; for CSV one streaming pass counting lines) and
returns small ``Partition`` descriptors that travel to workers; ``read`` loads one piece there,
every column as text with its ``line`` number, as ``determine.orders.read_orders`` numbers them:
a Parquet file's first row is line 1, a CSV file's header is line 1. Nothing reads a whole file,
so an input larger than memory streams through, one partition per worker at a time.

A Parquet partition is a run of consecutive row groups of about ``rows`` rows (a row group is never
split); a CSV partition is ``rows`` physical lines (a quoted field holding a line break would shift
the line numbers after it: use Parquet for such data).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from regime.errors import InputError

ROWS = 100_000  # rows per partition, about
SUFFIXES = (".parquet", ".csv")


@dataclass(frozen=True, slots=True)
class Partition:
    """One piece of the input: which file, which rows, and the line number of its first row."""

    number: int
    path: str
    row_groups: tuple[int, ...]  # Parquet: the row groups read; CSV: empty
    offset: int  # rows of the file before this piece
    rows: int
    first_line: int

    @property
    def label(self) -> str:
        """``partition 3 (orders.parquet, lines 200001-300000)``."""
        last = self.first_line + self.rows - 1
        return f"partition {self.number} ({Path(self.path).name}, lines {self.first_line}-{last})"


def files(source: Path) -> list[Path]:
    """The input files: ``source`` itself, or the Parquet and CSV files of a folder in name order."""
    if source.is_dir():
        found = sorted(p for p in source.iterdir() if p.suffix in SUFFIXES)
        if not found:
            raise InputError("no .parquet or .csv files in the folder", source=str(source))
        return found
    if source.suffix not in SUFFIXES:
        raise InputError("expected a .parquet or .csv file, or a folder of them", source=str(source))
    if not source.is_file():
        raise InputError("no such file", source=str(source))
    return [source]


def plan(source: Path, rows: int = ROWS) -> list[Partition]:
    """The partitions of ``source``, numbered from 0 across its files."""
    found: list[Partition] = []
    for path in files(source):
        pieces = _parquet(path, rows) if path.suffix == ".parquet" else _csv(path, rows)
        for groups, offset, count, first in pieces:
            found.append(Partition(len(found), str(path), groups, offset, count, first))
    return found


def _parquet(path: Path, rows: int) -> Iterator[tuple[tuple[int, ...], int, int, int]]:
    try:
        meta = pq.ParquetFile(path).metadata
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the Parquet footer: {exc}", source=str(path)) from None
    groups: list[int] = []
    offset = size = 0
    for group in range(meta.num_row_groups):
        groups.append(group)
        size += meta.row_group(group).num_rows
        if size >= rows or group == meta.num_row_groups - 1:
            yield tuple(groups), offset, size, offset + 1
            offset, groups, size = offset + size, [], 0


def _csv(path: Path, rows: int) -> Iterator[tuple[tuple[int, ...], int, int, int]]:
    try:
        with path.open("rb") as handle:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 24), b""))
            handle.seek(max(0, handle.tell() - 1))
            lines += handle.read(1) not in (b"\n", b"")
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", source=str(path)) from None
    total = max(0, lines - 1)  # the header
    for offset in range(0, total, rows):
        count = min(rows, total - offset)
        yield (), offset, count, offset + 2


def read(partition: Partition) -> pl.DataFrame:
    """The rows of ``partition``: every column as text, and ``line``."""
    path = Path(partition.path)
    try:
        if path.suffix == ".parquet":
            frame = pl.from_arrow(pq.ParquetFile(path).read_row_groups(list(partition.row_groups)))
            assert isinstance(frame, pl.DataFrame)
            frame = frame.with_columns(pl.all().cast(pl.String))
        else:
            frame = pl.read_csv(
                path, infer_schema=False, skip_rows_after_header=partition.offset, n_rows=partition.rows
            )
    except (OSError, pl.exceptions.PolarsError) as exc:
        raise InputError(f"cannot read {partition.label}: {exc}", source=str(path)) from None
    return frame.with_row_index("line", offset=partition.first_line).with_columns(pl.col("line").cast(pl.Int64))


def header(path: Path) -> list[str]:
    """The column names of one input file, read from its footer or its first line."""
    try:
        if path.suffix == ".parquet":
            return list(pq.read_schema(path).names)
        return list(pl.read_csv(path, n_rows=0, infer_schema=False).columns)
    except (OSError, ValueError, pl.exceptions.PolarsError) as exc:
        raise InputError(f"cannot read the header: {exc}", source=str(path)) from None
