"""The smallest covering membership: greedy versus exhaustive, and properties over random tables."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from regime.assess.context import SupplyData
from regime.assess.cover import exact_cover, greedy_cover, smallest_cover
from regime.assess.coverage import InputShares

from .builders import shares

# Set cover where greedy goes wrong: BIG serves four inputs, O1 and O2 three each and serve all six.
TRAP = [
    shares("i1", {"BIG": 0.5, "O1": 0.5}),
    shares("i2", {"BIG": 0.5, "O1": 0.5}),
    shares("i3", {"C3": 0.5, "O1": 0.5}),
    shares("i4", {"BIG": 0.5, "O2": 0.5}),
    shares("i5", {"BIG": 0.5, "O2": 0.5}),
    shares("i6", {"C6": 0.5, "O2": 0.5}),
]


def test_greedy_is_not_always_smallest_and_exhaustive_is() -> None:
    greedy = greedy_cover(TRAP, 0.5)
    exact = exact_cover(TRAP, 0.5)
    assert greedy.members == ("BIG", "C3", "C6")
    assert exact is not None and exact.members == ("O1", "O2")
    assert exact.method == "exhaustive" and greedy.method == "greedy"
    assert smallest_cover(TRAP, 0.5).members == ("O1", "O2")


def test_search_falls_back_to_greedy_past_the_limit() -> None:
    assert exact_cover(TRAP, 0.5, limit=3) is None
    assert smallest_cover(TRAP, 0.5, limit=3).method == "greedy"


def test_unreachable_inputs_are_set_aside_with_the_reason() -> None:
    inputs = [
        shares("a", {"US": 0.95}),
        shares("b", {"CN": 0.5, "US": 0.4}, (("Various", None, 0.1),)),
        shares("c", {}),
    ]
    cover = smallest_cover(inputs, 0.9, exclude=["CN"])
    assert cover.members == ("US",)
    assert "without CN" in cover.set_aside["b"]
    assert cover.set_aside["c"] == "no shares in the table"


def test_extension_keeps_the_base_and_adds_only_what_is_needed() -> None:
    inputs = [shares("a", {"US": 0.5, "JP": 0.45, "KR": 0.05}), shares("b", {"NL": 0.95, "DE": 0.05})]
    cover = smallest_cover(inputs, 0.9, base=["US", "JP"])
    assert cover.added == ("NL",)
    assert set(cover.members) == {"US", "JP", "NL"}


COUNTRIES = ["AA", "BB", "CC", "DD", "EE", "FF"]


@st.composite
def tables(draw: st.DrawFn) -> list[InputShares]:
    inputs = []
    for n in range(draw(st.integers(1, 4))):
        raw = draw(st.lists(st.integers(0, 100), min_size=len(COUNTRIES), max_size=len(COUNTRIES)))
        residual = draw(st.integers(0, 20))
        scale = max(100, sum(raw) + residual)
        countries = {c: r / scale for c, r in zip(COUNTRIES, raw, strict=True) if r}
        group = frozenset(draw(st.sets(st.sampled_from(COUNTRIES), min_size=1, max_size=3)))
        inputs.append(shares(f"i{n}", countries, (("group", group, residual / scale),)))
    return inputs


@settings(max_examples=60, deadline=None)
@given(tables(), st.sets(st.sampled_from(COUNTRIES)), st.sampled_from(COUNTRIES))
def test_adding_a_member_never_lowers_coverage(inputs: list[InputShares], members: set[str], extra: str) -> None:
    for item in inputs:
        assert item.member_share(members | {extra}) >= item.member_share(members) - 1e-12


@settings(max_examples=60, deadline=None)
@given(tables(), st.sampled_from([0.5, 0.8, 0.9]))
def test_covers_reach_the_target_and_exhaustive_is_truly_smallest(inputs: list[InputShares], target: float) -> None:
    greedy = greedy_cover(inputs, target)
    exact = exact_cover(inputs, target)
    assert exact is not None
    for cover in (greedy, exact):
        kept = [i for i in inputs if i.input_id not in cover.set_aside]
        assert all(i.member_share(set(cover.members)) >= target - 1e-9 for i in kept)
    assert len(exact.members) <= len(greedy.members)
    kept = [i for i in inputs if i.input_id not in exact.set_aside]
    smaller = [set(c) for k in range(len(exact.members)) for c in combinations(COUNTRIES, k)]
    assert not any(all(i.member_share(s) >= target - 1e-9 for i in kept) for s in smaller)


def test_real_table_cover_reaches_ninety_percent(supply: SupplyData) -> None:
    inputs = [supply.shares(t.input) for t in supply.technologies]
    cover = smallest_cover(inputs, 0.9)
    assert cover.method == "exhaustive"
    assert all(share >= 0.9 - 1e-9 for share in cover.reached.values())
    assert {"N2", "N4", "N31"} <= set(cover.set_aside)
    assert {"US", "JP", "NL"} <= set(cover.members)
