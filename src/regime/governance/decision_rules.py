"""Decision rules as pure functions: given the members, the founders and the votes, adopted or not, and why.

- ``consensus`` (Wassenaar, MTCR, NSG, AG): adopted when at least one member supports and none
  objects; any one member blocks.
- ``unanimity_with_veto`` (COCOM): every member must say yes; a no is a veto. Applied to export
  cases it gives each member a veto over another member's individual exports.
- ``qualified_majority``: yes votes reach ``threshold`` of all members (``basis: members``) or of
  the yes and no votes cast (``basis: cast``).
- ``founding_core`` (the MTCR's small founding group): every founder must say yes and nobody objects.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Position(StrEnum):
    """A member's position on a ballot."""

    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"


class RuleKind(StrEnum):
    """The kinds of decision rule a regime can use."""

    CONSENSUS = "consensus"
    UNANIMITY_WITH_VETO = "unanimity_with_veto"
    QUALIFIED_MAJORITY = "qualified_majority"
    FOUNDING_CORE = "founding_core"


class DecisionRule(BaseModel):
    """One rule, with its threshold and basis when it is a qualified majority."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: RuleKind
    threshold: Fraction | None = Field(default=None, gt=Fraction(1, 2), le=1)
    basis: Literal["members", "cast"] = "members"

    @model_validator(mode="after")
    def _threshold_only_for_majority(self) -> DecisionRule:
        if (self.kind is RuleKind.QUALIFIED_MAJORITY) != (self.threshold is not None):
            raise ValueError("a threshold (e.g. '2/3') is required for, and only for, qualified_majority")
        return self


class DecisionRules(BaseModel):
    """Which rule decides what. ``export_case`` absent: members' licences are national decisions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    default: DecisionRule
    admission: DecisionRule | None = None
    list_amendment: DecisionRule | None = None
    export_case: DecisionRule | None = None

    def for_kind(self, kind: Literal["admission", "list_amendment"]) -> DecisionRule:
        """The rule for admissions or list amendments (the default when not set)."""
        return getattr(self, kind) or self.default


@dataclass(frozen=True)
class Outcome:
    """A decision: adopted or not, who blocked, whose vote is still awaited, and a sentence saying why."""

    adopted: bool
    blocked_by: tuple[str, ...]
    awaiting: tuple[str, ...]
    explanation: str


def decide(
    rule: DecisionRule,
    members: Collection[str],
    votes: Mapping[str, Position],
    founders: Collection[str] = (),
) -> Outcome:
    """Apply ``rule`` to ``votes`` (member -> position); members who did not vote are absent."""
    strangers = sorted(set(votes) - set(members))
    if strangers:
        raise ValueError(f"votes from states that are not members: {', '.join(strangers)}")
    yes = sorted(m for m, p in votes.items() if p is Position.YES)
    no = sorted(m for m, p in votes.items() if p is Position.NO)
    if rule.kind is RuleKind.CONSENSUS:
        return _consensus(yes, no)
    if rule.kind is RuleKind.UNANIMITY_WITH_VETO:
        return _unanimity(sorted(members), yes, no)
    if rule.kind is RuleKind.FOUNDING_CORE:
        return _founding_core(sorted(set(founders) & set(members)), yes, no)
    assert rule.threshold is not None
    return _qualified_majority(rule.threshold, rule.basis, len(members), yes, no)


def _consensus(yes: list[str], no: list[str]) -> Outcome:
    if no:
        return Outcome(False, tuple(no), (), f"blocked under consensus: {', '.join(no)} objected")
    if not yes:
        return Outcome(False, (), (), "not adopted: no member supported it")
    return Outcome(True, (), (), f"adopted by consensus: {len(yes)} in favour, no objection")


def _unanimity(members: list[str], yes: list[str], no: list[str]) -> Outcome:
    if no:
        return Outcome(False, tuple(no), (), f"vetoed under unanimity: {', '.join(no)} voted no")
    awaiting = tuple(m for m in members if m not in yes)
    if awaiting:
        return Outcome(False, (), awaiting, f"not adopted: unanimity needs a yes from {', '.join(awaiting)}")
    return Outcome(True, (), (), f"adopted unanimously by all {len(members)} members")


def _founding_core(founders: list[str], yes: list[str], no: list[str]) -> Outcome:
    if no:
        return Outcome(False, tuple(no), (), f"blocked: {', '.join(no)} objected")
    awaiting = tuple(f for f in founders if f not in yes)
    if awaiting:
        return Outcome(False, (), awaiting, f"not adopted: the founders' consent is missing from {', '.join(awaiting)}")
    if not yes:
        return Outcome(False, (), (), "not adopted: no member supported it")
    return Outcome(True, (), (), f"adopted with the consent of all {len(founders)} founders and no objection")


def _qualified_majority(threshold: Fraction, basis: str, members: int, yes: list[str], no: list[str]) -> Outcome:
    base = members if basis == "members" else len(yes) + len(no)
    needed = max(1, math.ceil(threshold * base))
    share = f"{threshold.numerator}/{threshold.denominator} of {'all members' if basis == 'members' else 'votes cast'}"
    if len(yes) >= needed:
        return Outcome(True, (), (), f"adopted: {len(yes)} in favour, {share} needs {needed}")
    blockers = tuple(no)
    return Outcome(False, blockers, (), f"not adopted: {len(yes)} in favour, {share} needs {needed}")
