"""Entry-level diffs and the merging of amendments into a white paper."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regime.errors import InputError
from regime.governance.listdiff import ListChanges, apply, diff, field_paths

IDS = st.sampled_from(["3A001", "3A090", "4A090", "5A002", "3B001"])
DOCS = st.builds(lambda i, v: {"id": i, "value": v}, IDS, st.integers(0, 3))


def test_field_paths_name_nested_changes() -> None:
    before = {"id": "3A090", "criteria": {"a": "tpp >= 4800", "b": "x"}, "notes": ["n1"]}
    after = {"id": "3A090", "criteria": {"a": "tpp >= 4000", "b": "x"}, "notes": ["n1", "n2"], "new": 1}
    assert field_paths(before, after) == ["criteria.a", "new", "notes"]


def test_amendments_replace_documents_and_add_removals() -> None:
    paper = ListChanges(entries=[{"id": "A", "v": 1}, {"id": "B", "v": 1}], remove=["C"])
    amended = paper.merged_with(ListChanges(entries=[{"id": "A", "v": 2}, {"id": "C", "v": 9}], remove=["B"]))
    assert {e["id"]: e["v"] for e in amended.entries} == {"A": 2, "C": 9}
    assert amended.remove == ["B"]


def test_bad_change_sets_are_refused() -> None:
    with pytest.raises(ValueError, match="has no 'id'"):
        ListChanges(entries=[{"heading": "x"}])
    with pytest.raises(ValueError, match="both changed and removed: A"):
        ListChanges(entries=[{"id": "A"}], remove=["A"])
    with pytest.raises(ValueError, match="at least one entry"):
        ListChanges()
    with pytest.raises(InputError, match="cannot remove Z"):
        diff({}, ListChanges(remove=["Z"]))


@given(st.lists(DOCS, unique_by=lambda d: d["id"]), st.lists(DOCS, min_size=1, unique_by=lambda d: d["id"]))
def test_the_diff_accounts_for_every_touched_entry(
    before_docs: list[dict[str, Any]], docs: list[dict[str, Any]]
) -> None:
    before = {d["id"]: d for d in before_docs}
    changes = ListChanges(entries=docs)
    result = diff(before, changes)
    assert sorted(result.added + list(result.changed) + result.unchanged) == sorted(d["id"] for d in docs)
    after = apply(before, changes)
    assert all(after[d["id"]] == d for d in docs)
    assert set(result.added) == {d["id"] for d in docs} - set(before)
