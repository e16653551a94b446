"""Properties the rules must keep: more performance never decontrols; order never matters."""

import datetime as dt
import random
from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st

from regime.classify.engine import classify
from regime.lists.compiled import compile_list
from regime.lists.registry import compiled_list
from regime.model.catalogue import load_catalogue
from regime.model.item import Item

AS_OF = dt.date(2024, 6, 1)
CCL = compiled_list("us-ccl", AS_OF)
MTCR = compiled_list("mtcr-annex", AS_OF)


def controlled(item: Item, prefix: str, clist=CCL) -> bool:  # type: ignore[no-untyped-def]
    return any(c.startswith(prefix) for c in classify(item, clist).classes)


chip = st.fixed_dictionaries(
    {
        "tpp": st.floats(100, 40_000),
        "performance_density": st.floats(0.1, 40),
        "designed_for_datacenter": st.booleans(),
    }
)


@settings(max_examples=200, deadline=None)
@given(facts=chip, raise_tpp=st.floats(1.0, 5.0), raise_density=st.floats(1.0, 5.0))
def test_raising_tpp_or_density_never_decontrols(
    facts: Mapping[str, object], raise_tpp: float, raise_density: float
) -> None:
    base = {"item_type": "integrated_circuit", "ic_function": "logic", **facts}
    item = Item(name="chip", parameters=base)
    if not controlled(item, "3A090"):
        return
    tpp, density = float(facts["tpp"]), float(facts["performance_density"])  # type: ignore[arg-type]
    stronger = Item(
        name="chip+", parameters={**base, "tpp": tpp * raise_tpp, "performance_density": density * raise_density}
    )
    assert controlled(stronger, "3A090")


@settings(max_examples=100, deadline=None)
@given(payload=st.floats(1, 5000), reach=st.floats(10, 5000), more=st.floats(1.0, 10.0))
def test_raising_payload_or_range_never_decontrols_a_rocket(payload: float, reach: float, more: float) -> None:
    base = {"item_type": "rocket_system", "payload": payload, "range": reach}
    if not controlled(Item(name="r", parameters=base), "", MTCR):
        return
    for key in ("payload", "range"):
        stronger = Item(name="r+", parameters={**base, key: float(base[key]) * more})  # type: ignore[arg-type]
        assert controlled(stronger, "", MTCR)


def _answers(clist, catalogue) -> dict[str, tuple[object, ...]]:  # type: ignore[no-untyped-def]
    out = {}
    for key, item in catalogue.items():
        r = classify(item, clist, catalogue=catalogue)
        out[key] = (
            tuple(sorted(r.classes)),
            tuple(sorted(x.ref for x in r.released)),
            tuple(sorted(x.ref for x in r.indeterminate)),
            tuple(sorted(x.message for x in r.near_misses)),
        )
    return out


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_the_answer_does_not_depend_on_the_order_of_entries_or_paragraphs(seed: int) -> None:
    catalogue = load_catalogue()
    snapshot = CCL.snapshot
    rng = random.Random(seed)
    ids = list(snapshot.entries)
    rng.shuffle(ids)
    shuffled = {}
    for entry_id in ids:
        entry = snapshot.entries[entry_id]
        paragraphs = list(entry.paragraphs)
        rng.shuffle(paragraphs)
        shuffled[entry_id] = entry.model_copy(update={"paragraphs": tuple(paragraphs)})
    reordered = compile_list(snapshot.model_copy(update={"entries": shuffled}))
    assert _answers(reordered, catalogue) == _answers(CCL, catalogue)
