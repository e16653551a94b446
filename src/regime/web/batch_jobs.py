"""Batch screening in the background: a job per uploaded file, its progress, its results.

The page polls the job (htmx every half second; without JavaScript, a refresh every two seconds)
until it is done. Jobs live in memory, the newest ``KEEP`` of them; each has an unguessable id.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from fastapi import Request

from regime.errors import NotFoundError, RegimeError
from regime.screen.results import ScreeningResult

KEEP = 50
Work = Callable[[Callable[[], None]], Iterator[ScreeningResult]]


@dataclass
class Job:
    """One batch: how far it got, what it found, and any error that stopped it."""

    id: str
    name: str
    total: int
    done: int = 0
    results: list[ScreeningResult] = field(default_factory=list)
    error: str | None = None
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    @property
    def running(self) -> bool:
        """True until every row is screened or an error stopped the job."""
        return self.finished is None

    @property
    def hits(self) -> int:
        """How many rows had at least one hit."""
        return sum(1 for r in self.results if r.outcome == "hit")

    @property
    def seconds(self) -> float:
        """Time taken so far."""
        return (self.finished or time.monotonic()) - self.started


class Jobs:
    """The jobs of one service."""

    def __init__(self) -> None:
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def start(self, name: str, total: int, work: Work) -> Job:
        """Run ``work`` in a thread; it calls the tick it is given after each row."""
        job = Job(id=secrets.token_urlsafe(12), name=name, total=total)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP:
                self._jobs.popitem(last=False)

        def tick() -> None:
            job.done += 1

        def run() -> None:
            try:
                for result in work(tick):
                    job.results.append(result)
            except RegimeError as exc:
                job.error = str(exc)
            finally:
                job.finished = time.monotonic()

        threading.Thread(target=run, daemon=True, name=f"screen-{job.id}").start()
        return job

    def get(self, job_id: str) -> Job:
        """A job by id (``NotFoundError`` when unknown or forgotten)."""
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFoundError(f"no screening batch {job_id!r} (batches are kept while the service runs)")
        return job


def jobs(request: Request) -> Jobs:
    """The app's batch jobs."""
    found = getattr(request.app.state, "web_jobs", None)
    if found is None:
        found = request.app.state.web_jobs = Jobs()
    assert isinstance(found, Jobs)
    return found
