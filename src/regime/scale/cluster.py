"""The Dask engine: the same partitions on a distributed cluster (``--scheduler tcp://host:port``).

The job is scattered to every worker once (``broadcast=True``; ``hash=False`` spares tokenising a
large index) and each task receives that one copy; a worker that joins later fetches it from a
peer. Each worker present at the start warms its copy before any partition runs (``Job.warm``:
the compiled lists); one that joins later builds them on its first partition, through the same
cache. Each partition is one task of ``run_partition`` writing its own output files, so the workers
must see the input and output paths (shared storage). A worker that dies mid-task has its tasks
rescheduled by the scheduler; a task that raises is retried ``retries`` times. Either way the
partition's files are replaced whole, so no row is lost or written twice.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Any

from distributed import Client, as_completed

from regime.scale.job import Job
from regime.scale.outputs import Format
from regime.scale.partitions import Partition
from regime.scale.task import Summary, run_partition

RETRIES = 2


def _warm(job: Job) -> None:
    job.warm()


class DaskEngine:
    """A Dask client holding one scattered job; ``map`` runs partitions on the cluster."""

    label = "dask"

    def __init__(self, job: Job, scheduler: str | None = None, *, client: Any = None, retries: int = RETRIES) -> None:
        self._own = client is None
        self.client: Any = client if client is not None else Client(scheduler)  # type: ignore[no-untyped-call]
        self.retries = retries
        self.job = self.client.scatter(job, broadcast=True, hash=False)
        self.client.gather(
            [
                self.client.submit(_warm, self.job, workers=[w], pure=False)
                for w in self.client.scheduler_info()["workers"]
            ]
        )

    @property
    def workers(self) -> int:
        """How many workers the cluster has now."""
        return len(self.client.scheduler_info(n_workers=-1)["workers"])

    def map(self, partitions: Sequence[Partition], out: str, fmt: Format) -> Iterator[Summary]:
        """Run every partition as one task; yield each summary as its task finishes."""
        futures = self.client.map(
            run_partition,
            list(partitions),
            job=self.job,
            out=out,
            fmt=fmt,
            retries=self.retries,
            pure=False,
        )
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            summary: Summary = future.result()
            yield summary

    def close(self) -> None:
        """Release the scattered job, and the client when this engine opened it."""
        self.job.release()
        if self._own:
            self.client.close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
