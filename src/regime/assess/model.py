"""Domain types of the regime-creation checklist: criteria with their evidence rules, and efforts.

Criteria and efforts are data (``data/assessments/``); these types only say what a well-formed
file holds. Checking names against the vocabulary happens in :mod:`regime.assess.vocabulary`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator, model_validator

from regime.assess.when import PartialDate, parse_partial_date


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Score(StrEnum):
    """How far a criterion is satisfied; ``unknown`` means no public evidence either way."""

    MET = "met"
    PARTLY = "partly"
    NOT_MET = "not met"
    UNKNOWN = "unknown"

    @property
    def rank(self) -> float:
        """Points toward progress: met 1, partly 0.5, otherwise 0."""
        return {Score.MET: 1.0, Score.PARTLY: 0.5}.get(self, 0.0)


class Condition(_Frozen):
    """What one attribute of an action must look like (written in YAML as a list, a bool or a map)."""

    any_of: list[str] | None = None
    all_of: list[str] | None = None
    at_least: int = 1
    equals: bool | str | int | None = None
    max: float | None = None
    min: float | None = None
    present: bool | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, list):
            return {"any_of": value}
        if isinstance(value, bool | int | str):
            return {"equals": value}
        return value


class Rule(_Frozen):
    """One piece of evidence a level asks for: an action (or ``count`` actions) matching all fields."""

    need: str = Field(description="what the rule asks for, in words; shown when it is missing")
    kinds: list[str] = []
    roles: list[str] = []
    actor: Literal["any", "initiator", "partner"] = "any"
    where: dict[str, Condition] = {}
    min_states: int = 0
    count: int = 1
    after: Rule | None = None
    within_days: int | None = None


class Level(_Frozen):
    """A score level is reached when every ``all`` rule holds and, if ``any`` is given, one of them."""

    all: list[Rule] = []
    any: list[Rule] = []


class Against(Rule):
    """Contrary evidence: when it matches, the score is lowered to ``cap`` (unknown becomes not met)."""

    cap: Literal["partly", "not met"] = "partly"


class Criterion(_Frozen):
    """A requirement the essay names, with the evidence that satisfies it fully or in part."""

    id: str
    title: str
    essay: str = Field(description="the essay's argument, paraphrased")
    met: Level
    partly: Level = Level()
    against: list[Against] = []
    missing: str


class Actor(_Frozen):
    """Who acted: a party (ISO alpha-2 code, or ``EU``) or a named group, in a role, through a body."""

    party: str | None = None
    group: str | None = None
    role: str = "unspecified"
    body: str | None = None

    @model_validator(mode="after")
    def _party_or_group(self) -> Actor:
        if (self.party is None) == (self.group is None):
            raise ValueError("an actor names exactly one of 'party' or 'group'")
        return self


class SourceRef(_Frozen):
    """Where a fact comes from: a reference of the effort file, the place in it, and its [V]/[S]/[U] tag."""

    ref: str
    where: str
    tag: str = Field(pattern=r"^[VSU](/[VSU])*$")
    words: str | None = Field(default=None, max_length=160, description="a few words of the source")


class Action(_Frozen):
    """A dated public action of a regime-creation effort."""

    id: str
    date: PartialDate
    date_basis: str | None = Field(default=None, description="how the date was reached if not stated")
    kind: str
    actors: list[Actor] = Field(min_length=1)
    attributes: dict[str, Any] = {}
    summary: str
    source: SourceRef

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> PartialDate:
        return value if isinstance(value, PartialDate) else parse_partial_date(value)

    @field_serializer("date")
    def _date_text(self, value: PartialDate) -> str:
        return value.text

    @property
    def parties(self) -> set[str]:
        """The distinct parties among the actors."""
        return {actor.party for actor in self.actors if actor.party}

    @property
    def state_count(self) -> int:
        """How many states took part: named parties, or the recorded ``state_count`` if larger."""
        recorded = self.attributes.get("state_count")
        return max(len(self.parties), recorded if isinstance(recorded, int) else 0)


class Reference(_Frozen):
    """A document an effort file cites."""

    title: str
    path: str | None = None
    note: str | None = None


class Effort(_Frozen):
    """A regime-creation effort: who started it, with whom, and its dated public actions."""

    id: str
    name: str
    initiator: str
    initiator_note: str | None = None
    partners: list[str]
    membership: str | None = Field(default=None, description="a named membership for coverage")
    summary: str
    references: dict[str, Reference]
    actions: list[Action] = []
    gaps: list[str] = Field(default=[], description="what no public evidence is recorded for")
