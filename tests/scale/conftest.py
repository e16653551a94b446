"""An order book with a few bad lines in Parquet row groups, the determination job, and a Dask cluster.

The job uses the exact-name party index (quick to build and ship) so the engines' tests stay light;
which index the job carries does not change how the engines move it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from bench.orders import order_book
from distributed import Client, LocalCluster

from regime.determine.loader import SCREENING_FILE, exact_index
from regime.scale.determine_job import DetermineJob, build

ROWS = 2000
PART = 500  # rows per row group, and per partition
BAD = {137: ("date", "2024-13-01"), 1234: ("item", "no-such-item"), 1999: ("destination", "Atlantis")}


def book_frame() -> pl.DataFrame:
    """The generated order book with the bad values of ``BAD`` put in at their row positions."""
    frame = order_book(ROWS).drop("line")
    for row, (column, value) in BAD.items():
        frame = frame.with_columns(
            pl.when(pl.int_range(pl.len()) == row).then(pl.lit(value)).otherwise(pl.col(column)).alias(column)
        )
        if column == "item":
            frame = frame.with_columns(
                pl.when(pl.int_range(pl.len()) == row).then(None).otherwise(pl.col("eccn")).alias("eccn")
            )
    return frame


@pytest.fixture(scope="session")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scale") / "orders.parquet"
    book_frame().write_parquet(path, row_group_size=PART)
    return path


@pytest.fixture(scope="session")
def job() -> DetermineJob:
    return build("us", index=exact_index(SCREENING_FILE))


@pytest.fixture(scope="session")
def client() -> Iterator[Any]:
    """Two worker processes on loopback, one thread each: the job travels to them by pickle."""
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0", host="127.0.0.1"
        ) as cluster,
        Client(cluster) as found,
    ):
        yield found
