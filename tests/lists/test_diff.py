"""Differences between a list on two dates, and between two versions of it on one date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from regime.lists.diff import diff_dates, diff_docs, entry_history
from regime.lists.documents import EntryDoc
from regime.lists.loader import ListDocs, list_folder, load_docs

D = dt.date


def write_list(folder: Path, entries: list[dict[str, Any]]) -> ListDocs:
    folder.mkdir(parents=True)
    (folder / "list.yaml").write_text("id: t\nname: Test list\njurisdiction: XX\n", encoding="utf-8")
    for entry in entries:
        path = folder / entry["id"][0] / f"{entry['id']}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(yaml.safe_dump(entry, sort_keys=False), encoding="utf-8")
    return load_docs(folder)


ENTRIES: list[dict[str, Any]] = [
    {
        "id": "1A001",
        "heading": {"2020-01-01": "Old heading", "2022-01-01": "New heading"},
        "reasons": "NS, AT",
        "controls": {
            "2020-01-01": [{"reason": "NS", "applies_to": "NS applies to entire entry", "scope": "NS Column 2."}],
            "2022-01-01": [
                {"reason": "NS", "applies_to": "NS applies to 1A001.a", "paragraphs": ["a"], "scope": "NS Column 1."}
            ],
        },
        "paragraphs": [
            {
                "id": "a",
                "text": {"2020-01-01": "Old text", "2022-01-01": "New text"},
                "criterion": {"2020-01-01": "tpp >= 100", "2022-01-01": "tpp >= 200"},
            },
            {"id": "b", "text": "Added later", "in_force": {"from": "2021-06-01"}},
            {"id": "c", "text": {"2020-01-01": "Dropped", "2021-01-01": None}},
        ],
        "notes": [{"id": "Note 1", "text": "A note", "in_force": {"from": "2021-03-01"}}],
    },
    {"id": "1A002", "heading": "Comes in", "in_force": {"from": "2021-01-01"}},
    {"id": "1A003", "heading": "Goes out", "in_force": {"to": "2021-01-01"}},
    {"id": "1A004", "heading": "Unchanged"},
]


def test_diff_between_two_dates(tmp_path: Path) -> None:
    docs = write_list(tmp_path / "t", ENTRIES)
    diff = diff_dates(docs, D(2020, 6, 1), D(2022, 6, 1))
    assert diff.added == ("1A002",) and diff.removed == ("1A003",)
    (change,) = diff.changed
    assert change.entry == "1A001"
    assert change.fields["heading"].before == "Old heading" and change.fields["heading"].after == "New heading"
    assert [c.scope for c in change.controls_removed] == ["NS Column 2."]
    assert [c.paragraphs for c in change.controls_added] == [("a",)]
    parts = {p.id: p for p in change.paragraphs}
    assert parts["a"].change == "changed" and set(parts["a"].fields) == {"text", "criterion"}
    assert parts["a"].fields["criterion"].after == "tpp >= 200"
    assert parts["b"].change == "added" and parts["b"].fields["text"].after == "Added later"
    assert parts["c"].change == "removed" and parts["c"].fields["text"].before == "Dropped"
    assert [(n.id, n.change) for n in change.notes] == [("Note 1", "added")]
    assert diff_dates(docs, D(2022, 6, 1), D(2023, 1, 1)).empty
    assert diff_dates(docs, D(2020, 6, 1), D(2022, 6, 1), only=["1A002"]).added == ("1A002",)


def test_history_of_an_entry(tmp_path: Path) -> None:
    docs = write_list(tmp_path / "t", ENTRIES)
    steps = {date: change for date, change, _ in entry_history(docs.entries["1A001"])}
    assert list(steps) == [D(2020, 1, 1), D(2021, 1, 1), D(2021, 3, 1), D(2021, 6, 1), D(2022, 1, 1)]
    assert [(p.id, p.change) for p in steps[D(2021, 1, 1)].paragraphs] == [("c", "removed")]  # type: ignore[union-attr]
    assert [(n.id, n.change) for n in steps[D(2021, 3, 1)].notes] == [("Note 1", "added")]  # type: ignore[union-attr]
    assert set(steps[D(2022, 1, 1)].fields) == {"heading"}  # type: ignore[union-attr]
    ((date, change, after),) = entry_history(docs.entries["1A002"])
    assert date == D(2021, 1, 1) and change is None and after is not None and after.heading == "Comes in"
    ((date, change, after),) = entry_history(docs.entries["1A003"])
    assert date == D(2021, 1, 1) and change is None and after is None


def test_a_proposed_amendment_against_the_reference_list(tmp_path: Path) -> None:
    docs = write_list(tmp_path / "t", ENTRIES)
    proposed: dict[str, Any] = dict(docs.entries)
    proposed["1A004"] = {"id": "1A004", "heading": "Unchanged, but reworded"}
    proposed["2B001"] = {"id": "2B001", "heading": "A new entry"}
    del proposed["1A002"]
    diff = diff_docs(docs.entries, proposed, D(2023, 1, 1))
    assert diff.added == ("2B001",) and diff.removed == ("1A002",)
    assert [(c.entry, list(c.fields)) for c in diff.changed] == [("1A004", ["heading"])]


def test_the_curated_3a090_between_the_first_rule_and_the_diffusion_rule() -> None:
    docs = load_docs(list_folder("us-ccl"))
    diff = diff_dates(docs, D(2022, 10, 7), D(2025, 1, 1), only=["3A090"])
    (change,) = diff.changed
    parts = {p.id: p for p in change.paragraphs}
    assert parts["b"].change == "added" and parts["c"].change == "added"
    assert "criterion" in parts["a"].fields and change.controls_added and change.controls_removed
    assert diff_dates(docs, D(2021, 1, 1), D(2023, 1, 1), only=["3A090"]).added == ("3A090",)


_TEXTS = st.sampled_from(["Lasers", "Wafers", "Etch tools", "[Reserved]"])
_PARAGRAPHS = st.dictionaries(st.sampled_from(["a", "b", "a.1", "c"]), _TEXTS, max_size=3)
_ENTRY = st.builds(
    lambda heading, paragraphs: {
        "heading": heading,
        "paragraphs": [{"id": k, "text": v} for k, v in paragraphs.items()],
    },
    _TEXTS,
    _PARAGRAPHS,
)
_LIST = st.dictionaries(st.sampled_from(["1A001", "1A002", "3B001", "5A002"]), _ENTRY, max_size=4).map(
    lambda entries: {eccn: EntryDoc.model_validate({"id": eccn, **body}) for eccn, body in entries.items()}
)


@settings(max_examples=60, deadline=None)
@given(_LIST, _LIST)
def test_diff_properties(a: dict[str, EntryDoc], b: dict[str, EntryDoc]) -> None:
    day = D(2024, 1, 1)
    assert diff_docs(a, a, day).empty
    forth, back = diff_docs(a, b, day), diff_docs(b, a, day)
    assert forth.added == back.removed and forth.removed == back.added
    assert [c.entry for c in forth.changed] == [c.entry for c in back.changed]
    for there, here in zip(forth.changed, back.changed, strict=True):
        assert {p.id for p in there.paragraphs if p.change == "added"} == {
            p.id for p in here.paragraphs if p.change == "removed"
        }
