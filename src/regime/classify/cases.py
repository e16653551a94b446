"""Rule case files: each entry carries ``<ENTRY>.cases.yaml`` beside it, item in and classification out.

A case names an item (a catalogue id or an inline item), the date the list is read as of, and
what the classification must show::

    - name: H100 is 3A090.a under the October 2023 rule
      source: 88 FR 73458
      as_of: 2024-01-01
      item: nvidia-h100-sxm
      expect:
        includes: [3A090.a]        # classes that must be present
        excludes: [3A090.b]        # classes that must be absent
        released: []               # paragraphs a note must release
        near_misses: []            # paragraphs that must be reported as near misses
        indeterminate: []          # paragraphs that must be left undecided
        fallback: EAR99            # no class at all, this fallback
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from regime.classify.engine import classify
from regime.classify.result import Classification
from regime.errors import InputError
from regime.lists.loader import CASES_SUFFIX, read_yaml, validate
from regime.lists.registry import compiled_list
from regime.model.item import Item


class Expectation(BaseModel):
    """What a case requires of the classification."""

    model_config = ConfigDict(extra="forbid")

    includes: list[str] = Field(default_factory=list)
    excludes: list[str] = Field(default_factory=list)
    released: list[str] = Field(default_factory=list)
    near_misses: list[str] = Field(default_factory=list)
    indeterminate: list[str] = Field(default_factory=list)
    fallback: str | None = None


class Case(BaseModel):
    """One case: an item, a date, an expectation, and where the answer comes from."""

    model_config = ConfigDict(extra="forbid")

    name: str
    source: str = ""
    as_of: dt.date
    item: Item | str
    expect: Expectation


@dataclass(frozen=True)
class CaseFile:
    """The cases of one entry, with the list they run against."""

    path: Path
    list_id: str
    cases: tuple[Case, ...]


def load_case_file(path: Path) -> CaseFile:
    """Read and validate a case file; the list is the folder two levels up (``<list>/<cat>/<ENTRY>.cases.yaml``)."""
    raw = read_yaml(path)
    if not isinstance(raw, list):
        raise InputError("expected a list of cases", source=str(path))
    cases = tuple(validate(Case, case, path) for case in raw)
    return CaseFile(path=path, list_id=path.parent.parent.name, cases=cases)


def case_files(lists_dir: Path) -> list[Path]:
    """Every case file under a folder of lists."""
    return sorted(lists_dir.glob(f"*/*/*{CASES_SUFFIX}"))


def check_case(case: Case, result: Classification) -> list[str]:
    """The ways ``result`` falls short of ``case`` (empty when it passes)."""
    want = case.expect
    problems = [f"missing class {ref}" for ref in want.includes if ref not in result.classes]
    problems += [f"unexpected class {ref}" for ref in want.excludes if ref in result.classes]
    released = {r.ref for r in result.released}
    problems += [f"{ref} not released" for ref in want.released if ref not in released]
    misses = {m.ref for m in result.near_misses}
    problems += [f"no near miss on {ref}" for ref in want.near_misses if ref not in misses]
    open_refs = {i.ref for i in result.indeterminate}
    problems += [f"{ref} not indeterminate" for ref in want.indeterminate if ref not in open_refs]
    if want.fallback is not None and (result.classes or result.fallback != want.fallback):
        problems.append(f"expected fallback {want.fallback}, got {result.classes or result.fallback}")
    return problems


def run_case(case: Case, list_id: str, catalogue: Mapping[str, Item]) -> tuple[Classification, list[str]]:
    """Classify the case's item against the list as of the case's date and check the expectation."""
    item = case.item if isinstance(case.item, Item) else catalogue.get(case.item)
    if item is None:
        raise InputError(f"case {case.name!r} names no catalogue item {case.item!r}")
    result = classify(item, compiled_list(list_id, case.as_of), catalogue=catalogue)
    return result, check_case(case, result)


def summary(problems: Mapping[str, list[str]]) -> dict[str, Any]:
    """Counts for a report: cases run, passed, failed."""
    failed = {name: p for name, p in problems.items() if p}
    return {"run": len(problems), "passed": len(problems) - len(failed), "failed": failed}
