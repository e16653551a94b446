"""The batch path decides like one ``determine`` call per line, and names the lines it cannot read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

from regime.determine.batch import decide_orders
from regime.determine.engine import determine
from regime.determine.orders import COLUMNS, read_orders
from regime.determine.transaction import Transaction
from regime.errors import InputError

BOOK = pl.DataFrame(
    {
        "id": ["a", "b", "c", "d", "e", "f"],
        "date": ["2024-02-01", "2024-02-02", "2022-06-01", "2025-02-01", "2024-02-01", "2024-02-01"],
        "eccn": ["9A515.x", "9A515.x", "EAR99", "3A090.a", "5A002.a.1", "3B001.b"],
        "destination": ["BR", "BR", "CN", "AE", "CN", "AE"],
        "end_user": [
            "Satelites Ltda",
            "Satelites Ltda",
            "Centre",
            "Gulf Cloud",
            "Example Co",
            "Piricas Trading Company",
        ],
        "end_user_country": ["BR", "BR", "CN", "AE", "CN", "AE"],
        "end_user_hq": ["BR", "BR", "CN", "AE", "CN", "AE"],
        "value_usd": ["1000", "2500", "5", "100000", None, "300"],
        "end_use": [None, None, "supercomputer", None, "military", None],
    }
)


def book() -> pl.DataFrame:
    frame = BOOK.with_columns([pl.lit(None, pl.String).alias(c) for c in COLUMNS if c not in BOOK.columns])
    return frame.with_row_index("line", offset=2).with_columns(pl.col("line").cast(pl.Int64))


def test_batch_answers_equal_single_answers(members, index, catalogue) -> None:  # type: ignore[no-untyped-def]
    result = decide_orders(book(), members, default_member="us", all_members=False, index=index, catalogue=catalogue)
    batch = dict(result.decisions.select("id", "outcome").iter_rows())
    for row in BOOK.iter_rows(named=True):
        tx = Transaction(
            date=dt.date.fromisoformat(row["date"]),
            classification=(row["eccn"],),
            destination=row["destination"],
            value_usd=float(row["value_usd"]) if row["value_usd"] else None,
            end_uses=(row["end_use"],) if row["end_use"] else (),
            parties=(
                {
                    "name": row["end_user"],
                    "role": "end_user",
                    "country": row["end_user_country"],
                    "headquarters": row["end_user_hq"],
                },
            ),
        )
        assert batch[row["id"]] == determine(tx, members["us"], parties_index=index, catalogue=catalogue).outcome.value
    assert batch["a"] == "licence_exception_available" and batch["b"] == "licence_required"


def test_lines_in_one_epoch_share_one_decision(members, index, catalogue) -> None:  # type: ignore[no-untyped-def]
    result = decide_orders(book(), members, default_member="us", all_members=False, index=index, catalogue=catalogue)
    assert result.distinct == 5
    assert result.decisions.filter(pl.col("id") == "b").get_column("basis").item() == "us-ccl as of 2024-02-02"


def test_all_members_gives_one_row_per_member(members, index, catalogue) -> None:  # type: ignore[no-untyped-def]
    result = decide_orders(book(), members, default_member="us", all_members=True, index=index, catalogue=catalogue)
    assert result.decisions.height == 6 * len(members)


def test_reading_csv_and_parquet_numbers_lines(tmp_path: Path) -> None:
    csv = tmp_path / "orders.csv"
    BOOK.write_csv(csv)
    assert read_orders(csv).get_column("line").to_list()[:2] == [2, 3]
    parquet = tmp_path / "orders.parquet"
    BOOK.write_parquet(parquet)
    assert read_orders(parquet).get_column("line").to_list()[:2] == [1, 2]


def test_unknown_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    BOOK.with_columns(pl.lit("x").alias("colour")).write_csv(path)
    with pytest.raises(InputError, match="colour"):
        read_orders(path)
