"""Scale-out throughput: order lines per second on 1, then 2 workers, local engine and Dask, in one run.

A generated order book of ``--rows`` lines (default 400,000) is written as Parquet with row groups
of ``--partition`` lines (default 50,000: 8 partitions) and decided by ``regime.scale`` with the
determination job (every member loaded, the bundled screening index), built once here:

- local engine (a process pool) with 1 worker, then 2 workers: the scaling ratio;
- Dask, a ``LocalCluster`` of 1 worker process (one thread), then 2: the overhead of the Dask path
  over the local path at one worker, and its own scaling ratio.

Each engine is started and given the job first (workers started, job unpickled, lists compiled:
reported apart) and warmed on a small book; then the whole book is decided ``--repeat`` times and
the best rate counts (the machine is shared). Every engine's decisions are checked equal to the
first engine's. Figures on a shared machine are noisy: compare
the ratios, which are measured minutes apart in the same process. Run:

    .venv/bin/python -m bench.scale_throughput [--rows 400000] [--partition 50000]
"""

from __future__ import annotations

import os

os.environ.setdefault("POLARS_MAX_THREADS", "1")

import argparse
import logging
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl
from distributed import Client, LocalCluster

from bench.orders import order_book
from regime.scale import gather, run_on
from regime.scale.cluster import DaskEngine
from regime.scale.determine_job import DetermineJob, build
from regime.scale.local import LocalEngine
from regime.scale.runner import Engine

KEY = ["line", "member"]


def timed(label: str, engine: Engine, job: DetermineJob, paths: tuple[Path, Path, Path], repeat: int) -> float:
    """Warm ``engine`` on the warm-up book, then decide the book ``repeat`` times; print and return the best rate."""
    warm, book, out = paths
    run_on(engine, job, warm, out / "warm", rows=1)
    reports = [run_on(engine, job, book, out / "run", rows=1) for _ in range(repeat)]  # a partition per row group
    best = max(reports, key=lambda r: r.rate)
    print(
        f"{label:<18} {best.rate:>9,.0f} rows/s  ({best.rows:,} rows, {best.partitions} partitions, best of "
        f"{', '.join(f'{r.seconds:.1f}' for r in reports)} s)",
        flush=True,
    )
    return best.rate


@contextmanager
def local(job: DetermineJob, workers: int) -> Iterator[Engine]:
    """The local engine with ``workers`` processes."""
    with LocalEngine(job, workers) as engine:
        yield engine


@contextmanager
def dask(job: DetermineJob, workers: int) -> Iterator[Engine]:
    """The Dask engine on a fresh ``LocalCluster`` of ``workers`` processes of one thread each."""
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            host="127.0.0.1",
            silence_logs=logging.CRITICAL,  # closing the cluster logs its workers' heartbeats failing
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
        DaskEngine(job, client=client) as engine,
    ):
        yield engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=400_000)
    parser.add_argument("--partition", type=int, default=50_000, help="rows per row group (= per partition)")
    parser.add_argument("--member", default="us")
    parser.add_argument("--repeat", type=int, default=2, help="timed runs per engine; the best counts")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="scale-bench-"))
    book, warm = folder / "book.parquet", folder / "warm" / "warm.parquet"
    warm.parent.mkdir()
    start = time.perf_counter()
    frame = order_book(args.rows).drop("line")
    frame.write_parquet(book, row_group_size=args.partition)
    frame.head(2000).write_parquet(warm, row_group_size=250)
    print(f"generated {args.rows:,} order lines in {time.perf_counter() - start:.1f} s -> {book}")
    start = time.perf_counter()
    job = build(args.member)
    print(f"job built once in {time.perf_counter() - start:.1f} s (members, screening index, catalogue)")
    print(f"machine: {os.cpu_count()} cores; Polars threads per worker: {os.environ['POLARS_MAX_THREADS']}\n")

    runs = {
        "local, 1 worker": (local, 1),
        "local, 2 workers": (local, 2),
        "dask, 1 worker": (dask, 1),
        "dask, 2 workers": (dask, 2),
    }
    rates: dict[str, float] = {}
    first: pl.DataFrame | None = None
    for n, (label, (engine, workers)) in enumerate(runs.items()):
        out = folder / f"out-{n}"
        began = time.perf_counter()
        with engine(job, workers) as opened:
            print(
                f"{label}: engine started, job shipped to {workers} worker(s) and warmed in {time.perf_counter() - began:.1f} s"
            )
            rates[label] = timed(label, opened, job, (warm, book, out), args.repeat)
        decided = gather(out / "run").drop("partition").sort(KEY)
        if first is None:
            first = decided
        elif not decided.equals(first):
            print(f"  !! {label}: decisions differ from the first run's")
    print()
    print(f"scaling, local engine, 2 workers / 1: {rates['local, 2 workers'] / rates['local, 1 worker']:.2f}x")
    print(f"scaling, dask, 2 workers / 1:         {rates['dask, 2 workers'] / rates['dask, 1 worker']:.2f}x")
    overhead = rates["local, 1 worker"] / rates["dask, 1 worker"]
    print(f"dask overhead at 1 worker (local rate / dask rate): {overhead:.2f}x ({(overhead - 1) * 100:+.0f}%)")


if __name__ == "__main__":
    main()
