"""Run a job over a partitioned input on the local engine or a Dask cluster, and report.

    report = run(job, Path("orders.parquet"), Path("out/"), engine="dask", scheduler="tcp://host:8786")

The input's columns are checked against the job's before anything starts; the output folder gets
``decisions/part-NNNNN.<fmt>`` and ``errors/part-NNNNN.<fmt>``, one of each per input partition
(earlier partition files there are removed first, so the folder holds this run only).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from regime.errors import InputError
from regime.scale.job import ErrorRecord, Job
from regime.scale.outputs import DECISIONS, ERRORS, Format, format_for
from regime.scale.partitions import ROWS, Partition, files, header, plan
from regime.scale.task import Summary

EngineName = Literal["local", "dask"]
ENGINES: tuple[EngineName, ...] = ("local", "dask")
Progress = Callable[[int, int], None]  # (partitions done, partitions)


class Engine(Protocol):
    """What the runner asks of an engine (``LocalEngine``, ``DaskEngine``)."""

    label: str

    @property
    def workers(self) -> int: ...

    def map(self, partitions: Sequence[Partition], out: str, fmt: Format) -> Iterator[Summary]: ...

    def close(self) -> None: ...


@dataclass
class RunReport:
    """What a run did: partitions, rows, decisions, error records, outcomes, time."""

    out: Path
    engine: str
    workers: int
    partitions: int = 0
    rows: int = 0
    decisions: int = 0
    errors: int = 0
    first_errors: list[ErrorRecord] = field(default_factory=list)
    outcomes: Counter[str] = field(default_factory=Counter)
    per_worker: Counter[str] = field(default_factory=Counter)  # partitions each worker process ran
    seconds: float = 0.0

    def add(self, summary: Summary) -> None:
        """Count one partition's summary in."""
        self.partitions += 1
        self.rows += summary.rows
        self.decisions += summary.decisions
        self.errors += summary.errors
        self.first_errors.extend(summary.first_errors)
        self.outcomes.update(summary.outcomes)
        self.per_worker[summary.worker] += 1

    @property
    def rate(self) -> float:
        """Input rows per second."""
        return self.rows / self.seconds if self.seconds else 0.0


def engine_name(text: str | None, scheduler: str | None = None) -> EngineName:
    """The engine a command line names (default ``local``), checked with its scheduler; else an error saying why."""
    name = text or "local"
    if name not in ENGINES:
        raise InputError(f"--engine {text!r}; expected one of {', '.join(ENGINES)}")
    if name == "local" and scheduler:
        raise InputError("--scheduler is for --engine dask; the local engine uses this machine's cores")
    if name == "dask" and not scheduler:
        raise InputError("--engine dask needs --scheduler tcp://host:port (a running Dask scheduler)")
    return "dask" if name == "dask" else "local"


def check_columns(job: Job, source: Path) -> None:
    """Refuse an input with columns the job does not know, naming the file and the known columns."""
    known = set(job.columns())
    for path in files(source):
        unknown = sorted(set(header(path)) - known)
        if unknown:
            raise InputError(
                f"unknown columns {unknown}; expected some of {', '.join(job.columns())}", source=str(path)
            )


def open_engine(job: Job, engine: EngineName, scheduler: str | None = None, workers: int | None = None) -> Engine:
    """Start the engine and ship it the job (once per worker)."""
    if engine_name(engine, scheduler) == "local":
        from regime.scale.local import LocalEngine

        return LocalEngine(job, workers)
    from regime.scale.cluster import DaskEngine

    return DaskEngine(job, scheduler)


def clear(out: Path) -> None:
    """Remove the partition files an earlier run left in ``out``."""
    for kind in (DECISIONS, ERRORS):
        for old in (out / kind).glob("part-*.*"):
            old.unlink()


def run_on(
    engine: Engine, job: Job, source: Path, out: Path, *, rows: int = ROWS, progress: Progress | None = None
) -> RunReport:
    """Run ``job`` over ``source`` on an open engine, writing under ``out``."""
    start = time.perf_counter()
    check_columns(job, source)
    partitions = plan(source, rows)
    out.mkdir(parents=True, exist_ok=True)
    clear(out)
    report = RunReport(out, engine.label, engine.workers)
    for summary in engine.map(partitions, str(out), format_for(source)):
        report.add(summary)
        if progress is not None:
            progress(report.partitions, len(partitions))
    report.first_errors.sort(key=lambda e: (e.partition, e.line))
    report.seconds = time.perf_counter() - start
    return report


def run(
    job: Job,
    source: Path,
    out: Path,
    *,
    engine: EngineName = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    rows: int = ROWS,
    progress: Progress | None = None,
) -> RunReport:
    """Open the engine, run ``job`` over ``source`` into ``out``, close the engine."""
    check_columns(job, source)
    opened = open_engine(job, engine, scheduler, workers)
    try:
        return run_on(opened, job, source, out, rows=rows, progress=progress)
    finally:
        opened.close()
