"""Loading the checklist (``criteria.yaml``) and the efforts (``efforts/<id>.yaml``).

Criteria are checked against the vocabulary at the top of ``criteria.yaml``, and so is every
action of every effort; errors name the file and the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from regime.assess.codes import party_code
from regime.assess.files import ASSESSMENTS_DIR, expect_mapping, read_yaml, validate
from regime.assess.model import Criterion, Effort
from regime.assess.vocabulary import Vocabulary
from regime.errors import InputError, NotFoundError, UnknownCountryError

CRITERIA_FILE = ASSESSMENTS_DIR / "criteria.yaml"
EFFORTS_DIR = ASSESSMENTS_DIR / "efforts"


@dataclass(frozen=True)
class Checklist:
    """The essay's requirements as criteria, and the words efforts may use."""

    vocabulary: Vocabulary
    criteria: tuple[Criterion, ...]

    def criterion(self, criterion_id: str) -> Criterion:
        """One criterion by id."""
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise NotFoundError(f"no criterion {criterion_id!r}")


def load_checklist(path: Path = CRITERIA_FILE) -> Checklist:
    """Read and check ``criteria.yaml``."""
    data = expect_mapping(read_yaml(path), path, "vocabulary and criteria")
    vocabulary = validate(Vocabulary, data.get("vocabulary"), path, ("vocabulary",))
    raw = data.get("criteria")
    if not isinstance(raw, list) or not raw:
        raise InputError("expected a non-empty list", source=str(path), where="criteria")
    criteria = tuple(validate(Criterion, item, path, ("criteria", i)) for i, item in enumerate(raw))
    ids = [c.id for c in criteria]
    for i, criterion in enumerate(criteria):
        if ids.count(criterion.id) > 1:
            raise InputError(f"duplicate criterion id {criterion.id!r}", source=str(path), where=f"criteria[{i}].id")
        problems = vocabulary.rule_problems(criterion)
        if problems:
            raise InputError(problems[0], source=str(path), where=f"criteria[{i}]")
    return Checklist(vocabulary, criteria)


def load_effort(path: Path, vocabulary: Vocabulary) -> Effort:
    """Read one effort file and check it against the vocabulary."""
    effort = validate(Effort, read_yaml(path), path)
    if effort.id != path.stem:
        raise InputError(f"id {effort.id!r} differs from the file name {path.stem!r}", source=str(path), where="id")
    for field, code in [("initiator", effort.initiator)] + [
        (f"partners[{i}]", p) for i, p in enumerate(effort.partners)
    ]:
        try:
            canonical = party_code(code)
        except UnknownCountryError as exc:
            raise InputError(str(exc), source=str(path), where=field) from None
        if canonical != code:
            raise InputError(f"write {code!r} as {canonical!r}", source=str(path), where=field)
    seen: set[str] = set()
    for i, action in enumerate(effort.actions):
        where = f"actions[{i}]"
        if action.id in seen:
            raise InputError(f"duplicate action id {action.id!r}", source=str(path), where=f"{where}.id")
        seen.add(action.id)
        if action.source.ref not in effort.references:
            raise InputError(
                f"unknown reference {action.source.ref!r} (known: {', '.join(effort.references)})",
                source=str(path),
                where=f"{where}.source.ref",
            )
        problems = vocabulary.action_problems(action)
        if problems:
            raise InputError(problems[0], source=str(path), where=where)
    return effort


def load_efforts(folder: Path = EFFORTS_DIR, vocabulary: Vocabulary | None = None) -> dict[str, Effort]:
    """Every effort in a folder, by id, in file-name order."""
    vocabulary = vocabulary or load_checklist().vocabulary
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise InputError("no effort files (*.yaml) found", source=str(folder))
    return {path.stem: load_effort(path, vocabulary) for path in files}


def load_effort_by_id(effort_id: str, folder: Path = EFFORTS_DIR, vocabulary: Vocabulary | None = None) -> Effort:
    """One effort by id; ``NotFoundError`` lists the known ones."""
    path = folder / f"{effort_id}.yaml"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.yaml")))
        raise NotFoundError(f"no effort {effort_id!r} (known: {known})")
    return load_effort(path, vocabulary or load_checklist().vocabulary)
