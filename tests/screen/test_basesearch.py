"""The re-screen's candidate search: no record that can reach the similarity floor is missed."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from regime.screen import basestore
from regime.screen.basesearch import _heaviest, _weighing, form_candidates, similarity_bounds
from regime.screen.kernels import similarity_bound
from regime.screen.normalise import name_form
from regime.screen.query import Query, prepare
from regime.screen.similarity import align, dice_floor

weight = st.floats(0.25, 8.0, allow_nan=False)
WORDS = [
    "huawei",
    "hua",
    "wei",
    "huawey",
    "technologies",
    "technology",
    "trading",
    "co",
    "ltd",
    "de",
    "of",
    "the",
    "j",
    "john",
    "jon",
    "smith",
    "smyth",
    "a",
    "acme",
    "international",
    "mehmet",
    "mehta",
    "weihua",
    "and",
    "m",
    "s",
    "sa",
]
name = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)


def _bound(have_q: float, have_m: float, total: float, theirs: float) -> tuple[float, float]:
    """Dice and similarity bounds of names that matched at most ``have_q`` and ``have_m``."""
    have_q, have_m = min(have_q, total), min(have_m, theirs)
    return (have_q + have_m) / (total + theirs), similarity_bound(have_q, have_m, total, theirs)


@settings(deadline=None)  # the first call loads the compiled kernels
@given(weight, st.floats(0.0, 8.0), st.floats(0.0, 8.0), weight, st.floats(0.3, 0.95))
def test_no_record_heavier_than_the_cut_can_reach_the_floor(
    total: float, most_q: float, most_m: float, theirs: float, floor: float
) -> None:
    dice, similarity = _bound(most_q, most_m, total, theirs)
    if similarity >= floor and dice >= dice_floor(floor):
        assert theirs <= _heaviest((most_q, most_m), total, floor)


@settings(deadline=None)
@given(weight, st.floats(0.0, 8.0), st.floats(0.0, 8.0), weight, weight)
def test_a_record_is_bounded_highest_at_the_weight_it_is_bounded_at(
    total: float, have_q: float, have_m: float, lightest: float, more: float
) -> None:
    at = float(_weighing(np.array([lightest]), np.array([have_m]))[0])
    highest = _bound(have_q, have_m, total, at)
    heavier = _bound(have_q, have_m, total, lightest + more)
    assert heavier[0] <= highest[0] + 1e-9 and heavier[1] <= highest[1] + 1e-9
    assert _bound(have_q, have_m, total, lightest)[0] <= highest[0] + 1e-9


@settings(deadline=None)
@given(st.floats(0.0, 8.0), st.floats(0.0, 8.0), weight, weight)
def test_the_bounds_over_arrays_are_the_kernel_s(have_q: float, have_m: float, total: float, theirs: float) -> None:
    have_q, have_m = min(have_q, total), min(have_m, theirs)
    found = similarity_bounds(np.array([have_q]), np.array([have_m]), total, np.array([theirs]))
    assert abs(float(found[0]) - similarity_bound(have_q, have_m, total, theirs)) <= 1e-12


@settings(max_examples=150, deadline=None)
@given(st.lists(name, min_size=1, max_size=25), name, st.floats(0.45, 0.95))
def test_every_record_that_can_reach_the_floor_is_a_candidate(records: list[str], entry: str, floor: float) -> None:
    prepared = [prepare(Query(name=text)) for text in records]
    listed = name_form(entry)
    with closing(sqlite3.connect(":memory:")) as db:
        db.executescript(basestore.SCHEMA)
        basestore.write_records(db, ((rid, p.query, p.forms + p.literal) for rid, p in enumerate(prepared)))
        db.executescript(basestore.INDEXES)
        found = form_candidates(db, listed, floor, basestore.Lists(db))
    for rid, one in enumerate(prepared):
        for form in one.forms + one.literal:
            if align(form, listed).similarity >= floor:
                assert rid in found, (records[rid], entry)
