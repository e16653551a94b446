"""Turn an item's written facts into canonical values: numbers in the vocabulary's units.

``"600 GB/s"``, ``600`` (read in the canonical unit) and ``{value: 600, unit: GB/s}`` all work.
Unknown parameter names, units that don't fit and words outside a parameter's allowed values are
errors naming the item and the parameter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from regime.errors import InputError
from regime.lists.units import convert, dimension_name, format_unit, parse_unit, same_dimension
from regime.lists.vocabulary import Parameter, ParamKind, Vocabulary, suggest

_QUANTITY = re.compile(r"^\s*(?P<number>[-+]?(\d[\d,_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?)\s*(?P<unit>.*?)\s*$")


def canonical_facts(parameters: Mapping[str, Any], vocabulary: Vocabulary, *, where: str) -> dict[str, Any]:
    """Every stated parameter converted to its canonical form (``None`` values stay unknown)."""
    return {
        name: _value(vocabulary.require(name, where=where), raw, where=f"{where}: {name}")
        for name, raw in parameters.items()
    }


def _value(param: Parameter, raw: Any, *, where: str) -> Any:
    if raw is None:
        return None
    kind = param.kind
    if kind is ParamKind.QUANTITY:
        return quantity(raw, param, where=where)
    if kind is ParamKind.FLAG:
        if not isinstance(raw, bool):
            raise InputError(f"expected true or false, got {raw!r}", where=where)
        return raw
    if kind is ParamKind.TEXT:
        return _word(str(raw), param, where=where)
    if kind is ParamKind.SET:
        words = [raw] if isinstance(raw, str) else raw
        if not isinstance(words, list | tuple | set | frozenset):
            raise InputError(f"expected a list of words, got {raw!r}", where=where)
        return frozenset(_word(str(w), param, where=where) for w in words)
    if not isinstance(raw, list):
        raise InputError(f"expected a list of records with {', '.join(param.fields)}", where=where)
    rows = []
    for index, row in enumerate(raw):
        if not isinstance(row, Mapping):
            raise InputError(f"expected a record, got {row!r}", where=f"{where}[{index}]")
        rows.append(
            {
                key: _value(_field(param, key, where=f"{where}[{index}]"), value, where=f"{where}[{index}].{key}")
                for key, value in row.items()
                if key != "note"
            }
        )
    return tuple(rows)


def _field(group: Parameter, key: str, *, where: str) -> Parameter:
    found = group.fields.get(key)
    if found is None:
        raise InputError(f"unknown field {key!r} of {group.name}{suggest(key, group.fields)}", where=where)
    return found


def _word(word: str, param: Parameter, *, where: str) -> str:
    if param.values is not None and word not in param.values:
        raise InputError(
            f"{word!r} is not a value of {param.name}{suggest(word, sorted(param.values))}; "
            f"expected one of {', '.join(sorted(param.values))}",
            where=where,
        )
    return word


def quantity(raw: Any, param: Parameter, *, where: str) -> float:
    """A magnitude in the parameter's canonical unit from a number, ``"600 GB/s"`` or ``{value, unit}``."""
    if isinstance(raw, bool):
        raise InputError(f"expected a number{_unit_hint(param)}, got {raw!r}", where=where)
    if isinstance(raw, int | float):
        return float(raw)
    if isinstance(raw, Mapping) and "value" in raw:
        number, unit_text = raw["value"], str(raw.get("unit", ""))
        if not isinstance(number, int | float) or isinstance(number, bool):
            raise InputError(f"expected a number as value, got {number!r}", where=where)
        return _convert(float(number), unit_text, param, where=where)
    if isinstance(raw, str):
        match = _QUANTITY.match(raw)
        if match is None:
            raise InputError(f"expected a number{_unit_hint(param)}, got {raw!r}", where=where)
        number = float(match["number"].replace(",", "").replace("_", ""))
        return _convert(number, match["unit"], param, where=where)
    raise InputError(f"expected a number{_unit_hint(param)}, got {raw!r}", where=where)


def _convert(number: float, unit_text: str, param: Parameter, *, where: str) -> float:
    if not unit_text:
        return number
    try:
        unit = parse_unit(unit_text)
    except InputError as exc:
        raise InputError(str(exc), where=where) from None
    if not same_dimension(unit, param.unit):
        raise InputError(
            f"{unit_text} is {dimension_name(unit)} but {param.name} is {dimension_name(param.unit)}"
            f"{_unit_hint(param)}",
            where=where,
        )
    return convert(number, unit, param.unit)


def _unit_hint(param: Parameter) -> str:
    unit = format_unit(param.unit) if param.unit is not None else ""
    return f" in {unit} (or another unit of the same kind)" if unit else ""
