"""Compile a checked tree into nested closures: fast evaluation with three-valued logic.

``None`` stands for unknown. A comparison with an unknown side is unknown; ``a and b`` is False
when either is False, ``a or b`` True when either is True, and unknown otherwise.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from typing import Any

from regime.lists.expr.context import Context
from regime.lists.expr.typed import (
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

Evaluator = Callable[[Mapping[str, Any], Context], Any]

OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
}


def build(node: T) -> Evaluator:
    """The closure evaluating ``node`` over (row or item values, context)."""
    if isinstance(node, TConst):
        value = node.value
        return lambda values, ctx: value
    if isinstance(node, TParam):
        return _param(node)
    if isinstance(node, TCompare):
        return _compare(node)
    if isinstance(node, TLogical):
        return _logical(node)
    if isinstance(node, TNot):
        inner = build(node.operand)

        def negate(values: Mapping[str, Any], ctx: Context) -> Any:
            result = inner(values, ctx)
            return None if result is None else not result

        return negate
    if isinstance(node, TArith):
        return _arith(node)
    if isinstance(node, TNeg):
        operand = build(node.operand)
        return lambda values, ctx: None if (v := operand(values, ctx)) is None else -v
    if isinstance(node, TMember):
        return _member(node)
    if isinstance(node, TAggregate):
        return _aggregate(node)
    if isinstance(node, TListRef):
        return _list_ref(node)
    if isinstance(node, TKnown):
        name = node.name
        return lambda values, ctx: ctx.values.get(name) is not None
    raise TypeError(f"no evaluator for {type(node).__name__}")


def _param(node: TParam) -> Evaluator:
    name = node.name
    if node.in_row:
        return lambda values, ctx: values.get(name)
    return lambda values, ctx: ctx.values.get(name)


def _compare(node: TCompare) -> Evaluator:
    op = OPERATORS[node.op]
    scale = node.right_factor
    left, right = node.left, node.right
    if isinstance(left, TParam) and isinstance(right, TConst) and not left.in_row:
        name, threshold = left.name, right.value * scale if isinstance(right.value, float) else right.value

        def param_vs_const(values: Mapping[str, Any], ctx: Context) -> Any:
            value = ctx.values.get(name)
            return None if value is None else op(value, threshold)

        return param_vs_const
    left_fn, right_fn = build(left), build(right)
    scaled = scale != 1.0

    def general(values: Mapping[str, Any], ctx: Context) -> Any:
        a = left_fn(values, ctx)
        if a is None:
            return None
        b = right_fn(values, ctx)
        if b is None:
            return None
        return op(a, b * scale if scaled else b)

    return general


def _logical(node: TLogical) -> Evaluator:
    parts = tuple(build(operand) for operand in node.operands)
    decisive = node.op == "or"

    def logical(values: Mapping[str, Any], ctx: Context) -> Any:
        unknown = False
        for part in parts:
            result = part(values, ctx)
            if result is None:
                unknown = True
            elif result is decisive:
                return decisive
        return None if unknown else not decisive

    return logical


def _arith(node: TArith) -> Evaluator:
    op = OPERATORS[node.op]
    left_fn, right_fn, scale = build(node.left), build(node.right), node.right_factor

    def arith(values: Mapping[str, Any], ctx: Context) -> Any:
        a = left_fn(values, ctx)
        b = right_fn(values, ctx)
        if a is None or b is None:
            return None
        if node.op == "/" and b == 0:
            return None
        return op(a, b * scale)

    return arith


def _member(node: TMember) -> Evaluator:
    element_fn, collection_fn, negated = build(node.element), build(node.collection), node.negated

    def member(values: Mapping[str, Any], ctx: Context) -> Any:
        element = element_fn(values, ctx)
        collection = collection_fn(values, ctx)
        if element is None or collection is None:
            return None
        return (element in collection) is not negated

    return member


def _aggregate(node: TAggregate) -> Evaluator:
    group, function = node.group, node.function
    inner = build(node.inner) if node.inner is not None else None

    def aggregate(values: Mapping[str, Any], ctx: Context) -> Any:
        rows = ctx.values.get(group)
        if rows is None:
            return None
        if inner is None:
            return float(len(rows))
        results = [inner(row, ctx) for row in rows]
        return combine(function, results)

    return aggregate


def combine(function: str, results: list[Any]) -> Any:
    """Fold per-row results; unknown rows make sums unknown but not decided any/all."""
    if function == "any":
        return True if any(r is True for r in results) else (None if None in results else False)
    if function == "all":
        return False if any(r is False for r in results) else (None if None in results else True)
    if function == "count":
        return None if None in results else float(sum(1 for r in results if r))
    if None in results:
        return None
    if not results:
        return 0.0 if function == "sum" else None
    if function == "sum":
        return sum(results)
    return max(results) if function == "max" else min(results)


def _list_ref(node: TListRef) -> Evaluator:
    refs, function = node.refs, node.function

    def list_ref(values: Mapping[str, Any], ctx: Context) -> Any:
        ask = getattr(ctx, function)
        unknown = False
        for ref in refs:
            answer = ask(ref)
            if answer is True:
                return True
            if answer is None:
                unknown = True
        return None if unknown else False

    return list_ref
