"""Evaluate a checked tree over columns of many items at once (numpy), with the same three-valued logic.

Truth values are float arrays: 1.0 true, 0.0 false, NaN unknown. Numbers are float arrays with NaN
for unknown; words are object arrays with None for unknown; a group (processing units) is ``Rows``:
offsets into exploded columns. The row-by-row evaluator in ``evaluate.py`` is the reference: a
property test holds the two together on random items.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from regime.lists.expr.typed import (
    BOOL,
    NUM,
    T,
    TAggregate,
    TArith,
    TCompare,
    TConst,
    TKnown,
    TListRef,
    TLogical,
    TMember,
    TNeg,
    TNot,
    TParam,
)

Array = Any  # numpy arrays: float64 for numbers and truth values, object for words
NAN = float("nan")
_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "<": np.less,
    "<=": np.less_equal,
    ">": np.greater,
    ">=": np.greater_equal,
    "==": np.equal,
    "!=": np.not_equal,
}
_ARITH: dict[str, Callable[[Any, Any], Any]] = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide}


@dataclass(frozen=True)
class Rows:
    """A group parameter over many items: row ``offsets`` per item and the exploded field columns."""

    offsets: Array  # int64, length n + 1
    fields: Mapping[str, Array]
    known: Array  # bool per item: the item states the group at all


class VectorContext(Protocol):
    """The columns of many items and their classifications so far, as truth arrays."""

    size: int
    columns: Mapping[str, Array | Rows]

    def meets(self, pattern: str) -> Array: ...

    def exceeds(self, pattern: str) -> Array: ...

    def contains(self, pattern: str) -> Array: ...

    def for_item(self, pattern: str) -> Array: ...


def kleene_and(a: Array, b: Array) -> Array:
    """Three-valued and: false if either is false, unknown if either is unknown, else true."""
    out = np.where(np.isnan(a) | np.isnan(b), NAN, 1.0)
    return np.where((a == 0.0) | (b == 0.0), 0.0, out)


def kleene_or(a: Array, b: Array) -> Array:
    """Three-valued or: true if either is true, unknown if either is unknown, else false."""
    out = np.where(np.isnan(a) | np.isnan(b), NAN, 0.0)
    return np.where((a == 1.0) | (b == 1.0), 1.0, out)


def truth(values: Array) -> Array:
    """Booleans (or None for unknown) as a truth array."""
    return np.array([NAN if v is None else float(v) for v in values], dtype=float)


class _Frame:
    """What is being evaluated: the items (``rows`` None) or the exploded rows of one group."""

    def __init__(
        self, ctx: VectorContext, size: int, rows: Mapping[str, Array] | None = None, repeat: Array | None = None
    ) -> None:
        self.ctx = ctx
        self.size = size
        self.rows = rows
        self.repeat = repeat  # rows per item, to spread item-level columns over the rows


def vector_eval(node: T, ctx: VectorContext) -> Array:
    """The value of ``node`` for every item of ``ctx``."""
    return _eval(node, _Frame(ctx, ctx.size))


def _eval(node: T, frame: _Frame) -> Array:
    if isinstance(node, TConst):
        if node.kind in (NUM, BOOL):
            return np.full(frame.size, float(node.value))
        return np.full(frame.size, node.value, dtype=object)
    if isinstance(node, TParam):
        return _param(node, frame)
    if isinstance(node, TCompare):
        return _compare(node, frame)
    if isinstance(node, TLogical):
        combine = kleene_and if node.op == "and" else kleene_or
        result = _eval(node.operands[0], frame)
        for operand in node.operands[1:]:
            result = combine(result, _eval(operand, frame))
        return result
    if isinstance(node, TNot):
        return 1.0 - _eval(node.operand, frame)
    if isinstance(node, TArith):
        a, b = _eval(node.left, frame), _eval(node.right, frame) * node.right_factor
        with np.errstate(divide="ignore", invalid="ignore"):
            out = _ARITH[node.op](a, b)
        return np.where(np.isfinite(out), out, NAN) if node.op == "/" else out
    if isinstance(node, TNeg):
        return -_eval(node.operand, frame)
    if isinstance(node, TMember):
        return _member(node, frame)
    if isinstance(node, TAggregate):
        return _aggregate(node, frame)
    if isinstance(node, TListRef):
        ask = getattr(frame.ctx, node.function)
        result = ask(node.refs[0])
        for ref in node.refs[1:]:
            result = kleene_or(result, ask(ref))
        return result
    if isinstance(node, TKnown):
        column = frame.ctx.columns.get(node.name)
        return _known(column, frame.size)
    raise TypeError(f"no vector evaluator for {type(node).__name__}")


def _known(column: Array | Rows | None, size: int) -> Array:
    if column is None:
        return np.zeros(size)
    if isinstance(column, Rows):
        return column.known.astype(float)
    if column.dtype == object:
        return np.array([0.0 if v is None else 1.0 for v in column])
    return (~np.isnan(column)).astype(float)


def _param(node: TParam, frame: _Frame) -> Array:
    if node.in_row:
        assert frame.rows is not None
        found = frame.rows.get(node.name)
    else:
        found = frame.ctx.columns.get(node.name)
        if frame.repeat is not None and found is not None and not isinstance(found, Rows):
            found = np.repeat(found, frame.repeat)
    if found is None:
        return np.full(frame.size, NAN) if node.kind in (NUM, BOOL) else np.full(frame.size, None, dtype=object)
    return found


def _compare(node: TCompare, frame: _Frame) -> Array:
    a = _eval(node.left, frame)
    b = _eval(node.right, frame)
    if a.dtype == object or b.dtype == object:
        unknown = np.array([x is None or y is None for x, y in zip(a, b, strict=True)])
        same = np.array([x == y for x, y in zip(a, b, strict=True)])
        result = same if node.op == "==" else ~same
        return np.where(unknown, NAN, result.astype(float))
    if node.right_factor != 1.0:
        b = b * node.right_factor
    with np.errstate(invalid="ignore"):
        result = _COMPARE[node.op](a, b).astype(float)
    return np.where(np.isnan(a) | np.isnan(b), NAN, result)


def _member(node: TMember, frame: _Frame) -> Array:
    element = _eval(node.element, frame)
    collection = _eval(node.collection, frame)
    out = np.empty(frame.size)
    for i in range(frame.size):
        e, c = element[i], collection[i]
        unknown = e is None or c is None or (isinstance(e, float) and e != e)
        out[i] = NAN if unknown else float((e in c) is not node.negated)
    return out


def _aggregate(node: TAggregate, frame: _Frame) -> Array:
    rows = frame.ctx.columns.get(node.group)
    if not isinstance(rows, Rows):
        return np.full(frame.size, NAN)
    counts = np.diff(rows.offsets)
    if node.inner is None:
        return np.where(rows.known, counts.astype(float), NAN)
    row_frame = _Frame(frame.ctx, int(rows.offsets[-1]), rows.fields, counts)
    values = _eval(node.inner, row_frame)
    return _reduce(node.function, values, rows)


def _reduce(function: str, values: Array, rows: Rows) -> Array:
    """Fold exploded row values per item, as ``evaluate.combine`` does row by row."""
    starts = rows.offsets[:-1]
    counts = np.diff(rows.offsets)
    size = len(counts)
    unknown = np.isnan(values)
    any_unknown = _per_item(np.logical_or.reduceat, unknown, starts, counts, False)
    if function in ("any", "all"):
        decisive = 1.0 if function == "any" else 0.0
        hit = _per_item(np.logical_or.reduceat, values == decisive, starts, counts, False)
        out = np.where(hit, decisive, np.where(any_unknown, NAN, 1.0 - decisive))
    elif function == "count":
        trues = _per_item(np.add.reduceat, (values == 1.0).astype(float), starts, counts, 0.0)
        out = np.where(any_unknown, NAN, trues)
    else:
        filled = np.where(unknown, 0.0, values)
        reducer = {"sum": np.add.reduceat, "max": np.maximum.reduceat, "min": np.minimum.reduceat}[function]
        empty = 0.0 if function == "sum" else NAN
        out = np.where(any_unknown, NAN, _per_item(reducer, filled, starts, counts, empty))
    return np.where(rows.known, out, NAN) if size else out


def _per_item(reducer: Any, values: Array, starts: Array, counts: Array, empty: Any) -> Array:
    """``reducer`` over each item's rows; items without rows get ``empty``."""
    result = np.full(len(counts), empty, dtype=values.dtype if values.size else float)
    nonempty = counts > 0
    if values.size and nonempty.any():
        result[nonempty] = reducer(values, starts[nonempty])
    return result
