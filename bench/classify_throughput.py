"""Classification throughput: items per second on one core against the full compiled list.

Baseline in the same process: a naive evaluator that re-parses and re-compiles every criterion of
the list for each item (what an engine without a compiled list would do). Run:

    .venv/bin/python -m bench.classify_throughput [--items 100000] [--naive 300]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from bench.items import generate
from regime.classify.engine import classify, classify_brief
from regime.lists.compiled import compile_list
from regime.lists.registry import compiled_list

AS_OF = dt.date(2025, 6, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--naive", type=int, default=300, help="items for the naive baseline (it is slow)")
    args = parser.parse_args()

    clist = compiled_list("us-ccl", AS_OF)
    items = list(generate(args.items))
    print(
        f"list: {clist.snapshot.version}: {len(clist.snapshot.entries)} entries, "
        f"{len(clist.entries)} checkable, {len(clist.text_only)} text only"
    )

    start = time.perf_counter()
    classes = 0
    for item in items:
        classes += len(classify_brief(item, clist).classes)
    compiled_seconds = time.perf_counter() - start
    compiled_rate = len(items) / compiled_seconds

    reasoned = items[: args.items // 10]
    start = time.perf_counter()
    for item in reasoned:
        classify(item, clist)
    reasoned_rate = len(reasoned) / (time.perf_counter() - start)

    naive_items = items[: args.naive]
    start = time.perf_counter()
    for item in naive_items:
        classify_brief(item, compile_list(clist.snapshot, clist.vocabulary))
    naive_rate = len(naive_items) / (time.perf_counter() - start)

    print(
        f"compiled engine, answer only: {len(items):,} items in {compiled_seconds:.2f} s = "
        f"{compiled_rate:,.0f} items/s on one core ({classes:,} classes found)"
    )
    print(
        f"compiled engine, with full reasoning (evidence, near misses): {reasoned_rate:,.0f} items/s on one core"
        f" ({len(reasoned):,} items)"
    )
    print(f"naive re-parsing evaluator: {naive_rate:,.1f} items/s on one core ({len(naive_items)} items)")
    print(
        f"ratio compiled / naive: {compiled_rate / naive_rate:,.0f}x (answer only), "
        f"{reasoned_rate / naive_rate:,.0f}x (with reasoning)"
    )


if __name__ == "__main__":
    main()
