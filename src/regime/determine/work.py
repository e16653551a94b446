"""The working record of one determination: steps, requirements, exception trials, open questions.

Rule modules append to it in the order of the analysis; ``outcome.conclude`` reads it into a
``Determination``. Steps that do not depend on the transaction's value are shared between
determinations through the memo, so appending is cheap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from regime.countries.iso import Country
from regime.determine.memo import Memo
from regime.determine.result import Effect, ExceptionTrial, Outcome, Requirement, ReviewPolicy, Step


def make_step(rule: str, citation: str, finding: str, effect: Effect = "info") -> Step:
    """A trace step, built without re-validation (the engine writes well-formed ones)."""
    return Step.model_construct(rule=rule, citation=citation, finding=finding, effect=effect)


def outcome_for(policy: ReviewPolicy | None) -> Outcome:
    """A licence requirement reads as a presumption of denial when its policy is that strict."""
    return Outcome.PRESUMPTION_OF_DENIAL if policy is not None and policy.rank >= 2 else Outcome.LICENCE_REQUIRED


@dataclass(slots=True)
class Work:
    """Everything found so far about one transaction under one member's rules."""

    member: str
    member_name: str
    label: str
    date: dt.date
    destination: Country | None
    trace: list[Step] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    trials: list[ExceptionTrial] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    cleared_by: str | None = None
    no_exceptions: list[str] = field(default_factory=list)
    could_clear: bool = False
    checked: str = "the rules read"

    def step(self, rule: str, citation: str, finding: str, effect: Effect = "info") -> None:
        """Append a step."""
        self.trace.append(make_step(rule, citation, finding, effect))

    def open(self, rule: str, citation: str, missing: str, *, clears: bool = False) -> None:
        """Record a fact the answer needs; ``clears`` when knowing it could lift what was found (de minimis)."""
        self.could_clear = self.could_clear or clears
        if missing not in self.missing:
            self.missing.append(missing)
        self.trace.append(make_step(rule, citation, f"needs: {missing}", "open"))

    def require(self, requirement: Requirement, finding: str) -> None:
        """Record a licence requirement (once per id) with the step that found it."""
        effect: Effect = "prohibits" if requirement.outcome is Outcome.PROHIBITED else "requires"
        self.trace.append(make_step(requirement.rule, requirement.citation, finding, effect))
        if all(r.id != requirement.id for r in self.requirements):
            self.requirements.append(requirement)

    def clear(self, basis: str, finding: str, rule: str, citation: str) -> None:
        """Record that nothing further applies: the transaction is outside the member's controls."""
        self.cleared_by = basis
        self.trace.append(make_step(rule, citation, finding, "clear"))

    @property
    def where(self) -> str:
        """The destination's name, or a placeholder."""
        return self.destination.name if self.destination else "the destination"


@dataclass(frozen=True, slots=True)
class Fragment:
    """What one rule step added to a work record: shared by every transaction with the same inputs."""

    trace: tuple[Step, ...]
    requirements: tuple[Requirement, ...]
    trials: tuple[ExceptionTrial, ...]
    missing: tuple[str, ...]
    no_exceptions: tuple[str, ...]
    could_clear: bool


def cached(work: Work, memo: Memo, table: str, key: Hashable, rule: Callable[[Work], None]) -> None:
    """Run ``rule`` on ``work`` through the memo: ``key`` must name everything the rule reads.

    The rule runs once per key on a scratch record holding the same date, destination, requirements
    and exception bars; what it adds is remembered and appended to every later record with that key.
    """

    def make() -> Fragment:
        scratch = Work(work.member, work.member_name, work.label, work.date, work.destination)
        scratch.requirements = list(work.requirements)
        scratch.no_exceptions = list(work.no_exceptions)
        rule(scratch)
        return Fragment(
            trace=tuple(scratch.trace),
            requirements=tuple(scratch.requirements[len(work.requirements) :]),
            trials=tuple(scratch.trials),
            missing=tuple(scratch.missing),
            no_exceptions=tuple(scratch.no_exceptions[len(work.no_exceptions) :]),
            could_clear=scratch.could_clear,
        )

    found = memo.get(table, key, make)
    work.trace.extend(found.trace)
    known = {r.id for r in work.requirements}
    work.requirements.extend(r for r in found.requirements if r.id not in known)
    work.trials.extend(found.trials)
    work.missing.extend(m for m in found.missing if m not in work.missing)
    work.no_exceptions.extend(found.no_exceptions)
    work.could_clear = work.could_clear or found.could_clear
