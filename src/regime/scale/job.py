"""What a partition function is: rows in, decisions and error records out, nothing else.

A ``Job`` holds the engine data it needs (lists, members, index) and is shipped to each worker
once; calling it on one partition's rows is pure. A row it cannot decide becomes an
``ErrorRecord`` naming its partition and line, and the other rows go on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

import polars as pl

ERROR_SCHEMA = {"partition": pl.Int64, "line": pl.Int64, "message": pl.String}


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """A row left out: which partition, which line of the input, and why."""

    partition: int
    line: int
    message: str

    def __str__(self) -> str:
        return f"partition {self.partition}, line {self.line}: {self.message}"


@dataclass(frozen=True)
class Answer:
    """What a job gives for one partition: one frame of decisions, and the rows it left out."""

    decisions: pl.DataFrame
    errors: tuple[ErrorRecord, ...]

    def error_frame(self) -> pl.DataFrame:
        """The error records as a frame (partition, line, message)."""
        return error_frame(self.errors)


def error_frame(errors: Iterable[ErrorRecord]) -> pl.DataFrame:
    """Error records as a frame (partition, line, message), in line order."""
    rows = [(e.partition, e.line, e.message) for e in sorted(errors, key=lambda e: e.line)]
    return pl.DataFrame(rows, schema=ERROR_SCHEMA, orient="row")


class Job(Protocol):
    """A partition function with its engine data: picklable, shipped once per worker."""

    @property
    def name(self) -> str:
        """What the job decides (determine, screen): shown in progress and reports."""
        ...

    def columns(self) -> tuple[str, ...]:
        """The input columns it knows (others are an error, named before the run starts)."""
        ...

    def warm(self) -> None:
        """Build, once per worker and before its first partition, what does not travel (compiled lists)."""
        ...

    def __call__(self, rows: pl.DataFrame, partition: int) -> Answer:
        """Decide the rows of one partition (``rows`` has every column as text, and ``line``)."""
        ...
