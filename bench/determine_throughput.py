"""Determination throughput: transactions per second on one core, batch against one by one.

The batch decides a generated order book of ``--rows`` lines (default 1,000,000) through
``determine.batch.decide_orders``: the single-transaction engine with its caches and columnar joins
around it. The baseline, in the same process, decides ``--single`` of the same lines one by one
through the single-transaction API (``determine(Transaction, jurisdiction)``, a fresh memo per
call), as a client calling it per order line would. Both run on one core (Polars limited to one
thread). The sample's outcomes are checked equal both ways. Run:

    .venv/bin/python -m bench.determine_throughput [--rows 1000000] [--single 2000] [--member us]
"""

from __future__ import annotations

import os

os.environ.setdefault("POLARS_MAX_THREADS", "1")

import argparse
import time

import polars as pl

from bench.orders import order_book
from regime.determine.batch import decide_orders
from regime.determine.engine import determine
from regime.determine.loader import default_party_index, load_members
from regime.determine.memo import Memo
from regime.determine.orders import COLUMNS, check, transaction_of
from regime.model.catalogue import load_catalogue


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--single", type=int, default=2000, help="lines decided one by one (the baseline)")
    parser.add_argument("--member", default="us")
    args = parser.parse_args()

    members = {j.id: j for j in load_members()}
    index, catalogue = default_party_index(), load_catalogue()
    start = time.perf_counter()
    frame = order_book(args.rows)
    frame = frame.with_columns([pl.lit(None, pl.String).alias(c) for c in COLUMNS if c not in frame.columns])
    print(
        f"generated {frame.height:,} order lines in {time.perf_counter() - start:.1f} s (Polars threads: {pl.thread_pool_size()})"
    )

    # warm the loaders (lists compiled per version, screening index) so both runs start equal
    decide_orders(
        frame.head(2000), members, default_member=args.member, all_members=False, index=index, catalogue=catalogue
    )

    start = time.perf_counter()
    result = decide_orders(
        frame, members, default_member=args.member, all_members=False, index=index, catalogue=catalogue
    )
    batch_seconds = time.perf_counter() - start
    batch_rate = result.decisions.height / batch_seconds
    print(
        f"batch: {result.decisions.height:,} lines in {batch_seconds:.1f} s = {batch_rate:,.0f} transactions/s on one core "
        f"({result.distinct:,} distinct decisions, {len(result.bad)} bad lines, memo hits {result.memo.hits:,} / misses {result.memo.misses:,})"
    )

    good, _ = check(frame.head(args.single), next(iter(members.values())).resolver, catalogue, args.member)
    rows = good.to_dicts()
    transactions = [transaction_of(row, args.member).model_copy(update={"value_usd": row["_value"]}) for row in rows]
    start = time.perf_counter()
    single = [determine(tx, members[args.member], parties_index=index, catalogue=catalogue) for tx in transactions]
    single_rate = len(single) / (time.perf_counter() - start)
    print(f"one by one through determine(): {single_rate:,.0f} transactions/s on one core ({len(single):,} lines)")

    shared = Memo()
    start = time.perf_counter()
    for tx in transactions:
        determine(tx, members[args.member], parties_index=index, catalogue=catalogue, memo=shared)
    shared_rate = len(transactions) / (time.perf_counter() - start)
    print(f"one by one through determine() sharing one memo: {shared_rate:,.0f} transactions/s on one core")

    batch_outcomes = dict(
        result.decisions.filter(pl.col("line").is_in([r["line"] for r in rows])).select("line", "outcome").iter_rows()
    )
    differ = sum(
        1 for row, det in zip(rows, single, strict=True) if batch_outcomes.get(row["line"]) != det.outcome.value
    )
    print(f"outcomes equal both ways on the sample: {len(rows) - differ:,} of {len(rows):,}")
    print(f"ratio batch / one by one: {batch_rate / single_rate:,.1f}x")
    counts = result.decisions.group_by("outcome").len().sort("len", descending=True)
    print("outcomes:", ", ".join(f"{o} {n:,}" for o, n in counts.iter_rows()))


if __name__ == "__main__":
    main()
