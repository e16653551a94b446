"""The same order book on the local engine, on a Dask cluster and in one process: the same decisions.

The cluster is a ``LocalCluster`` of two worker processes started here (loopback only), so the job
really travels by pickle; one of its workers is killed in the middle of a run, and the run still
writes every row exactly once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
from tests.scale.conftest import BAD, PART, ROWS
from tests.scale.flaky import KillsItsWorker

from regime.determine.batch import decide_orders
from regime.determine.orders import read_orders
from regime.scale import gather, run, run_on
from regime.scale.cluster import DaskEngine
from regime.scale.determine_job import DetermineJob
from regime.scale.outputs import ERRORS

KEY = ["line", "member"]


@pytest.fixture(scope="module")
def local_run(book: Path, job: DetermineJob, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    report = run(job, book, out, engine="local", workers=2, rows=PART)
    assert (report.partitions, report.rows, report.errors) == (4, ROWS, len(BAD))
    return out


def test_local_and_dask_give_the_same_decision_for_every_line(
    book: Path, job: DetermineJob, local_run: Path, client: Any, tmp_path: Path
) -> None:
    with DaskEngine(job, client=client) as engine:
        report = run_on(engine, job, book, tmp_path, rows=PART)
    assert report.workers == 2 and report.partitions == 4
    local, dask = gather(local_run).sort(KEY), gather(tmp_path).sort(KEY)
    assert local.height == ROWS - len(BAD)
    assert dask.equals(local)
    whole = decide_orders(
        read_orders(book), job.members, default_member="us", all_members=False, index=job.index, catalogue=job.catalogue
    )
    assert local.drop("partition").equals(whole.decisions.sort(KEY))
    assert len(set(local.get_column("outcome"))) >= 4  # a real mix, not one answer everywhere


def test_a_bad_row_is_reported_with_its_partition_and_line_and_the_rest_is_decided(local_run: Path) -> None:
    errors = gather(local_run, ERRORS).sort("line")
    expected = [(row // PART, row + 1) for row in sorted(BAD)]
    assert list(zip(errors.get_column("partition"), errors.get_column("line"), strict=True)) == expected
    messages = errors.get_column("message").to_list()
    assert "date: expected YYYY-MM-DD" in messages[0]
    assert "item: not a catalogue id" in messages[1]
    assert "destination: not a known country" in messages[2]
    decided = gather(local_run).get_column("line")
    assert decided.n_unique() == ROWS - len(BAD)
    assert not set(decided) & {row + 1 for row in BAD}


def test_a_worker_killed_mid_run_loses_and_duplicates_no_row(
    book: Path, job: DetermineJob, client: Any, tmp_path: Path
) -> None:
    marker = tmp_path / "killed"
    flaky = KillsItsWorker(job, victim=2, marker=str(marker))
    with DaskEngine(flaky, client=client) as engine:
        report = run_on(engine, flaky, book, tmp_path / "out", rows=PART)
    assert marker.exists()  # a worker did die in partition 2
    decided = gather(tmp_path / "out")
    ids = decided.get_column("id")
    expected = pl.read_parquet(book).with_row_index("row").filter(~pl.col("row").is_in(list(BAD))).get_column("id")
    assert ids.len() == ids.n_unique() == expected.len()
    assert set(ids) == set(expected)
    assert report.decisions == decided.height and report.errors == len(BAD)
