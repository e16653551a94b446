"""The local engine: every core of this machine, one worker process each, over the same partitions.

The job (engine data and partition function) is built once by the driver and pickled once; each
worker process unpickles it once, in the pool's initializer (and warms it: ``Job.warm``), and keeps it for every partition it
runs (``_JOB`` is that per-process slot). Workers start with ``spawn``, so they share no threads
or locks with the driver, and with one Polars thread each (``POLARS_MAX_THREADS``), as the cores
are already shared out between the processes.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from types import TracebackType

from regime.scale.job import Job
from regime.scale.outputs import Format
from regime.scale.partitions import Partition
from regime.scale.task import Summary, run_partition

_JOB: Job | None = None


def _install(payload: bytes) -> None:
    global _JOB
    _JOB = pickle.loads(payload)
    _JOB.warm()


def _run(partition: Partition, out: str, fmt: Format) -> Summary:
    if _JOB is None:
        raise RuntimeError("the worker has no job: the pool's initializer did not run")
    return run_partition(partition, _JOB, out, fmt)


class LocalEngine:
    """A pool of worker processes holding one job; ``map`` runs partitions on it, results as they finish."""

    label = "local"

    def __init__(self, job: Job, workers: int | None = None) -> None:
        self._workers = workers or os.cpu_count() or 1
        os.environ.setdefault("POLARS_MAX_THREADS", "1")  # read by each worker when it imports Polars
        self._pool = ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_install,
            initargs=(pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL),),
        )

    @property
    def workers(self) -> int:
        """How many worker processes the pool runs."""
        return self._workers

    def map(self, partitions: Sequence[Partition], out: str, fmt: Format) -> Iterator[Summary]:
        """Run every partition; yield each summary as its partition finishes."""
        futures = [self._pool.submit(_run, p, out, fmt) for p in partitions]
        for future in as_completed(futures):
            yield future.result()

    def close(self) -> None:
        """Stop the worker processes."""
        self._pool.shutdown(cancel_futures=True)

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
