"""Reforms: an amendment applied from a date on, classified against before adoption, history kept."""

import datetime as dt

import pytest

from regime.classify.engine import classify
from regime.errors import InputError
from regime.lists.compiled import compile_list
from regime.lists.dated import Dated
from regime.lists.loader import list_folder, load_docs
from regime.lists.reform import Reform, apply_reform, from_date, reform_from_yaml
from regime.model.catalogue import load_catalogue
from regime.model.item import Item

EFFECTIVE = dt.date(2027, 1, 1)
LOWER_TPP = {
    "name": "Lower the 3A090.a TPP threshold to 2400",
    "effective": "2027-01-01",
    "entries": [
        {
            **load_docs(list_folder("us-ccl"))
            .entries["3A090"]
            .model_dump(mode="json", exclude={"paragraphs", "in_force"}),
            "paragraphs": [
                {"id": "a", "text": "Integrated circuits with a TPP of 2400 or more", "criterion": "tpp >= 2400"},
                {
                    "id": "b",
                    "text": "Integrated circuits in the 3A090.b band",
                    "criterion": "1600 <= tpp < 2400 and performance_density >= 1.6",
                },
                {
                    "id": "c",
                    "text": "High bandwidth memory",
                    "criterion": 'ic_function == "memory" and memory_bandwidth_density > 2 GB/s/mm^2',
                },
            ],
        }
    ],
}


def test_from_date_keeps_the_past_and_collapses_unchanged_steps() -> None:
    old = Dated.parse({"2022-10-07": "x", "2023-11-17": "y"})
    new = from_date(old, EFFECTIVE, "z")
    assert new.at(dt.date(2023, 1, 1)) == "x" and new.at(dt.date(2024, 1, 1)) == "y" and new.at(EFFECTIVE) == "z"
    assert from_date(old, EFFECTIVE, "y").change_dates() == old.change_dates()


def test_a_reform_is_classified_against_before_adoption_and_history_is_kept() -> None:
    catalogue = load_catalogue()
    docs = load_docs(list_folder("us-ccl"))
    reformed = apply_reform(docs, reform_from_yaml(LOWER_TPP))
    h20 = catalogue["nvidia-h20"]  # TPP 2,368: just under 2,400
    card = Item(
        name="datacenter inference card",
        parameters={
            "item_type": "integrated_circuit",
            "ic_function": "logic",
            "tpp": 3000,
            "applicable_die_area": "1500 mm^2",
            "designed_for_datacenter": True,
        },
    )
    after = compile_list(reformed.at(EFFECTIVE))
    assert "3A090.a" in classify(card, after).classes
    assert classify(h20, after, catalogue=catalogue).classes == ["3A090.b"]
    before = compile_list(reformed.at(dt.date(2024, 6, 1)))
    assert "3A090.b" in classify(card, before).classes
    entry = reformed.entries["3A090"]
    criterion = next(p for p in entry.paragraphs if p.id == "a").criterion
    assert criterion.at(dt.date(2023, 1, 1)) == "tpp >= 4800 and interconnect_bandwidth >= 600 GB/s"
    assert criterion.at(EFFECTIVE) == "tpp >= 2400"
    gone = next(p for p in entry.paragraphs if p.id == "a.1")
    assert gone.in_force.covers(dt.date(2024, 1, 1)) and not gone.in_force.covers(EFFECTIVE)


def test_removing_an_entry_ends_it_on_the_date() -> None:
    docs = load_docs(list_folder("us-ccl"))
    reformed = apply_reform(docs, Reform(name="drop 4A090", effective=EFFECTIVE, remove=("4A090",)))
    assert "4A090" in reformed.at(dt.date(2026, 1, 1)).entries
    assert "4A090" not in reformed.at(EFFECTIVE).entries
    with pytest.raises(InputError, match="does not have"):
        apply_reform(docs, Reform(name="bad", effective=EFFECTIVE, remove=("9Z999",)))


def test_a_bad_reform_names_the_entry_and_field() -> None:
    with pytest.raises(InputError, match=r"entries\[0\]"):
        reform_from_yaml({"name": "x", "effective": "2027-01-01", "entries": [{"heading": "no id"}]})
    with pytest.raises(InputError, match="expected a date"):
        reform_from_yaml({"name": "x", "effective": "soon"})
