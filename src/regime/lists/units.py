"""The unit registry criteria and items are checked with (pint), and cached conversions.

Pint counts bits and bytes as dimensionless, which would let ``600 GB/s`` pass for a frequency;
here information gets a dimension of its own, and the field's units (weighted teraflops) are added.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path
from typing import Any

import pint

from regime.errors import InputError
from regime.once import built_once

_EXTRA_DEFINITIONS = (
    "weighted_teraflops = [adjusted_peak_performance] = WT",
    "TFLOPS = 1e12 / second",
    "TOPS = 1e12 / second",
)


@built_once
def registry() -> Any:
    """The one unit registry, built once per process."""
    source = Path(pint.__file__).parent
    text = (source / "default_en.txt").read_text()
    patched = text.replace("\nbit = []\n", "\nbit = [information]\n")
    if patched == text:
        raise RuntimeError("pint's definition of 'bit' moved: update regime.lists.units")
    folder = Path(tempfile.mkdtemp(prefix="regime-units-"))
    (folder / "default_en.txt").write_text(patched)
    (folder / "constants_en.txt").write_text((source / "constants_en.txt").read_text())
    units: Any = pint.UnitRegistry(str(folder / "default_en.txt"), autoconvert_offset_to_baseunit=True)
    for definition in _EXTRA_DEFINITIONS:
        units.define(definition)
    return units


@functools.cache
def parse_unit(text: str) -> Any:
    """A pint unit from its written form (``GB/s``, ``nm``, ``1/mm^2``, ``dimensionless``)."""
    if not text or text.strip() in ("1", "dimensionless"):
        return registry().dimensionless
    try:
        return registry().parse_units(text.strip())
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, ValueError, TypeError) as exc:
        raise InputError(f"{text!r} is not a unit regime knows ({exc})") from exc


@functools.cache
def is_unit_name(name: str) -> bool:
    """True when ``name`` alone is a unit symbol or name (``nm``, ``GHz``, ``kg``)."""
    try:
        registry().parse_units(name)
    except Exception:
        return False
    return True


@functools.cache
def same_dimension(a: Any, b: Any) -> bool:
    """True when two units measure the same kind of quantity."""
    return bool(registry().Quantity(1, a).dimensionality == registry().Quantity(1, b).dimensionality)


@functools.cache
def dimension_name(unit: Any) -> str:
    """A readable name of a unit's dimension, for error messages."""
    dims = registry().Quantity(1, unit).dimensionality
    return "a pure number" if not dims else str(dims).replace("[", "").replace("]", "")


@functools.cache
def factor(source: Any, target: Any) -> float:
    """The multiplier taking a magnitude in ``source`` to ``target`` (multiplicative units only)."""
    if not same_dimension(source, target):
        raise InputError(f"cannot convert {source} ({dimension_name(source)}) to {target}")
    return float(registry().Quantity(1.0, source).to(target).magnitude)


def convert(value: float, source: Any, target: Any) -> float:
    """Convert a magnitude; offset units such as degrees Celsius go through pint itself."""
    if source == target:
        return value
    if _has_offset(source) or _has_offset(target):
        return float(registry().Quantity(value, source).to(target).magnitude)
    return value * factor(source, target)


@functools.cache
def _has_offset(unit: Any) -> bool:
    return not registry().Quantity(1, unit)._is_multiplicative


_UNIT_TEXT: dict[int, tuple[Any, str]] = {}


def format_unit(unit: Any) -> str:
    """A short written form of a unit (``GB/s``); empty for pure numbers. Memoised per unit object."""
    found = _UNIT_TEXT.get(id(unit))
    if found is not None and found[0] is unit:
        return found[1]
    text = "" if unit == registry().dimensionless else f"{unit:~}"
    text = text.replace(" ** ", "^").replace(" / ", "/").replace(" * ", "·")
    _UNIT_TEXT[id(unit)] = (unit, text)
    return text
