"""What a determination answers: an outcome per jurisdiction, and the trace a person can check.

The trace is a list of typed steps ``{rule, citation, finding, effect}`` so the command line, the
API and the web pages render it alike. Requirements, exception trials and the review policy are
kept as records beside the trace, for machines.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Outcome(StrEnum):
    """The answer for one jurisdiction, from most to least permissive (indeterminate aside)."""

    NO_LICENCE_REQUIRED = "no_licence_required"
    EXCEPTION_AVAILABLE = "licence_exception_available"
    LICENCE_REQUIRED = "licence_required"
    PRESUMPTION_OF_DENIAL = "presumption_of_denial"
    PROHIBITED = "prohibited"
    INDETERMINATE = "indeterminate"

    @property
    def rank(self) -> int:
        """Strictness: 0 (no licence) to 4 (prohibited); indeterminate ranks -1."""
        return _RANK[self]

    @property
    def label(self) -> str:
        """How a person reads it."""
        return self.value.replace("_", " ")


_RANK = {
    Outcome.NO_LICENCE_REQUIRED: 0,
    Outcome.EXCEPTION_AVAILABLE: 1,
    Outcome.LICENCE_REQUIRED: 2,
    Outcome.PRESUMPTION_OF_DENIAL: 3,
    Outcome.PROHIBITED: 4,
    Outcome.INDETERMINATE: -1,
}

Effect = Literal["info", "clear", "requires", "excepts", "restricts", "prohibits", "open"]
PolicyLevel = Literal["approval", "case_by_case", "presumption_of_denial", "denial"]
POLICY_RANK: dict[str, int] = {"approval": 0, "case_by_case": 1, "presumption_of_denial": 2, "denial": 3}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Step(_Frozen):
    """One step of the reasoning: which rule, where it is written, what was found, what it did."""

    rule: str
    citation: str
    finding: str
    effect: Effect = "info"


class ReviewPolicy(_Frozen):
    """How an application would be reviewed; ``level`` orders them (denial is strictest)."""

    level: PolicyLevel
    text: str
    citation: str

    @property
    def rank(self) -> int:
        """0 (presumption of approval) to 3 (policy of denial)."""
        return POLICY_RANK[self.level]


class Requirement(_Frozen):
    """A licence requirement that applies: under which rule, for what, and whether an exception can lift it."""

    id: str
    rule: str
    citation: str
    basis: Literal["product", "end_use", "end_user", "embargo", "national"]
    text: str
    outcome: Outcome = Outcome.LICENCE_REQUIRED
    reason: str | None = None
    ref: str | None = None
    exceptions_apply: bool = Field(default=False, description="product-based (GP1-3, 8): exceptions may overcome it")
    policy: ReviewPolicy | None = None


class ExceptionTrial(_Frozen):
    """A licence exception (or general authorisation) tried: available or not, and why."""

    code: str
    title: str
    citation: str
    available: bool
    why: tuple[str, ...] = ()
    conditions: tuple[str, ...] = ()
    overcomes: tuple[str, ...] = Field(default=(), description="ids of the requirements it lifts")
    value_limit: float | None = Field(default=None, description="LVS: the net value per shipment it allows (USD)")


class Determination(BaseModel):
    """The decision for one transaction under one jurisdiction's rules, with what it was based on."""

    jurisdiction: str
    jurisdiction_name: str
    transaction: str
    outcome: Outcome
    at_least: Outcome | None = Field(default=None, description="when indeterminate: the outcome already established")
    exceptions: list[str] = Field(default_factory=list, description="the exceptions that make it licence-free")
    conditions: list[str] = Field(default_factory=list, description="conditions the exporter must meet")
    review_policy: ReviewPolicy | None = None
    classes: list[str] = Field(default_factory=list)
    requirements: list[Requirement] = Field(default_factory=list)
    trials: list[ExceptionTrial] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list, description="facts needed for a determinate answer")
    basis: list[str] = Field(default_factory=list, description="list versions, tables and party lists consulted")
    trace: list[Step] = Field(default_factory=list)
    statement: str = ""

    @property
    def determinate(self) -> bool:
        """True when no missing fact could change the answer."""
        return not self.missing


class Comparison(BaseModel):
    """The same transaction under several members' rules, with where they disagree."""

    transaction: str
    determinations: list[Determination]
    undercut_risks: list[str] = Field(default_factory=list)
