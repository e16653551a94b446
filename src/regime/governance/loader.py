"""Reading regime definitions from YAML: one file per regime in ``data/regimes/``.

Errors name the file and the field, e.g. ``data/regimes/x.yaml: members.3.country: 'ACME Corp'
is not a nation-state ...``.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from regime.errors import InputError
from regime.governance.definition import RegimeDefinition
from regime.paths import DATA_DIR

REGIMES_DIR = DATA_DIR / "regimes"


def parse_definition(raw: object, *, source: str) -> RegimeDefinition:
    """Validate an already-parsed YAML document; errors name ``source`` and the field."""
    if not isinstance(raw, dict):
        raise InputError("expected a mapping with id, name, members, decision_rules ...", source=source)
    try:
        return RegimeDefinition.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or None
        more = f" (and {error.error_count() - 1} more problems)" if error.error_count() > 1 else ""
        message = first["msg"].removeprefix("Value error, ")
        raise InputError(f"{message}{more}", source=source, where=where) from None


def read_definition(path: Path) -> RegimeDefinition:
    """Read and validate one regime definition file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror}", source=str(path)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else None
        raise InputError(f"not valid YAML: {error}", source=str(path), where=where) from None
    definition = parse_definition(raw, source=str(path))
    if definition.id != path.stem:
        raise InputError(f"id {definition.id!r} must match the file name", source=str(path), where="id")
    return definition


def bundled_definitions(folder: Path = REGIMES_DIR) -> list[RegimeDefinition]:
    """Every regime definition shipped in ``folder``, in file-name order."""
    return [read_definition(path) for path in sorted(folder.glob("*.yaml"))]
