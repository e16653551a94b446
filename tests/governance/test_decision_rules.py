"""Decision rules as pure functions, with properties that must hold for any votes."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regime.governance.decision_rules import DecisionRule, Position, RuleKind, decide

MEMBERS = [f"M{i}" for i in range(7)]
FOUNDERS = MEMBERS[:3]
CONSENSUS = DecisionRule(kind=RuleKind.CONSENSUS)
UNANIMITY = DecisionRule(kind=RuleKind.UNANIMITY_WITH_VETO)
TWO_THIRDS = DecisionRule(kind=RuleKind.QUALIFIED_MAJORITY, threshold=Fraction(2, 3))
TWO_THIRDS_CAST = DecisionRule(kind=RuleKind.QUALIFIED_MAJORITY, threshold=Fraction(2, 3), basis="cast")
CORE = DecisionRule(kind=RuleKind.FOUNDING_CORE)
RULES = [CONSENSUS, UNANIMITY, TWO_THIRDS, TWO_THIRDS_CAST, CORE]

votes = st.dictionaries(st.sampled_from(MEMBERS), st.sampled_from(list(Position)))


@given(votes, st.sampled_from(MEMBERS))
def test_under_consensus_one_objection_always_blocks(ballot: dict[str, Position], objector: str) -> None:
    outcome = decide(CONSENSUS, MEMBERS, {**ballot, objector: Position.NO})
    assert not outcome.adopted
    assert objector in outcome.blocked_by


@given(votes, st.sampled_from(MEMBERS), st.sampled_from(RULES))
def test_adding_a_yes_never_turns_adoption_into_rejection(
    ballot: dict[str, Position], member: str, rule: DecisionRule
) -> None:
    before = decide(rule, MEMBERS, ballot, FOUNDERS)
    after = decide(rule, MEMBERS, {**ballot, member: Position.YES}, FOUNDERS)
    assert not (before.adopted and not after.adopted)


@given(votes, st.sampled_from(RULES), st.randoms())
def test_the_order_votes_are_read_in_does_not_matter(
    ballot: dict[str, Position], rule: DecisionRule, rnd: random.Random
) -> None:
    items = list(ballot.items())
    rnd.shuffle(items)
    assert decide(rule, MEMBERS, dict(items), FOUNDERS) == decide(rule, MEMBERS, ballot, FOUNDERS)


@given(votes)
def test_unanimity_adopts_only_when_every_member_says_yes(ballot: dict[str, Position]) -> None:
    everyone_yes = all(ballot.get(m) is Position.YES for m in MEMBERS)
    assert decide(UNANIMITY, MEMBERS, ballot).adopted == everyone_yes


@given(votes)
def test_a_threshold_of_all_members_at_one_is_unanimity(ballot: dict[str, Position]) -> None:
    all_of_them = DecisionRule(kind=RuleKind.QUALIFIED_MAJORITY, threshold=Fraction(1))
    assert decide(all_of_them, MEMBERS, ballot).adopted == decide(UNANIMITY, MEMBERS, ballot).adopted


@given(votes, st.sampled_from(FOUNDERS))
def test_no_admission_without_every_founder(ballot: dict[str, Position], founder: str) -> None:
    ballot = {**ballot, founder: Position.ABSTAIN}
    outcome = decide(CORE, MEMBERS, ballot, FOUNDERS)
    assert not outcome.adopted
    assert founder in outcome.awaiting or outcome.blocked_by


def test_consensus_needs_some_support_and_names_the_objector() -> None:
    assert not decide(CONSENSUS, MEMBERS, {}).adopted
    assert decide(CONSENSUS, MEMBERS, {"M1": Position.YES, "M2": Position.ABSTAIN}).adopted
    blocked = decide(CONSENSUS, MEMBERS, {"M1": Position.YES, "M4": Position.NO})
    assert blocked.blocked_by == ("M4",)
    assert "M4 objected" in blocked.explanation


def test_a_veto_is_named_as_such() -> None:
    outcome = decide(UNANIMITY, MEMBERS, dict.fromkeys(MEMBERS, Position.YES) | {"M6": Position.NO})
    assert (outcome.adopted, outcome.blocked_by) == (False, ("M6",))
    assert "vetoed" in outcome.explanation


def test_two_thirds_of_seven_members_needs_five() -> None:
    four = dict.fromkeys(MEMBERS[:4], Position.YES)
    assert not decide(TWO_THIRDS, MEMBERS, four).adopted
    assert decide(TWO_THIRDS, MEMBERS, four | {"M4": Position.YES}).adopted
    assert decide(TWO_THIRDS_CAST, MEMBERS, {"M0": Position.YES, "M1": Position.YES, "M2": Position.NO}).adopted


def test_votes_from_non_members_are_refused() -> None:
    with pytest.raises(ValueError, match="not members: XX"):
        decide(CONSENSUS, MEMBERS, {"XX": Position.YES})


def test_a_threshold_belongs_to_qualified_majority_only() -> None:
    with pytest.raises(ValueError, match="threshold"):
        DecisionRule(kind=RuleKind.QUALIFIED_MAJORITY)
    with pytest.raises(ValueError, match="threshold"):
        DecisionRule(kind=RuleKind.CONSENSUS, threshold=Fraction(2, 3))
    assert DecisionRule.model_validate({"kind": "qualified_majority", "threshold": "2/3"}).threshold == Fraction(2, 3)
