"""Determination case files: a transaction in, the expected outcome per member and key trace facts out.

``data/determinations/cases/*.yaml`` hold lists of cases, each with its source (a regulation's
example, a Federal Register rule, a public case)::

    - name: H100 to China after the October 2023 rule
      source: 88 FR 73458 (25 October 2023)
      transaction: {date: 2024-01-15, item: nvidia-h100-sxm, destination: China, parties: [...]}
      expect:
        us: {outcome: presumption_of_denial, requirements: [3A090.a RS], trace: [D:5]}
        eu: no_licence_required          # shorthand: the outcome alone
      undercut: true                     # the members must (or must not) disagree

Checks: the outcome; exceptions that must be offered; requirement ids (by prefix) that must or
must not be found; the strictest review policy; words the trace or statement must contain; words
the missing facts must contain.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from regime.determine.compare import undercut_risks
from regime.determine.engine import determine
from regime.determine.jurisdiction import Jurisdiction
from regime.determine.memo import Memo
from regime.determine.parties import PartyIndex
from regime.determine.result import Determination, Outcome, PolicyLevel
from regime.determine.transaction import Transaction
from regime.errors import InputError
from regime.lists.loader import read_yaml, validate
from regime.model.item import Item
from regime.paths import DATA_DIR

CASES_DIR = DATA_DIR / "determinations" / "cases"


class Expectation(BaseModel):
    """What one member's determination must show."""

    model_config = ConfigDict(extra="forbid")

    outcome: Outcome
    at_least: Outcome | None = None
    exceptions: list[str] = Field(default_factory=list)
    requirements: list[str] = Field(default_factory=list)
    no_requirements: list[str] = Field(default_factory=list)
    policy: PolicyLevel | None = None
    trace: list[str] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)


class Case(BaseModel):
    """One determination case and where its answer comes from."""

    model_config = ConfigDict(extra="forbid")

    name: str
    source: str = Field(min_length=3)
    transaction: Transaction
    expect: dict[str, Expectation]
    undercut: bool | None = None

    @field_validator("expect", mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, Mapping):
            return {k: {"outcome": v} if isinstance(v, str) else v for k, v in value.items()}
        return value


def load_cases(folder: Path = CASES_DIR) -> list[tuple[Path, Case]]:
    """Every case of every file in ``folder``, validated (errors name the file and field)."""
    found = []
    for path in sorted(folder.glob("*.yaml")):
        raw = read_yaml(path)
        if not isinstance(raw, list):
            raise InputError("expected a list of cases", source=str(path))
        found += [(path, validate(Case, case, path)) for case in raw]
    return found


def check(det: Determination, want: Expectation) -> list[str]:
    """The ways one determination falls short of its expectation."""
    problems = []
    if det.outcome is not want.outcome:
        problems.append(f"{det.jurisdiction}: outcome {det.outcome.value}, expected {want.outcome.value}")
    if want.at_least is not None and det.at_least is not want.at_least:
        problems.append(f"{det.jurisdiction}: at least {det.at_least}, expected {want.at_least.value}")
    problems += [f"{det.jurisdiction}: exception {e} not offered" for e in want.exceptions if e not in det.exceptions]
    ids = [r.id for r in det.requirements]
    problems += [
        f"{det.jurisdiction}: no requirement {r}" for r in want.requirements if not any(i.startswith(r) for i in ids)
    ]
    problems += [
        f"{det.jurisdiction}: unexpected requirement {r}"
        for r in want.no_requirements
        if any(i.startswith(r) for i in ids)
    ]
    level = det.review_policy.level if det.review_policy else None
    if want.policy is not None and level != want.policy:
        problems.append(f"{det.jurisdiction}: review policy {level}, expected {want.policy}")
    text = " ".join(
        [
            det.statement,
            *(f"{s.rule} {s.citation} {s.finding}" for s in det.trace),
            *(" ".join(t.why) for t in det.trials),
        ]
    )
    problems += [f"{det.jurisdiction}: trace lacks {w!r}" for w in want.trace if w not in text]
    missing = " ".join(det.missing)
    problems += [f"{det.jurisdiction}: missing facts lack {w!r}" for w in want.missing if w not in missing]
    return problems


def run_case(
    case: Case, members: Mapping[str, Jurisdiction], index: PartyIndex, catalogue: Mapping[str, Item], memo: Memo
) -> tuple[list[Determination], list[str]]:
    """Determine the case under each member it names; the determinations and every problem found."""
    found, problems = [], []
    for member, want in case.expect.items():
        if member not in members:
            raise InputError(f"case {case.name!r} names no member {member!r}")
        det = determine(case.transaction, members[member], parties_index=index, catalogue=catalogue, memo=memo)
        found.append(det)
        problems += check(det, want)
    if case.undercut is not None and bool(undercut_risks(found)) != case.undercut:
        problems.append(f"undercut risk {'absent' if case.undercut else 'present'} but expected the opposite")
    return found, problems
