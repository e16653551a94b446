"""The parameter vocabulary: every fact an item can state, with its kind and canonical unit.

Items of every list are described in one vocabulary, so a product is written down once and can be
classified against the regime's list and each member's list alike.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from regime.errors import InputError
from regime.lists.units import format_unit, is_unit_name, parse_unit
from regime.once import built_once
from regime.paths import DATA_DIR


class ParamKind(enum.StrEnum):
    """What sort of value a parameter holds."""

    QUANTITY = "quantity"  # a number with a unit (dimensionless allowed)
    FLAG = "flag"  # true / false
    TEXT = "text"  # one word from a set of allowed values
    SET = "set"  # a set of words
    GROUP = "group"  # a list of records (e.g. processing units), each with its own fields


@dataclass(frozen=True, eq=False)
class Parameter:
    """One named fact: kind, canonical unit, allowed values, fields for groups.

    ``review`` maps an allowed value to the list groups (``3A``) a person should read for items of
    that value when no checkable entry decides them (used for ``item_type``).
    """

    name: str
    kind: ParamKind
    unit: Any = None
    label: str = ""
    description: str = ""
    values: frozenset[str] | None = None
    fields: Mapping[str, Parameter] = field(default_factory=dict)
    review: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def unit_text(self) -> str:
        """The canonical unit as written (empty for pure numbers and non-quantities)."""
        return format_unit(self.unit) if self.unit is not None else ""


@dataclass(frozen=True)
class Vocabulary:
    """All parameters by name, with look-ups that explain what went wrong."""

    parameters: Mapping[str, Parameter]
    source: str = ""

    def get(self, name: str) -> Parameter | None:
        """The parameter called ``name``, if any."""
        return self.parameters.get(name)

    def require(self, name: str, *, where: str = "") -> Parameter:
        """The parameter called ``name``, or an error suggesting the closest names."""
        found = self.parameters.get(name)
        if found is None:
            raise InputError(f"unknown parameter {name!r}{suggest(name, self.parameters)}", where=where)
        return found


def suggest(name: str, known: Mapping[str, Any] | list[str]) -> str:
    """`` (did you mean 'x'?)`` when a close name exists, else an empty string."""
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""


def parse_parameter(name: str, raw: Mapping[str, Any], *, where: str) -> Parameter:
    """One parameter from its YAML mapping."""
    if not name.isidentifier() or name != name.lower():
        raise InputError(f"parameter name {name!r} must be a lower-case identifier", where=where)
    if is_unit_name(name):
        raise InputError(f"parameter name {name!r} reads as a unit; choose another name", where=where)
    try:
        kind = ParamKind(raw.get("kind", "quantity"))
    except ValueError:
        kinds = ", ".join(k.value for k in ParamKind)
        raise InputError(f"kind must be one of {kinds}, got {raw.get('kind')!r}", where=where) from None
    unit = None
    if kind is ParamKind.QUANTITY:
        try:
            unit = parse_unit(str(raw.get("unit", "dimensionless")))
        except InputError as exc:
            raise InputError(str(exc), where=f"{where}.unit") from None
    raw_values = raw.get("values")
    values = frozenset(str(v) for v in raw_values) if raw_values else None
    review = (
        {str(k): tuple(str(g) for g in (v or ())) for k, v in raw_values.items()}
        if isinstance(raw_values, Mapping)
        else {}
    )
    fields = {
        key: parse_parameter(key, sub, where=f"{where}.fields.{key}") for key, sub in (raw.get("fields") or {}).items()
    }
    if kind is ParamKind.GROUP and not fields:
        raise InputError("a group parameter needs 'fields'", where=where)
    return Parameter(
        name=name,
        kind=kind,
        unit=unit,
        label=str(raw.get("label", name.replace("_", " "))),
        description=str(raw.get("description", "")).strip(),
        values=values,
        fields=fields,
        review=review,
    )


def load_vocabulary(path: Path) -> Vocabulary:
    """Read a vocabulary YAML file (``name: {kind, unit, label, description, values, fields}``)."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML: {exc}", source=str(path)) from exc
    if not isinstance(raw, Mapping):
        raise InputError("expected a mapping of parameter names", source=str(path))
    params = {name: parse_parameter(str(name), spec or {}, where=f"{path.name}:{name}") for name, spec in raw.items()}
    return Vocabulary(params, source=str(path))


@built_once
def default_vocabulary() -> Vocabulary:
    """The bundled vocabulary (``data/vocabulary/parameters.yaml``)."""
    return load_vocabulary(DATA_DIR / "vocabulary" / "parameters.yaml")
