"""What classification answers: the classes, and the reasoning a person can check."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Match(BaseModel):
    """A paragraph that describes the item, with the values that made its criterion true."""

    ref: str
    entry: str
    heading: str
    text: str | None
    kind: str
    reasons: list[str]
    criterion: str | None
    evidence: list[str] = Field(default_factory=list, description="each test as decided, with its values")
    via: list[str] = Field(default_factory=list, description="sub-paragraphs that held")
    kept_by: list[str] = Field(default_factory=list, description="decontrol notes tried that did not release")


class Release(BaseModel):
    """A paragraph the item met but a note released (and where it falls instead, if anywhere)."""

    ref: str
    note: str
    note_text: str
    evidence: list[str]
    redirect: str | None = None


class NearMiss(BaseModel):
    """A test that failed (or a release that held) by less than the margin: news for the exporter."""

    ref: str
    parameter: str | None
    test: str
    value: str
    threshold: str
    gap: float = Field(description="distance to the threshold as a share of it")
    message: str


class Indeterminate(BaseModel):
    """A paragraph that cannot be decided: the facts it needs are missing."""

    ref: str
    missing: list[str]
    message: str


class Derived(BaseModel):
    """A derived parameter computed from the item's facts (or stated by the item)."""

    name: str
    value: str
    formula: str
    stated: bool = False


class Classification(BaseModel):
    """The classification of one item against one list as in force on one date."""

    item: str
    kind: str
    list_id: str
    list_name: str
    as_of: str
    classes: list[str]
    matches: list[Match] = Field(default_factory=list)
    released: list[Release] = Field(default_factory=list)
    near_misses: list[NearMiss] = Field(default_factory=list)
    indeterminate: list[Indeterminate] = Field(default_factory=list)
    derived: list[Derived] = Field(default_factory=list)
    fallback: str | None = None
    entries_tested: int = 0
    text_only_entries: int = 0
    to_review: list[str] = Field(default_factory=list, description="text-only entries a person should read")
    components: list[Classification] = Field(default_factory=list)
    statement: str = ""

    @property
    def determinate(self) -> bool:
        """True when nothing was left undecided."""
        return not self.indeterminate
