"""Inputs are cut into partitions without reading them whole, and each row keeps its line number."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from tests.scale.conftest import PART, ROWS

from regime.errors import InputError
from regime.scale.determine_job import DetermineJob
from regime.scale.partitions import plan, read
from regime.scale.runner import check_columns


def test_parquet_partitions_follow_row_groups_and_number_lines_from_one(book: Path) -> None:
    parts = plan(book, PART)
    assert [p.row_groups for p in parts] == [(0,), (1,), (2,), (3,)]
    assert [p.first_line for p in parts] == [1, 501, 1001, 1501]
    third = read(parts[2])
    assert third.height == PART
    assert third.get_column("line").to_list() == list(range(1001, 1501))
    assert third.get_column("id").to_list() == [f"o{n}" for n in range(1000, 1500)]
    assert third.schema["value_usd"] == pl.String


def test_small_row_groups_are_joined_up_to_the_partition_size(book: Path) -> None:
    parts = plan(book, 900)
    assert [p.row_groups for p in parts] == [(0, 1), (2, 3)]
    assert sum(read(p).height for p in parts) == ROWS


def test_csv_partitions_count_the_header_as_line_one(tmp_path: Path, book: Path) -> None:
    path = tmp_path / "orders.csv"
    pl.read_parquet(book).head(1050).write_csv(path)
    parts = plan(path, 500)
    assert [(p.offset, p.rows, p.first_line) for p in parts] == [(0, 500, 2), (500, 500, 502), (1000, 50, 1002)]
    last = read(parts[2])
    assert last.get_column("line").to_list()[0] == 1002
    assert last.get_column("id").to_list() == [f"o{n}" for n in range(1000, 1050)]


def test_a_folder_is_every_file_in_it_numbered_across(tmp_path: Path, book: Path) -> None:
    frame = pl.read_parquet(book)
    frame.head(700).write_parquet(tmp_path / "a.parquet", row_group_size=PART)
    frame.tail(300).write_csv(tmp_path / "b.csv")
    parts = plan(tmp_path, PART)
    assert [(Path(p.path).name, p.number, p.rows) for p in parts] == [
        ("a.parquet", 0, 500),
        ("a.parquet", 1, 200),
        ("b.csv", 2, 300),
    ]


def test_unknown_columns_are_refused_before_the_run_naming_the_file(tmp_path: Path, job: DetermineJob) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("id,date,colour\no1,2024-01-01,red\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"odd\.csv.*unknown columns \['colour'\]"):
        check_columns(job, path)
