"""Re-screening a kept base after a 1% list change, against screening the base afresh.

Run: ``.venv/bin/python bench/screen_rescreen.py [--base 1000000] [--sample 20000] [--change 0.01]
[--scales 100000,300000]``.

The base: ``--base`` records, 1% of them variants of listed names (``screen_evalset.positives``)
and the rest invented person and company names. What is measured, all in this one process:

* screening afresh (``rescreen.screen_base``: screen every record, write the base file) on a
  uniform ``--sample`` of the records; the time for the whole base is that per-record time
  times the base's size (screening a million names here takes longer than a run should);
* the whole base written to its file with every record's name forms indexed
  (``basestore.write_records``), and the hits of the 1% listed variants, screened;
* a new list version with ``--change`` (1%) of its entries changed (a third removed, a third renamed with a
  slip or given a new alias, a third added as variants of other entries), and
  ``rescreen.rescreen`` of the whole base against it: the time, the records it re-scored, and
  the ratio to screening afresh. Both need the new version's index; its build is timed apart;
* the same change re-screened against smaller bases (``--scales``: the first records of the
  base, each written to its own file), so that what the re-screen costs can be read against the
  size of the base: its CPU time, the records whose name forms it read from the base to bound
  them, and the records it scored.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from regime.screen import basestore
from regime.screen.engine import answer, scored_candidates
from regime.screen.index import ScreeningIndex, build_index
from regime.screen.listdata import ListVersion, Party
from regime.screen.listdiff import digests
from regime.screen.loaders import default_index
from regime.screen.normalise import NameForm
from regime.screen.query import Query, prepare
from regime.screen.rescreen import RescreenReport, rescreen, screen_base
from regime.screen.scorer import THRESHOLD
from screen_evalset import invented_name, positives
from screen_variants import typo

ENGINE = "bench"


def make_base(index: ScreeningIndex, size: int, rng: random.Random) -> tuple[list[Query], set[int]]:
    """``size`` records: 1% variants of listed names, the rest invented names; and where the variants are."""
    listed = [(True, case.query) for case in positives(index, size // 100, rng)]
    records = listed + [(False, Query(name=invented_name(rng))) for _ in range(size - len(listed))]
    rng.shuffle(records)
    queries = [record.model_copy(update={"reference": f"r{rid}"}) for rid, (_, record) in enumerate(records)]
    return queries, {rid for rid, (is_listed, _) in enumerate(records) if is_listed}


def changed_version(version: ListVersion, share: float, rng: random.Random) -> tuple[ListVersion, int]:
    """``version`` with ``share`` of its entries removed, renamed or added (a third each)."""
    parties = list(version.parties)
    count = max(3, round(len(parties) * share))
    chosen = rng.sample(range(len(parties)), count)
    removed = set(chosen[: count // 3])
    renamed = chosen[count // 3 : 2 * count // 3]
    for at in renamed:
        party = parties[at]
        if rng.random() < 0.5 and (slipped := typo(party.name, rng)):
            parties[at] = party.model_copy(update={"name": slipped})
        else:
            parties[at] = party.model_copy(update={"aliases": (*party.aliases, f"{party.name} Trading")})
    added: list[Party] = []
    for n, at in enumerate(chosen[2 * count // 3 :]):
        party = parties[at]
        name = typo(party.name, rng) or f"{party.name} International"
        added.append(party.model_copy(update={"entry_id": f"{party.list_code}:bench-{n}", "name": name}))
    kept = tuple(p for at, p in enumerate(parties) if at not in removed) + tuple(added)
    return version.model_copy(update={"version": f"{version.version} (bench change)", "parties": kept}), count


def write_base(path: Path, records: list[Query], listed: set[int], index: ScreeningIndex) -> int:
    """The base file of ``records``, with the hits of the listed variants screened; how many hits."""
    hits: list[tuple[int, str, float, str]] = []

    def forms() -> Iterator[tuple[int, Query, tuple[NameForm, ...]]]:
        for rid, record in enumerate(records):
            one = prepare(record)
            if rid in listed:
                result = answer(one, scored_candidates(one, index), index, THRESHOLD)
                hits.extend((rid, h.entry_id, h.score, h.model_dump_json()) for h in result.hits)
            yield rid, record, one.forms + one.literal

    with basestore.new_base(path) as db:
        basestore.write_records(db, forms())
        basestore.write_results(db, hits)
        basestore.write_parties(db, digests(index.version))
        basestore.write_meta(db, {"list": index.version.label, "threshold": repr(THRESHOLD), "engine": ENGINE})
    return len(hits)


@contextmanager
def counting_reads() -> Iterator[set[int]]:
    """The records whose name forms are read from the base meanwhile (``basestore.forms_of``)."""
    read: set[int] = set()
    forms_of = basestore.forms_of

    def counted(db: sqlite3.Connection, rids: Iterable[int]) -> dict[int, list[tuple[float, frozenset[str]]]]:
        found = forms_of(db, rids)
        read.update(found)
        return found

    basestore.forms_of = counted
    try:
        yield read
    finally:
        basestore.forms_of = forms_of


def timed_rescreen(path: Path, index: ScreeningIndex) -> tuple[float, float, int, RescreenReport]:
    """Re-screen the base at ``path``: CPU and wall seconds, records read to be bounded, the report."""
    with counting_reads() as read:
        cpu, wall = time.process_time(), time.perf_counter()
        report = rescreen(path, index, engine=ENGINE)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return cpu, wall, len(read), report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=20_000, help="records screened afresh to time a full screen")
    parser.add_argument("--change", type=float, default=0.01, help="share of the list's entries changed")
    parser.add_argument("--scales", default="100000,300000", help="smaller bases re-screened with the same change")
    args = parser.parse_args()
    rng = random.Random(31)
    index = default_index()
    records, listed = make_base(index, args.base, rng)
    print(f"base: {len(records):,} records ({len(records) // 100:,} variants of listed names)")
    with tempfile.TemporaryDirectory() as folder:
        sample = rng.sample(records, min(args.sample, len(records)))
        cpu, wall = time.process_time(), time.perf_counter()
        screen_base(sample, index, Path(folder) / "sample.sqlite", engine=ENGINE)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        fresh = cpu / len(sample) * len(records)
        print(
            f"screen afresh: {len(sample):,} records in {cpu:.1f} s CPU ({wall:.1f} s wall): "
            f"{len(sample) / cpu:,.0f} records/s; the whole base: {fresh:,.0f} s CPU (estimated from the sample)"
        )
        path = Path(folder) / "base.sqlite"
        started = time.perf_counter()
        hits = write_base(path, records, listed, index)
        print(f"base written with its name index in {time.perf_counter() - started:.0f} s; {hits:,} hits kept")
        started = time.process_time()
        new, count = changed_version(index.version, args.change, rng)
        new_index = build_index(new)
        print(
            f"list change: {count} of {len(index.parties)} entries; new index built in {time.process_time() - started:.1f} s CPU"
        )
        cpu, wall, read, report = timed_rescreen(path, new_index)
        print(f"re-screen: {cpu:.1f} s CPU ({wall:.1f} s wall); {report.statement}; {read:,} records read")
        print(f"ratio re-screen / screen afresh: {cpu / fresh:.4f} (1 : {fresh / cpu:,.0f})")
        rows = [(len(records), cpu, read, report)]
        for size in sorted({int(n) for n in args.scales.split(",") if n and int(n) < len(records)}):
            smaller = Path(folder) / f"base-{size}.sqlite"
            write_base(smaller, records[:size], {rid for rid in listed if rid < size}, index)
            cpu, _, read, report = timed_rescreen(smaller, new_index)
            rows.append((size, cpu, read, report))
        print("the same change against bases of other sizes (the first records of the base):")
        for size, cpu, read, report in sorted(rows, key=lambda row: row[0]):
            print(
                f"  base {size:>9,}: re-screen {cpu:5.2f} s CPU, {read:>6,} records read, "
                f"{report.records_scored:>5,} scored, {len(report.new_hits):>4,} new hits"
            )


if __name__ == "__main__":
    main()
