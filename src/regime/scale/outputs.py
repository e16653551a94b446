"""Output partitions: one file per input partition, written whole or not at all.

A worker writes ``<out>/<kind>/part-00003.parquet`` (or ``.csv``) through a temporary file in the
same folder and an atomic rename, so a partition run twice (Dask retrying it after a worker died)
replaces its file rather than adding rows, and a reader never sees half a partition. ``gather``
reads every partition of a kind back, for tests, reports and small runs.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Literal

import polars as pl

Format = Literal["parquet", "csv"]
DECISIONS = "decisions"
ERRORS = "errors"


def partition_file(out: Path, kind: str, number: int, fmt: Format) -> Path:
    """Where partition ``number`` of ``kind`` (decisions, errors) is written."""
    return out / kind / f"part-{number:05d}.{fmt}"


def write(frame: pl.DataFrame, out: Path, kind: str, number: int, fmt: Format) -> Path:
    """Write ``frame`` as partition ``number`` of ``kind``, atomically."""
    target = partition_file(out, kind, number, fmt)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        if fmt == "csv":
            frame.write_csv(scratch)
        else:
            frame.write_parquet(scratch)
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
    return target


def gather(out: Path, kind: str = DECISIONS) -> pl.DataFrame:
    """Every written partition of ``kind`` in partition order (an empty frame when there is none)."""
    found = sorted((out / kind).glob("part-*.*"))
    frames = [pl.read_csv(p, infer_schema=False) if p.suffix == ".csv" else pl.read_parquet(p) for p in found]
    return pl.concat(frames, how="diagonal_relaxed") if frames else pl.DataFrame()


def format_for(source: Path) -> Format:
    """Outputs follow the input: CSV partitions for a CSV input, Parquet otherwise."""
    return "csv" if source.suffix == ".csv" else "parquet"
