"""Full-text search over a list snapshot: ranking, phrases, snippets and the per-snapshot cache."""

from __future__ import annotations

import datetime as dt

import pytest

from regime.lists.documents import EntryDoc, ListDoc
from regime.lists.loader import ListDocs, list_folder, load_docs
from regime.lists.search import SearchIndex, build_index, index_for, search
from regime.lists.snapshot import snapshot

TODAY = dt.date(2026, 7, 23)


@pytest.fixture(scope="module")
def ccl() -> ListDocs:
    return load_docs(list_folder("us-ccl"))


@pytest.fixture(scope="module")
def index(ccl: ListDocs) -> SearchIndex:
    return index_for(ccl, TODAY)


def small_index() -> SearchIndex:
    docs = {
        "1A001": EntryDoc.model_validate(
            {"id": "1A001", "heading": "Wafer steppers", "paragraphs": [{"id": "a", "text": "Stepper lenses"}]}
        ),
        "2B002": EntryDoc.model_validate(
            {
                "id": "2B002",
                "heading": "Machine tools",
                "paragraphs": [
                    {"id": "a", "text": "Tools for wafer grinding and wheels", "notes": ["Wafer means disc."]},
                    {"id": "b", "text": "Grinding tools for wafer and wheels"},
                ],
                "notes": [{"id": "Note 1", "text": "Wafer grinding by hand is not controlled."}],
            }
        ),
    }
    info = ListDoc(id="t", name="t", jurisdiction="XX")
    return build_index(snapshot(info, docs, TODAY))


def test_lithography_finds_the_lithography_paragraph_near_the_top(index: SearchIndex) -> None:
    hits = search(index, "lithography", limit=5)
    assert "3B001.f" in [hit.ref for hit in hits]
    assert all("lithograph" in hit.snippet.lower() for hit in hits)


def test_a_quoted_phrase_must_appear_whole(index: SearchIndex) -> None:
    phrase = search(index, '"anisotropic dry etching"', limit=20)
    assert phrase and all("anisotropic dry etching" in hit.snippet for hit in phrase)
    words = search(index, "etching anisotropic dry", limit=50)
    assert {hit.ref for hit in phrase} <= {hit.ref for hit in words}
    assert search(index, '"etching dry anisotropic"') == []


def test_every_word_is_required_and_matches_are_marked(index: SearchIndex) -> None:
    hits = search(index, "EUV pellicles")
    assert hits[0].ref == "3B001.l" and hits[0].field == "paragraph"
    for hit in hits:
        marked = {hit.snippet[a:b].lower() for a, b in hit.marks}
        assert {"euv", "pellicles"} <= marked
    assert search(index, "pellicles zeppelin") == [] and search(index, "   ") == []


def test_headings_weigh_more_and_phrases_more_than_scattered_words() -> None:
    index = small_index()
    hits = search(index, "wafer")
    assert hits[0].ref == "1A001" and hits[0].field == "heading"
    assert {(h.ref, h.field, h.label) for h in hits} >= {("2B002.a", "note", "note 1"), ("2B002", "note", "Note 1")}
    grinding = search(index, "wafer grinding")
    scores = {h.ref: h.score for h in grinding if h.field == "paragraph"}
    assert grinding[0].ref == "2B002.a" and scores["2B002.a"] == pytest.approx(2 * scores["2B002.b"], rel=1e-3)


def test_plurals_and_typography_are_folded() -> None:
    assert [h.ref for h in search(small_index(), "“steppers” lense")] == ["1A001.a"]
    assert [h.ref for h in search(small_index(), "STEPPER Lenses")] == ["1A001.a"]


def test_the_index_is_built_once_per_snapshot(ccl: ListDocs, index: SearchIndex) -> None:
    assert index_for(ccl, TODAY) is index
    earlier = index_for(ccl, dt.date(2021, 1, 1))
    assert earlier is not index and "3A090" not in {t.entry for t in earlier.texts}
    assert "3A090" in {h.entry for h in search(index, "total processing performance")}
    assert "3A090" not in {h.entry for h in search(earlier, "total processing performance")}
