"""Turn an item's written facts into canonical values: numbers in the vocabulary's units.

``"600 GB/s"``, ``600`` (read in the canonical unit) and ``{value: 600, unit: GB/s}`` all work.
Unknown parameter names, units that don't fit and words outside a parameter's allowed values are
errors naming the item and the parameter. Conversions are cached: order books repeat themselves.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from regime.errors import InputError
from regime.lists.units import convert, dimension_name, format_unit, parse_unit, same_dimension
from regime.lists.vocabulary import Parameter, ParamKind, Vocabulary, suggest

_QUANTITY = re.compile(r"^\s*(?P<number>[-+]?(\d[\d,_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?)\s*(?P<unit>.*?)\s*$")


class BadValue(Exception):
    """A problem with one value; the caller adds where it was."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.path = path


def canonical_facts(parameters: Mapping[str, Any], vocabulary: Vocabulary, *, where: str) -> dict[str, Any]:
    """Every stated parameter converted to its canonical form (``None`` values stay unknown)."""
    known = vocabulary.parameters
    facts: dict[str, Any] = {}
    for name, raw in parameters.items():
        param = known.get(name)
        if param is None:
            vocabulary.require(name, where=where)  # raises with a suggestion
            continue
        facts[name] = fact_value(param, raw, where=where, name=name)
    return facts


def fact_value(param: Parameter, raw: Any, *, where: str, name: str) -> Any:
    """One stated value in its canonical form; a problem names where it was and the parameter."""
    try:
        return _value(param, raw)
    except BadValue as bad:
        raise InputError(str(bad), where=f"{where}: {name}{bad.path}") from None


def fact_column(param: Parameter, raws: list[Any]) -> list[Any]:
    """A whole column of stated values converted at once (the common cases inline), None kept as unknown.

    A bad value raises :class:`BadValue` without a place: the caller re-reads the column value by
    value with :func:`fact_value` so that the item is named.
    """
    if param.kind is ParamKind.QUANTITY:
        out: list[Any] = []
        append = out.append
        for raw in raws:
            kind = type(raw)
            if kind is float or kind is int:
                append(float(raw))
            elif raw is None:
                append(None)
            elif kind is str and (parsed := _split_quantity(raw)) is not None and not parsed[1]:
                append(parsed[0])
            else:
                append(_value(param, raw))
        return out
    if param.kind is ParamKind.FLAG and all(raw is None or raw is True or raw is False for raw in raws):
        return list(raws)
    return [None if raw is None else _value(param, raw) for raw in raws]


def _value(param: Parameter, raw: Any) -> Any:
    if raw is None:
        return None
    kind = param.kind
    if kind is ParamKind.QUANTITY:
        return quantity_of(raw, param)
    if kind is ParamKind.FLAG:
        if raw is not True and raw is not False:
            raise BadValue(f"expected true or false, got {raw!r}")
        return raw
    if kind is ParamKind.TEXT:
        return _word(str(raw), param)
    if kind is ParamKind.SET:
        words = [raw] if isinstance(raw, str) else raw
        if not isinstance(words, list | tuple | set | frozenset):
            raise BadValue(f"expected a list of words, got {raw!r}")
        return frozenset(_word(str(w), param) for w in words)
    return _rows(param, raw)


def _rows(group: Parameter, raw: Any) -> tuple[dict[str, Any], ...]:
    if not isinstance(raw, list | tuple):
        raise BadValue(f"expected a list of records with {', '.join(group.fields)}")
    rows = []
    for index, row in enumerate(raw):
        if not isinstance(row, Mapping):
            raise BadValue(f"expected a record, got {row!r}", f"[{index}]")
        converted = {}
        for key, value in row.items():
            if key == "note":
                continue
            field = group.fields.get(key)
            if field is None:
                raise BadValue(f"unknown field {key!r} of {group.name}{suggest(key, group.fields)}", f"[{index}]")
            try:
                converted[key] = _value(field, value)
            except BadValue as bad:
                raise BadValue(str(bad), f"[{index}].{key}") from None
        rows.append(converted)
    return tuple(rows)


def _word(word: str, param: Parameter) -> str:
    if param.values is not None and word not in param.values:
        allowed = ", ".join(sorted(param.values))
        raise BadValue(
            f"{word!r} is not a value of {param.name}{suggest(word, sorted(param.values))}; expected one of {allowed}"
        )
    return word


def quantity(raw: Any, param: Parameter, *, where: str) -> float:
    """A magnitude in the parameter's canonical unit from a number, ``"600 GB/s"`` or ``{value, unit}``."""
    try:
        return quantity_of(raw, param)
    except BadValue as bad:
        raise InputError(str(bad), where=where) from None


def quantity_of(raw: Any, param: Parameter) -> float:
    """As :func:`quantity`, raising the internal error the callers locate."""
    kind = type(raw)
    if kind is float or kind is int:
        return float(raw)
    if isinstance(raw, str):
        parsed = _split_quantity(raw)
        if parsed is None:
            raise BadValue(f"expected a number{_unit_hint(param)}, got {raw!r}")
        number, unit_text = parsed
    elif isinstance(raw, Mapping) and "value" in raw:
        number, unit_text = raw["value"], str(raw.get("unit", ""))
        if not isinstance(number, int | float) or isinstance(number, bool):
            raise BadValue(f"expected a number as value, got {number!r}")
    else:
        raise BadValue(f"expected a number{_unit_hint(param)}, got {raw!r}")
    if not unit_text:
        return float(number)
    scaled: float = _scale(unit_text, param)(float(number))
    return scaled


@functools.lru_cache(maxsize=65536)
def _split_quantity(text: str) -> tuple[float, str] | None:
    """``"600 GB/s"`` -> (600.0, "GB/s"); None when it is not a number with an optional unit."""
    match = _QUANTITY.match(text)
    if match is None:
        return None
    return float(match["number"].replace(",", "").replace("_", "")), match["unit"]


@functools.lru_cache(maxsize=4096)
def _scale(unit_text: str, param: Parameter) -> Any:
    """The conversion from a written unit to the parameter's canonical unit, checked once."""
    try:
        unit = parse_unit(unit_text)
    except InputError as exc:
        raise BadValue(str(exc)) from None
    if not same_dimension(unit, param.unit):
        raise BadValue(
            f"{unit_text} is {dimension_name(unit)} but {param.name} is {dimension_name(param.unit)}{_unit_hint(param)}"
        )
    target = param.unit
    if unit == target:
        return float
    return lambda number: convert(number, unit, target)


def _unit_hint(param: Parameter) -> str:
    unit = format_unit(param.unit) if param.unit is not None else ""
    return f" in {unit} (or another unit of the same kind)" if unit else ""
