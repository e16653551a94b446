"""Screening and re-screening on the engines: the engine's own answer for every party, bad rows named.

The list is the first 400 entries of the bundled Consolidated Screening List (quick to index); the
customers are some of their names, some names near them, and names of no one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest

from regime.scale import gather, run, run_on
from regime.scale.cluster import DaskEngine
from regime.scale.outputs import ERRORS
from regime.scale.rescreen_job import build as build_rescreen
from regime.scale.screen_job import ScreenJob, query_of, screening_row
from regime.screen.engine import screen
from regime.screen.index import build_index
from regime.screen.listdata import ListVersion
from regime.screen.listdiff import digests
from regime.screen.loaders import default_list

BAD = {3: {"name": "  "}, 17: {"kind": "spaceship"}, 40: {"country": "Atlantis"}}


@pytest.fixture(scope="module")
def version() -> ListVersion:
    full = default_list()
    return full.model_copy(update={"parties": full.parties[:400]})


@pytest.fixture(scope="module")
def job(version: ListVersion) -> ScreenJob:
    return ScreenJob(build_index(version))


def customers(version: ListVersion, rows: int = 120) -> pl.DataFrame:
    """Listed names, the same with a typo, and made-up names; the rows of ``BAD`` spoiled."""
    data: dict[str, list[str | None]] = {c: [] for c in ("reference", "name", "country", "kind")}
    for n in range(rows):
        listed = version.parties[(n * 7) % len(version.parties)]
        name = [listed.name, listed.name.replace("a", "e", 1), f"Customer {n} Trading"][n % 3]
        spoilt = BAD.get(n, {})
        data["reference"].append(f"c{n}")
        data["name"].append(spoilt.get("name", name))
        data["country"].append(spoilt.get("country", listed.countries[0] if listed.countries else None))
        data["kind"].append(spoilt.get("kind"))
    return pl.DataFrame(data, schema=dict.fromkeys(data, pl.String))


@pytest.fixture(scope="module")
def base(version: ListVersion, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("screen") / "customers.parquet"
    customers(version).write_parquet(path, row_group_size=30)
    return path


def test_screening_on_local_and_dask_is_the_engine_answer_for_every_party(
    base: Path, job: ScreenJob, client: Any, tmp_path: Path
) -> None:
    local = run(job, base, tmp_path / "local", engine="local", workers=2, rows=30)
    with DaskEngine(job, client=client) as engine:
        dask = run_on(engine, job, base, tmp_path / "dask", rows=30)
    assert (local.partitions, local.rows, local.errors) == (dask.partitions, dask.rows, dask.errors) == (4, 120, 3)
    mine, theirs = gather(tmp_path / "local").sort("line"), gather(tmp_path / "dask").sort("line")
    assert mine.equals(theirs)
    rows = pl.read_parquet(base).with_row_index("line", offset=1).filter(~pl.col("line").is_in([n + 1 for n in BAD]))
    expected = [screening_row(r["line"], screen(query_of(r), job.index)) for r in rows.iter_rows(named=True)]
    assert mine.drop("partition").to_dicts() == expected
    assert 20 <= mine.filter(pl.col("outcome") == "hit").height < mine.height


def test_bad_parties_are_named_by_partition_and_line(base: Path, job: ScreenJob, tmp_path: Path) -> None:
    answer = job(pl.read_parquet(base).head(60).with_row_index("line", offset=1), 0)
    assert [(e.partition, e.line) for e in answer.errors] == [(0, n + 1) for n in sorted(BAD)]
    assert "name is empty" in answer.errors[0].message
    assert "kind" in answer.errors[1].message
    assert "Atlantis" in answer.errors[2].message
    assert answer.decisions.height == 57
    report = run(job, base, tmp_path, engine="local", workers=1, rows=30)
    assert gather(tmp_path, ERRORS).get_column("partition").to_list() == [0, 0, 1]
    assert report.first_errors[2].line == 41


def test_a_rescreen_screens_the_changed_entries_only_and_finds_what_a_full_screen_finds_on_them(
    version: ListVersion, base: Path
) -> None:
    old = version.model_copy(update={"parties": version.parties[:350]})
    changed = [p.model_copy(update={"aliases": (*p.aliases, "Zyxwv Holdings")}) for p in version.parties[10:15]]
    parties = (*version.parties[:10], *changed, *version.parties[20:])  # 15-19 removed, 350-399 added
    new = version.model_copy(update={"version": "next", "parties": parties})
    job, change = build_rescreen(new, digests(old))
    assert change is not None
    assert (len(change.added), len(change.removed), len(change.changed)) == (50, 5, 5)
    assert len(job.index.parties) == 55
    touched = set(change.added) | set(change.changed)
    full = build_index(new)
    rows = pl.read_parquet(base).with_row_index("line", offset=1).filter(~pl.col("line").is_in([n + 1 for n in BAD]))
    answer = job(rows, 0)
    found = {r["reference"]: r["entries"] for r in answer.decisions.to_dicts() if r["entries"]}
    expected = {}
    for row in rows.iter_rows(named=True):
        hits = [h for h in screen(query_of(row), full).hits if h.entry_id in touched]
        if hits:
            expected[row["reference"]] = ";".join(f"{h.entry_id}:{h.score:.4f}" for h in hits)
    assert found == expected
    assert len(found) >= 5
    assert "added or changed" in answer.decisions.get_column("searched")[0]
