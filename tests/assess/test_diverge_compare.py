"""The pure comparison: leaks mirror when the members are swapped, and never appear where members agree."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regime.assess.diverge.compare import Verdict, compare_members, compare_pair, leak, leak_entries
from regime.determine.result import Outcome

outcomes = st.sampled_from(list(Outcome))
entries = st.lists(st.sampled_from(["3A090.a RS", "eu-annex-i 3B001.f.1", "nl-national 3B001.f.4"]), max_size=2)


@st.composite
def verdicts(draw: st.DrawFn, transaction: str = "t", member: str = "a") -> Verdict:
    outcome = draw(outcomes)
    at_least = draw(st.none() | outcomes) if outcome is Outcome.INDETERMINATE else None
    return Verdict(transaction, member, outcome, at_least, requirements=tuple(draw(entries)))


@given(verdicts(member="a"), verdicts(member="b"))
def test_a_leak_one_way_is_the_same_leak_the_other_way_round(a: Verdict, b: Verdict) -> None:
    one, other = leak(a, b), leak(b, a)
    assert one is None or other is None  # never both ways at once
    swapped = compare_pair("b", "a", [b], [a])
    forward = compare_pair("a", "b", [a], [b])
    assert forward.leaks == swapped.leaks
    assert forward.through("a") == swapped.through("a")
    if one is not None:
        assert (one.permissive, one.strict, one.entries) == ("a", "b", b.requirements)


@given(verdicts(member="a"))
def test_no_leak_when_both_decide_the_same(a: Verdict) -> None:
    b = Verdict(a.transaction, "b", a.outcome, a.at_least, a.exceptions, a.requirements)
    pair = compare_pair("a", "b", [a], [b])
    assert pair.leaks == ()
    assert pair.agree + len(pair.unresolved) == 1


@given(st.lists(st.tuples(outcomes, outcomes), min_size=1, max_size=12))
def test_every_transaction_is_counted_once(rows: list[tuple[Outcome, Outcome]]) -> None:
    first = [Verdict(f"t{i}", "a", x) for i, (x, _) in enumerate(rows)]
    second = [Verdict(f"t{i}", "b", y) for i, (_, y) in enumerate(rows)]
    pair = compare_pair("a", "b", first, second)
    assert len(pair.leaks) + pair.agree + pair.differ + len(pair.unresolved) == len(rows)
    expected = sum(
        1 for x, y in rows if {x.rank, y.rank} & {0, 1} and max(x.rank, y.rank) >= 2 and min(x.rank, y.rank) >= 0
    )
    assert len(pair.leaks) == expected


def test_an_indeterminate_answer_that_already_requires_a_licence_refuses() -> None:
    free = Verdict("t", "us", Outcome.EXCEPTION_AVAILABLE, exceptions=("ENC",))
    open_strict = Verdict(
        "t", "nl", Outcome.INDETERMINATE, Outcome.LICENCE_REQUIRED, requirements=("eu-annex-i 5A002.a",)
    )
    open_free = Verdict("t", "jp", Outcome.INDETERMINATE, Outcome.NO_LICENCE_REQUIRED)
    found = leak(free, open_strict)
    assert found is not None and found.refused is Outcome.LICENCE_REQUIRED and found.allowed.endswith("(ENC)")
    assert leak(free, open_free) is None and leak(open_free, open_strict) is None
    assert compare_pair("us", "jp", [free], [open_free]).unresolved == ("t",)


def test_pairs_follow_the_members_order_and_entries_are_counted() -> None:
    rows = [
        Verdict("x", "us", Outcome.PRESUMPTION_OF_DENIAL, requirements=("3A090.a RS",)),
        Verdict("x", "nl", Outcome.NO_LICENCE_REQUIRED),
        Verdict("x", "jp", Outcome.NO_LICENCE_REQUIRED),
    ]
    pairs = compare_members(rows, ["us", "nl", "jp"])
    assert [(p.first, p.second) for p in pairs] == [("us", "nl"), ("us", "jp"), ("nl", "jp")]
    assert [len(p.through("nl")) for p in pairs] == [1, 0, 0]
    assert leak_entries(pairs) == {"3A090.a RS": 2}


def test_verdicts_on_different_transactions_are_refused() -> None:
    with pytest.raises(ValueError, match="different transactions"):
        leak(Verdict("x", "a", Outcome.NO_LICENCE_REQUIRED), Verdict("y", "b", Outcome.PROHIBITED))
    with pytest.raises(ValueError, match="one verdict per transaction"):
        compare_pair("a", "b", [Verdict("x", "a", Outcome.PROHIBITED)], [])
