"""Re-screening a kept base: the same hits as screening it afresh, while reading only what a change touches."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from tests.screen.conftest import party, small_list

from regime.errors import InputError
from regime.screen.index import build_index
from regime.screen.listdata import Party
from regime.screen.query import Query
from regime.screen.rescreen import rescreen, screen_base

BASE = [
    Query(name="Northwind Avionics Company", country="CN", reference="a"),
    Query(name="Sergei Ivanov", country="RU", reference="b"),
    Query(name="Redwood Electronics Trading", reference="c"),
    Query(name="Meridian Shiping FZE", country="AE", reference="d"),
    Query(name="Olivia Bergstrom", country="GB", reference="e"),
    Query(name="Kestrel Dynamics", country="AE", reference="f"),
    Query(name="W. Zhang", country="CN", reference="g"),
    *(Query(name=f"Customer {n} Holdings", reference=f"x{n}") for n in range(40)),
]


def hits(path: Path) -> set[tuple[int, str, float]]:
    with closing(sqlite3.connect(path)) as db:
        return {
            (rid, entry, round(score, 4))
            for rid, entry, score in db.execute("SELECT rid, entry_id, score FROM results")
        }


@pytest.fixture
def changed(small_parties: list[Party]) -> list[Party]:
    """The small list with one entry removed (Meridian), one renamed (Redwood), one added (Kestrel)."""
    parties = [p for p in small_parties if "Meridian" not in p.name]
    at = next(i for i, p in enumerate(parties) if "Redwood" in p.name)
    parties[at] = parties[at].model_copy(update={"name": "Redwood Electronic Trading Ltd", "aliases": ("RET",)})
    return [*parties, party("9", "Kestrel Dynamics LLC", countries=("AE",))]


def test_a_rescreen_ends_where_screening_afresh_ends(
    tmp_path: Path, small_parties: list[Party], changed: list[Party]
) -> None:
    kept, fresh = tmp_path / "kept.sqlite", tmp_path / "fresh.sqlite"
    new = build_index(small_list("v2", changed))
    screen_base(BASE, build_index(small_list("v1", small_parties)), kept, engine="t")
    report = rescreen(kept, new, engine="t")
    screen_base(BASE, new, fresh, engine="t")
    assert hits(kept) == hits(fresh)
    assert (report.added, report.removed, report.changed, report.unchanged) == (1, 1, 1, 6)
    assert [(c.reference, c.entry_id) for c in report.new_hits] == [("f", "EL:9")]
    assert [(c.reference, c.entry_id) for c in report.cleared] == [("d", "EL:7")]
    assert report.records_scored < len(BASE) // 4  # only records the changed entries may match were read


def test_a_base_screened_by_other_code_is_refused(tmp_path: Path, small_parties: list[Party]) -> None:
    index = build_index(small_list("v1", small_parties))
    screen_base(BASE[:3], index, tmp_path / "base.sqlite", engine="old")
    with pytest.raises(InputError, match="another version of the screening engine"):
        rescreen(tmp_path / "base.sqlite", index, engine="new")
    with pytest.raises(InputError, match="no screened base here"):
        rescreen(tmp_path / "missing.sqlite", index, engine="new")
