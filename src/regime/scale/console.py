"""The scaled batch as the CLI shows it: a progress bar over partitions, then the run's report.

Shared by ``regime determine --batch`` and ``regime screen --batch``/``--rescreen`` when they run
on an engine (``--engine local|dask``), so each command's edit stays a call: no rules here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from regime.scale.job import Job
from regime.scale.outputs import DECISIONS, ERRORS
from regime.scale.runner import RunReport, engine_name, run

SHOWN = 50


def run_with_progress(
    make: Callable[[], Job], source: Path, out: Path, engine: str | None, scheduler: str | None, workers: int | None
) -> RunReport:
    """Check the options, build the job (``make``), run it on ``engine`` (default local) with a progress bar on
    stderr, then print the report there."""
    chosen = engine_name(engine, scheduler)  # bad options are refused before the job is built
    job = make()
    console = Console(stderr=True)
    with Progress(
        TextColumn(f"{job.name} on {engine or 'local'}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    ) as bar:
        task = bar.add_task("partitions", total=None)
        report = run(
            job,
            source,
            out,
            engine=chosen,
            scheduler=scheduler,
            workers=workers,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    show(report, console)
    return report


def show(report: RunReport, console: Console) -> None:
    """The counts, the outcomes, where the files are, and the first error records."""
    console.print(
        f"{report.rows:,} rows in {report.partitions:,} partitions on {report.engine} ({report.workers} workers): "
        f"{report.decisions:,} decisions, {report.errors:,} rows left out, {report.seconds:.1f} s "
        f"({report.rate:,.0f} rows/s); written to {report.out / DECISIONS} and {report.out / ERRORS}"
    )
    for outcome, count in sorted(report.outcomes.items()):
        console.print(f"  {outcome}: {count:,}")
    for error in report.first_errors[:SHOWN]:
        console.print(Text(f"partition {error.partition}, line {error.line}: ", style="red") + Text(error.message))
    if report.errors > SHOWN:
        console.print(f"... and {report.errors - SHOWN:,} more, in {report.out / ERRORS}")
