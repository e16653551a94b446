"""The columnar engine gives the row-by-row engine's answers, item for item."""

import datetime as dt
from typing import Any

import pytest
from bench.items import generate
from hypothesis import given, settings
from hypothesis import strategies as st

from regime.classify.columnar import classify_many
from regime.classify.engine import Brief, classify_brief
from regime.errors import InputError
from regime.lists.registry import compiled_list
from regime.model.catalogue import load_catalogue
from regime.model.item import Item

DATES = (dt.date(2023, 1, 1), dt.date(2024, 6, 1), dt.date(2025, 6, 1))


def same(a: Brief, b: Brief) -> bool:
    return (set(a.classes), set(a.undecided), set(a.released), a.fallback) == (
        set(b.classes),
        set(b.undecided),
        set(b.released),
        b.fallback,
    )


@pytest.mark.parametrize("as_of", DATES)
def test_the_catalogue_and_generated_items_get_the_same_answers(as_of: dt.date) -> None:
    catalogue = load_catalogue()
    clist = compiled_list("us-ccl", as_of)
    items = [*catalogue.values(), *generate(900, seed=as_of.year)]
    batch = classify_many(items, clist, catalogue=catalogue)
    for item, answer in zip(items, batch, strict=True):
        assert same(answer, classify_brief(item, clist, catalogue=catalogue)), item.name


maybe = lambda strategy: st.one_of(st.none(), strategy)  # noqa: E731
chips = st.fixed_dictionaries(
    {
        "item_type": st.just("integrated_circuit"),
        "ic_function": maybe(st.sampled_from(["logic", "memory"])),
        "tpp": maybe(st.floats(0, 30_000)),
        "applicable_die_area": maybe(st.floats(1, 1000)),
        "interconnect_bandwidth": maybe(st.floats(0, 2000)),
        "designed_for_datacenter": maybe(st.booleans()),
        "memory_bandwidth": maybe(st.floats(0, 2000)),
        "package_area": maybe(st.floats(1, 500)),
        "cryptography_for_data_confidentiality": maybe(st.booleans()),
        "symmetric_key_length": maybe(st.sampled_from([40.0, 56.0, 128.0, 256.0])),
        "primary_function": maybe(st.sampled_from(["computing", "networking", "information_security", "media"])),
        "generally_available_at_retail": maybe(st.booleans()),
    }
)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(chips, min_size=1, max_size=12), servers=st.integers(0, 3))
def test_random_facts_and_containment_give_the_same_answers(rows: list[dict[str, Any]], servers: int) -> None:
    clist = compiled_list("us-ccl", dt.date(2025, 6, 1))
    items = [
        Item(name=f"chip {i}", parameters={k: v for k, v in row.items() if v is not None}) for i, row in enumerate(rows)
    ]
    for n in range(servers):
        parts = [{"item": chip} for chip in items[n::3]] or [{"item": items[0]}]
        items.append(Item(name=f"server {n}", parameters={"item_type": "computer", "tpp": 0}, contains=parts))  # type: ignore[arg-type]
    batch = classify_many(items, clist)
    for item, answer in zip(items, batch, strict=True):
        assert same(answer, classify_brief(item, clist)), item.name


def test_a_bad_fact_in_a_batch_names_its_item() -> None:
    clist = compiled_list("us-ccl", dt.date(2025, 6, 1))
    good = Item(name="good", parameters={"item_type": "integrated_circuit", "tpp": 100})
    bad = Item(id="bad-chip", name="bad", parameters={"item_type": "integrated_circuit", "tpp": "lots"})
    with pytest.raises(InputError, match="item bad-chip: tpp"):
        classify_many([good, bad], clist)
