"""A job that kills its worker process the first time it meets one partition (the failure tests' fault).

Importable by Dask's worker processes as ``tests.scale.flaky``: the job is shipped to them by pickle.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from regime.scale.job import Answer, Job


@dataclass(frozen=True, eq=False)
class KillsItsWorker:
    """``inner``, except that the first run of partition ``victim`` ends its process mid-task."""

    inner: Job
    victim: int
    marker: str  # a file created just before the kill: the second run goes through

    @property
    def name(self) -> str:
        return self.inner.name

    def columns(self) -> tuple[str, ...]:
        return self.inner.columns()

    def warm(self) -> None:
        self.inner.warm()

    def __call__(self, rows: pl.DataFrame, partition: int) -> Answer:
        answer = self.inner(rows, partition)
        if partition == self.victim and not Path(self.marker).exists():
            Path(self.marker).write_text(str(os.getpid()), encoding="utf-8")
            os._exit(13)  # the worker dies with the partition decided but not written
        return answer
