"""Screening speed: indexed search against scoring every party, in one run, on one core.

Run: ``.venv/bin/python bench/screen_speed.py [--queries 100000] [--sample 400]``.

The queries (``screen_evalset.query_mix``): half variants of listed names, half invented
person and company names and near neighbours, a country on most (the hard mix: every other
query has candidates to score and hits to explain). All of them are screened through the
index (``engine.screen``: candidates, scoring, hits with their legal meaning) in this one
process, after one query of another seed has loaded the compiled kernels; queries per second per core is their count over the process's CPU time (the
machine is shared, so wall time is printed too). The same is then timed on a mix shaped like
a customer base, where 1% of the names are variants of listed names (``--base-share``). Scoring every party of the list
with the same scorer (``engine.exhaustive_hits``) is too slow for all of them: it is run on
a uniform ``--sample`` of the same queries, and the speed-up is the ratio of the two per-query
CPU times. Recall is measured on that sample: the share of the (query, party) hits the
exhaustive scorer finds at the threshold that the indexed search finds too.
"""

from __future__ import annotations

import argparse
import random
import time

from regime.screen.engine import exhaustive_hits, scored_candidates, screen
from regime.screen.loaders import default_index
from regime.screen.query import prepare
from regime.screen.scorer import THRESHOLD
from screen_evalset import query_mix


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=400, help="queries also scored against every party")
    parser.add_argument("--base-share", type=float, default=0.01, help="listed variants in the customer-base mix")
    args = parser.parse_args()
    index = default_index()
    queries = query_mix(index, args.queries)
    print(
        f"{len(queries)} queries against {len(index.parties)} parties ({len(index.names)} names) of {index.version.label}"
    )

    screen(query_mix(index, 1, seed=99)[0], index)  # the compiled kernels loaded, as a service has them
    wall, cpu = time.perf_counter(), time.process_time()
    hits = sum(len(screen(query, index).hits) for query in queries)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    indexed_cpu = cpu / len(queries)
    print(f"indexed:    {len(queries) / cpu:,.0f} queries/s per core (CPU {cpu:.1f} s, wall {wall:.1f} s); {hits} hits")
    base = query_mix(index, args.queries, seed=8, listed=args.base_share)
    base_cpu = time.process_time()
    base_hits = sum(len(screen(query, index).hits) for query in base)
    base_cpu = time.process_time() - base_cpu
    print(
        f"customer-base mix ({args.base_share:.0%} listed variants): {len(base) / base_cpu:,.0f} queries/s per core"
        f" (CPU {base_cpu:.1f} s); {base_hits} hits"
    )

    sample = random.Random(11).sample(queries, min(args.sample, len(queries)))
    prepared = [prepare(query) for query in sample]
    cpu = time.process_time()
    exhaustive = [{p for p, _ in exhaustive_hits(one, index)} for one in prepared]
    cpu = time.process_time() - cpu
    print(f"exhaustive: {len(sample) / cpu:,.1f} queries/s per core on a sample of {len(sample)} (CPU {cpu:.1f} s)")
    print(f"speed-up:   {cpu / len(sample) / indexed_cpu:,.0f}x (CPU per query, exhaustive over indexed)")

    found = total = 0
    missed: list[str] = []
    for query, one, every in zip(sample, prepared, exhaustive, strict=True):
        indexed = {p for p, s in scored_candidates(one, index) if s.score >= THRESHOLD}
        total += len(every)
        found += len(every & indexed)
        missed += [f"{query.name!r} -> {index.parties[p].party.name!r}" for p in every - indexed]
    share = found / total if total else 1.0
    print(f"recall of the index against the exhaustive scorer: {share:.4f} ({found} of {total} hits at {THRESHOLD})")
    for line in missed[:20]:
        print(f"  missed {line}")


if __name__ == "__main__":
    main()
