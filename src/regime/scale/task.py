"""One partition, start to end, on whichever worker runs it: read, decide, write, summarise.

``run_partition`` is the only task either engine schedules. It reads its piece of the input
(``partitions.read``), calls the job (pure), writes the decisions and the error records as
partition files (``outputs.write``, atomic, so a retried partition replaces its files) and
returns a small ``Summary``: the rows travel from storage to storage, never through the driver.
"""

from __future__ import annotations

import os
import socket
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from regime.scale.job import ErrorRecord, Job
from regime.scale.outputs import DECISIONS, ERRORS, Format, write
from regime.scale.partitions import Partition, read

SHOWN_ERRORS = 20  # error records a summary carries back; all are in the errors partition file


@dataclass(frozen=True)
class Summary:
    """What became of one partition."""

    partition: int
    rows: int
    decisions: int
    errors: int
    worker: str = ""  # host:pid of the process that ran it
    first_errors: tuple[ErrorRecord, ...] = ()
    outcomes: dict[str, int] = field(default_factory=dict)


def run_partition(partition: Partition, job: Job, out: str, fmt: Format) -> Summary:
    """Decide ``partition`` with ``job`` and write its decisions and errors under ``out``."""
    rows = read(partition)
    answer = job(rows, partition.number)
    write(answer.decisions, Path(out), DECISIONS, partition.number, fmt)
    write(answer.error_frame(), Path(out), ERRORS, partition.number, fmt)
    outcomes: Counter[str] = Counter()
    if "outcome" in answer.decisions.columns:
        outcomes.update(str(v) for v in answer.decisions.get_column("outcome").to_list())
    return Summary(
        partition=partition.number,
        rows=rows.height,
        decisions=answer.decisions.height,
        errors=len(answer.errors),
        worker=f"{socket.gethostname()}:{os.getpid()}",
        first_errors=answer.errors[:SHOWN_ERRORS],
        outcomes=dict(outcomes),
    )
