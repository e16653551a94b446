"""Evaluate a checked tree step by step, recording each comparison: the values that decided it.

The explainer gives the same answers as the fast evaluator (a test holds them together) and can
force chosen comparisons to a result, which is how near misses are found: a failed comparison
close to its threshold is a near miss when forcing it to pass would satisfy the whole criterion.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from regime.lists.expr.context import Context
from regime.lists.expr.evaluate import OPERATORS, combine
from regime.lists.expr.render import format_value, render
from regime.lists.expr.typed import (
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


@dataclass(frozen=True)
class Step:
    """One comparison or test as it was decided."""

    node: TCompare | TMember | TListRef | TKnown | TParam
    text: str
    result: bool | None
    left: Any = None
    right: Any = None
    unit: Any = None

    @property
    def shown(self) -> str:
        """``tpp >= 4800: 4,707 -> false``."""
        if isinstance(self.node, TCompare) and self.node.left.kind == NUM:
            values = f"{format_value(self.left, self.unit)} vs {format_value(self.right, self.unit)}"
        elif isinstance(self.node, TCompare | TMember):
            values = f"{format_value(self.left)} vs {format_value(self.right)}"
        else:
            values = ""
        verdict = {True: "true", False: "false", None: "unknown"}[self.result]
        return f"{self.text}: {values} -> {verdict}" if values else f"{self.text} -> {verdict}"

    def relative_gap(self) -> float | None:
        """How far a failed numeric comparison is from passing, as a share of the threshold."""
        if not isinstance(self.node, TCompare) or self.result is not False or self.node.op in ("==", "!="):
            return None
        if not isinstance(self.left, float) or not isinstance(self.right, float):
            return None
        threshold, value = (self.right, self.left) if isinstance(self.node.right, TConst) else (self.left, self.right)
        if threshold == 0:
            return None
        return abs(threshold - value) / abs(threshold)

    def parameter(self) -> str | None:
        """The item parameter a numeric comparison tested, when one side is a parameter."""
        if isinstance(self.node, TCompare):
            for side in (self.node.left, self.node.right):
                if isinstance(side, TParam):
                    return side.name
        return None


class Explainer:
    """Evaluates one tree over one context, recording steps, with optional forced results."""

    def __init__(self, ctx: Context, overrides: Mapping[int, bool] | None = None) -> None:
        self.ctx = ctx
        self.overrides = overrides or {}
        self.steps: list[Step] = []

    def run(self, node: T, values: Mapping[str, Any] | None = None) -> Any:
        """The value of ``node``; steps are appended as comparisons are decided."""
        row = values if values is not None else self.ctx.values
        return self._eval(node, row)

    def _eval(self, node: T, row: Mapping[str, Any]) -> Any:
        if isinstance(node, TConst):
            return node.value
        if isinstance(node, TParam):
            value = row.get(node.name) if node.in_row else self.ctx.values.get(node.name)
            if node.kind != NUM and isinstance(value, bool):
                self.steps.append(Step(node, node.name, value))
            return value
        if isinstance(node, TCompare):
            return self._compare(node, row)
        if isinstance(node, TLogical):
            results = [self._eval(operand, row) for operand in node.operands]
            decisive = node.op == "or"
            if decisive in results:
                return decisive
            return None if None in results else not decisive
        if isinstance(node, TNot):
            inner = self._eval(node.operand, row)
            return None if inner is None else not inner
        if isinstance(node, TArith):
            a, b = self._eval(node.left, row), self._eval(node.right, row)
            if a is None or b is None or (node.op == "/" and b == 0):
                return None
            return OPERATORS[node.op](a, b * node.right_factor)
        if isinstance(node, TNeg):
            inner = self._eval(node.operand, row)
            return None if inner is None else -inner
        if isinstance(node, TMember):
            return self._member(node, row)
        if isinstance(node, TAggregate):
            return self._aggregate(node)
        if isinstance(node, TListRef):
            return self._list_ref(node)
        if isinstance(node, TKnown):
            known = self.ctx.values.get(node.name) is not None
            self.steps.append(Step(node, render(node), known))
            return known
        raise TypeError(f"cannot explain {type(node).__name__}")

    def _compare(self, node: TCompare, row: Mapping[str, Any]) -> Any:
        a, b = self._eval(node.left, row), self._eval(node.right, row)
        if isinstance(b, float):
            b = b * node.right_factor
        result = None if a is None or b is None else OPERATORS[node.op](a, b)
        result = self.overrides.get(id(node), result)
        self.steps.append(Step(node, render(node), result, a, b, node.left.unit))
        return result

    def _member(self, node: TMember, row: Mapping[str, Any]) -> Any:
        element, collection = self._eval(node.element, row), self._eval(node.collection, row)
        result = None if element is None or collection is None else (element in collection) is not node.negated
        result = self.overrides.get(id(node), result)
        self.steps.append(Step(node, render(node), result, element, collection))
        return result

    def _aggregate(self, node: TAggregate) -> Any:
        rows = self.ctx.values.get(node.group)
        if rows is None:
            return None
        if node.inner is None:
            return float(len(rows))
        inner = node.inner
        return combine(node.function, [self._eval(inner, row) for row in rows])

    def _list_ref(self, node: TListRef) -> Any:
        ask = getattr(self.ctx, node.function)
        answers = [ask(ref) for ref in node.refs]
        result = True if True in answers else (None if None in answers else False)
        self.steps.append(Step(node, render(node), result))
        return result


def explain(tree: T, ctx: Context, overrides: Mapping[int, bool] | None = None) -> tuple[Any, list[Step]]:
    """The value of ``tree`` over ``ctx`` and the steps that decided it."""
    explainer = Explainer(ctx, overrides)
    value = explainer.run(tree)
    return value, explainer.steps
