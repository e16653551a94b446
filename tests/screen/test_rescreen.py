"""Re-screening a kept base: the same hits as screening it afresh, while reading only what a change touches."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

import numpy as np
import pytest
from tests.screen.conftest import party, small_list

from regime.errors import InputError
from regime.screen.index import ScreeningIndex, build_index
from regime.screen.listdata import Party
from regime.screen.loaders import default_list
from regime.screen.query import Query
from regime.screen.rescreen import RescreenReport, rescreen, screen_base

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


def rescreened(
    tmp_path: Path, base: list[Query], old: ScreeningIndex, new: ScreeningIndex, *, aged: bool = False
) -> tuple[RescreenReport, set[tuple[int, str, float]], set[tuple[int, str, float]]]:
    """Screen ``base`` against ``old`` and keep it (``aged``: in the layout before token lists),
    re-screen it against ``new``; the report, the kept hits and the hits of screening afresh."""
    kept, fresh = tmp_path / "kept.sqlite", tmp_path / "fresh.sqlite"
    screen_base(base, old, kept, engine="t")
    if aged:
        _as_before_token_lists(kept)
    report = rescreen(kept, new, engine="t")
    screen_base(base, new, fresh, engine="t")
    return report, hits(kept), hits(fresh)


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
    old, new = build_index(small_list("v1", small_parties)), build_index(small_list("v2", changed))
    report, kept, fresh = rescreened(tmp_path, BASE, old, new)
    assert kept == fresh
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


def test_words_glued_in_either_order_are_found_on_both_sides(tmp_path: Path, small_parties: list[Party]) -> None:
    base = [
        Query(name="Weihua Trading", country="CN", reference="record glues the entry's two words, swapped"),
        Query(name="Wei Hua Trading", country="CN", reference="record writes the entry's one word as two, swapped"),
        Query(name="Orchid Telecom", country="CN", reference="unrelated"),
    ]
    added = [
        party("20", "Hua Wei Trading Co., Ltd."),
        party("21", "Huawei Trading Co., Ltd."),
    ]
    old, new = build_index(small_list("v1", small_parties)), build_index(small_list("v2", [*small_parties, *added]))
    report, kept, fresh = rescreened(tmp_path, base, old, new)
    assert kept == fresh
    found = {(c.reference.split(",")[0], c.entry_id) for c in report.new_hits}
    assert ("record glues the entry's two words", "EL:20") in found
    assert ("record writes the entry's one word as two", "EL:21") in found


def _respelt(name: str, rng: random.Random) -> str:
    """The name with its words shuffled, and two of them glued or one split, the way records and lists differ."""
    words = name.replace(",", " ").split()
    rng.shuffle(words)
    if len(words) > 1 and rng.random() < 0.5:
        words[0:2] = [words[0] + words[1]]
    elif words and len(words[0]) > 5:
        cut = rng.randrange(2, len(words[0]) - 2)
        words[0:1] = [words[0][cut:], words[0][:cut]]
    return " ".join(words)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_rescreen_of_real_names_ends_where_screening_afresh_ends(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    parties = list(default_list().parties[seed * 1000 : seed * 1000 + 1500])
    base = [Query(name=_respelt(p.name, rng), reference=f"v{n}") for n, p in enumerate(rng.sample(parties, 120))]
    base += [
        Query(name=f"{rng.choice(['Blue', 'Grand', 'Nova'])} {rng.choice(['Works', 'Foods', 'Tools'])} {n}")
        for n in range(30)
    ]
    changed = list(parties)
    for at in rng.sample(range(len(changed)), 40):
        changed[at] = changed[at].model_copy(update={"name": _respelt(changed[at].name, rng)})
    added = [
        p.model_copy(update={"entry_id": f"{p.entry_id}-new", "name": _respelt(p.name, rng)})
        for p in rng.sample(parties, 20)
    ]
    old, new = build_index(small_list("v1", parties)), build_index(small_list("v2", changed + added))
    report, kept, fresh = rescreened(tmp_path, base, old, new)
    assert report.new_hits or report.cleared or report.changed_scores  # the change did move hits
    assert kept == fresh


def _as_before_token_lists(path: Path) -> None:
    """Rewrite a base's token lists as the rows of ``postings`` that bases held before them."""
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("CREATE TABLE postings(token TEXT NOT NULL, total REAL NOT NULL, rid INTEGER NOT NULL)")
        for token, rids, totals in db.execute("SELECT token, rids, totals FROM lists").fetchall():
            held = zip(
                np.frombuffer(rids, dtype="<i8").tolist(), np.frombuffer(totals, dtype="<f8").tolist(), strict=True
            )
            db.executemany("INSERT INTO postings VALUES (?, ?, ?)", ((token, total, rid) for rid, total in held))
        db.execute("DROP TABLE lists")


def test_a_base_written_before_the_token_lists_is_still_read(
    tmp_path: Path, small_parties: list[Party], changed: list[Party]
) -> None:
    old, new = build_index(small_list("v1", small_parties)), build_index(small_list("v2", changed))
    report, kept, fresh = rescreened(tmp_path, BASE, old, new, aged=True)
    assert kept == fresh
    assert [(c.reference, c.entry_id) for c in report.new_hits] == [("f", "EL:9")]


def test_a_base_without_an_index_of_its_names_is_refused(
    tmp_path: Path, small_parties: list[Party], changed: list[Party]
) -> None:
    kept = tmp_path / "kept.sqlite"
    screen_base(BASE, build_index(small_list("v1", small_parties)), kept, engine="t")
    with closing(sqlite3.connect(kept)) as db, db:
        db.execute("DROP TABLE lists")
    with pytest.raises(InputError, match=r"kept\.sqlite: expected an index of the base.s names"):
        rescreen(kept, build_index(small_list("v2", changed)), engine="t")
