"""Scale-out throughput: order lines per second on 1, then 2 workers, local engine and Dask, in one run.

A generated order book of ``--rows`` lines (default 400,000) is written as Parquet with row groups
of ``--partition`` lines (default 50,000: 8 partitions) and decided by ``regime.scale`` with the
determination job (every member loaded, the bundled screening index), built once here:

- local engine (a process pool) with 1 worker, then 2 workers: the scaling ratio;
- Dask, a ``LocalCluster`` of 1 worker process (one thread), then 2: the overhead of the Dask path
  over the local path at one worker, and its own scaling ratio.

The four engines are started first, each given the job (workers started, job unpickled, lists
compiled: reported apart) and warmed on a small book. Then the whole book goes through them in
``--rounds`` rounds, one engine after the other (each round starting one engine further on), and
each engine's best round counts:
the machine is shared, and interleaving spreads the other users' load over every engine alike
(idle engines take no CPU). Every engine's decisions are checked equal to the first engine's. An
in-process baseline (one partition, no engine) gives the cost per distinct decision. Run:

    .venv/bin/python -m bench.scale_throughput [--rows 400000] [--partition 50000] [--rounds 3]
"""

from __future__ import annotations

import os

os.environ.setdefault("POLARS_MAX_THREADS", "1")

import argparse
import logging
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import polars as pl
from distributed import Client, LocalCluster

from bench.orders import order_book
from regime.determine.batch import decide_orders
from regime.determine.orders import COLUMNS
from regime.scale import gather, plan, read, run_on
from regime.scale.cluster import DaskEngine
from regime.scale.determine_job import DetermineJob, build
from regime.scale.local import LocalEngine
from regime.scale.runner import Engine

KEY = ["line", "member"]


def started(label: str, engine: Engine, job: DetermineJob, warm: Path, out: Path, began: float) -> Engine:
    """``engine`` warmed on the small book; prints how long start, shipping and warming took."""
    run_on(engine, job, warm, out / "warm", rows=1)
    print(f"{label:<17} workers started, job shipped and warmed in {time.perf_counter() - began:.1f} s", flush=True)
    return engine


def in_process(job: DetermineJob, book: Path) -> None:
    """The first partition decided here, without an engine: rows/s and distinct decisions/s on one core."""
    rows = read(plan(book, 1)[0])
    rows = rows.with_columns([pl.lit(None, pl.String).alias(c) for c in COLUMNS if c not in rows.columns])
    start = time.perf_counter()
    result = decide_orders(
        rows,
        job.members,
        default_member=job.default_member,
        all_members=False,
        index=job.index,
        catalogue=job.catalogue,
    )
    seconds = time.perf_counter() - start
    print(
        f"in process, 1 partition: {rows.height / seconds:,.0f} rows/s; {result.distinct:,} distinct decisions "
        f"({result.distinct / rows.height:.1%} of the lines) = {result.distinct / seconds:,.0f} distinct decisions/s"
    )


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
            dashboard_address="127.0.0.1:0",
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
    parser.add_argument("--rounds", type=int, default=3, help="timed runs per engine, interleaved; the best counts")
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

    in_process(job, book)
    kinds = {"local": local, "dask": dask}
    labels = {f"{kind}, {n} worker{'s' * (n > 1)}": (kind, n) for kind in kinds for n in (1, 2)}
    with ExitStack() as stack:
        engines: dict[str, Engine] = {}
        for label, (kind, workers) in labels.items():
            began = time.perf_counter()
            engine = stack.enter_context(kinds[kind](job, workers))
            engines[label] = started(label, engine, job, warm, folder / label, began)
        seconds: dict[str, list[float]] = {label: [] for label in labels}
        spread: dict[str, list[int]] = {}
        order = list(engines)
        for n in range(args.rounds):
            for label in order[n % len(order) :] + order[: n % len(order)]:  # each round starts one further on
                report = run_on(engines[label], job, book, folder / label / "run", rows=1)  # a partition per row group
                seconds[label].append(report.seconds)
                spread[label] = sorted(report.per_worker.values())
    rates = {label: args.rows / min(times) for label, times in seconds.items()}
    print()
    first = gather(folder / next(iter(labels)) / "run").drop("partition").sort(KEY)
    for label, rate in rates.items():
        same = gather(folder / label / "run").drop("partition").sort(KEY).equals(first)
        rounds = ", ".join(f"{t:.1f}" for t in seconds[label])
        print(
            f"{label:<17} {rate:>9,.0f} rows/s (best of {rounds} s; partitions per worker {spread[label]}; "
            f"decisions {'the same' if same else 'DIFFER'})"
        )
    print()
    print(f"scaling, local engine, 2 workers / 1: {rates['local, 2 workers'] / rates['local, 1 worker']:.2f}x")
    print(f"scaling, dask, 2 workers / 1:         {rates['dask, 2 workers'] / rates['dask, 1 worker']:.2f}x")
    overhead = rates["local, 1 worker"] / rates["dask, 1 worker"]
    print(f"dask overhead at 1 worker (local rate / dask rate): {overhead:.2f}x ({(overhead - 1) * 100:+.0f}%)")


if __name__ == "__main__":
    main()
