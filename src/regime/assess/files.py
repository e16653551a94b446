"""Reading the assessment data files: YAML with line numbers, validation errors naming the field.

Every loader in this package goes through here, so a bad file is reported the same way:
``<file>: <field path>: <what was expected>`` (YAML itself is read by the control lists' reader).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from regime.errors import InputError
from regime.lists.loader import read_yaml
from regime.paths import DATA_DIR

__all__ = ["ASSESSMENTS_DIR", "expect_mapping", "field_path", "read_yaml", "validate"]

#: Where criteria, efforts, memberships and the supply-chain reading rules live.
ASSESSMENTS_DIR = DATA_DIR / "assessments"

M = TypeVar("M", bound=BaseModel)


def field_path(location: tuple[int | str, ...]) -> str:
    """``("actions", 2, "date")`` -> ``actions[2].date``."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def validate(model: type[M], data: Any, source: Path, where: tuple[int | str, ...] = ()) -> M:
    """Build a model from parsed YAML; the first error names the file and the field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        location = field_path((*where, *first["loc"])) or None
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise InputError(f"{first['msg']}{more}", source=str(source), where=location) from None


def expect_mapping(data: Any, source: Path, what: str) -> dict[str, Any]:
    """The parsed top level of a file, which must be a mapping."""
    if not isinstance(data, dict):
        raise InputError(f"expected a mapping at the top ({what})", source=str(source))
    return data
