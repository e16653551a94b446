"""Classification throughput: items per CPU-second (one core) against the full compiled list.

Reported side by side, in one process, on the same generated items:

- columnar batch (``classify_many``): every criterion evaluated once per kind and type of item;
- one by one, answer only (``classify_brief``) and with the full reasoning (``classify``);
- the baseline: a naive evaluator that re-parses and re-compiles every criterion for each item.

CPU time (``time.process_time``) is used, so a busy machine slows the figures less than wall time
would. Run: ``.venv/bin/python -m bench.classify_throughput [--items 100000] [--naive 200]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable

from bench.items import generate
from regime.classify.columnar import classify_many
from regime.classify.engine import classify, classify_brief
from regime.lists.compiled import compile_list
from regime.lists.registry import compiled_list

AS_OF = dt.date(2025, 6, 1)


def rate(count: int, work: Callable[[], object]) -> float:
    """Items per CPU-second for ``work`` over ``count`` items."""
    start = time.process_time()
    work()
    return count / max(time.process_time() - start, 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--naive", type=int, default=200, help="items for the naive baseline (it is slow)")
    args = parser.parse_args()

    clist = compiled_list("us-ccl", AS_OF)
    items = list(generate(args.items))
    tenth = items[: max(args.items // 10, 1)]
    snapshot = clist.snapshot
    print(
        f"list: {snapshot.version}: {len(snapshot.entries)} entries, {len(clist.entries)} checkable, "
        f"{len(clist.text_only)} text only; {len(items):,} generated items"
    )

    columnar = rate(len(items), lambda: classify_many(items, clist))
    brief = rate(len(items), lambda: [classify_brief(item, clist) for item in items])
    reasoned = rate(len(tenth), lambda: [classify(item, clist) for item in tenth])
    naive_items = items[: args.naive]
    naive = rate(
        len(naive_items), lambda: [classify_brief(i, compile_list(snapshot, clist.vocabulary)) for i in naive_items]
    )
    same = sum(
        1
        for a, b in zip(classify_many(tenth, clist), (classify_brief(i, clist) for i in tenth), strict=True)
        if set(a.classes) == set(b.classes) and set(a.undecided) == set(b.undecided)
    )

    print(f"columnar batch, answer only:      {columnar:>10,.0f} items per CPU-second")
    print(f"one by one, answer only:          {brief:>10,.0f} items per CPU-second")
    print(f"one by one, with full reasoning:  {reasoned:>10,.0f} items per CPU-second ({len(tenth):,} items)")
    print(f"naive re-parsing evaluator:       {naive:>10,.1f} items per CPU-second ({len(naive_items)} items)")
    print(
        f"ratios: columnar / one by one {columnar / brief:.1f}x; columnar / naive {columnar / naive:,.0f}x; "
        f"one by one / naive {brief / naive:,.0f}x"
    )
    print(f"columnar and one-by-one answers agree on {same:,} of {len(tenth):,} items")


if __name__ == "__main__":
    main()
