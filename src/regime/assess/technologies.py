"""The technologies of concern: supply-chain inputs mapped to the control-list entries that control them.

Read from ``data/assessments/technologies.yaml``. The mapping is mostly approximate (a market
share counts a whole market, the list controls only the part above its parameters); each entry says
whether it is and where the line falls.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from regime.assess.files import ASSESSMENTS_DIR, expect_mapping, read_yaml, validate
from regime.assess.supply import ShareTable
from regime.errors import InputError

TECHNOLOGIES_FILE = ASSESSMENTS_DIR / "technologies.yaml"


class Technology(BaseModel):
    """An input of the share table and the control-list entries (ECCN paragraphs) it maps to."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    input: str
    name: str
    controls: list[str]
    approximate: bool
    note: str


def load_technologies(path: Path = TECHNOLOGIES_FILE) -> list[Technology]:
    """Read the mapping; each entry is checked and a repeated input is an error."""
    data = expect_mapping(read_yaml(path), path, "technologies")
    raw = data.get("technologies")
    if not isinstance(raw, list):
        raise InputError("expected a list", source=str(path), where="technologies")
    technologies = [validate(Technology, item, path, ("technologies", i)) for i, item in enumerate(raw)]
    seen: set[str] = set()
    for i, tech in enumerate(technologies):
        if tech.input in seen:
            raise InputError(f"input {tech.input!r} listed twice", source=str(path), where=f"technologies[{i}]")
        seen.add(tech.input)
    return technologies


def technologies_in(table: ShareTable, technologies: list[Technology]) -> list[Technology]:
    """The mapped technologies the table has rows for; for a table none of them fits, every input in it."""
    present = [t for t in technologies if t.input in table.by_input]
    if present:
        return present
    return [
        Technology(input=i, name=table.name(i), controls=[], approximate=True, note="no control mapping known")
        for i in table.inputs()
    ]
