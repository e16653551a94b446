"""Check a parsed criterion against the parameters in scope and compile it for evaluation.

Checking resolves every name, verifies that compared quantities measure the same thing (a length
against a length), converts written literals into the unit of the side they are compared with,
and rejects words outside a parameter's allowed values. A bare number compared with a quantity is
read in that quantity's canonical unit, as regulations write "a 'performance density' of 5.92".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from regime.lists.expr import ast
from regime.lists.expr.context import is_group_pattern
from regime.lists.expr.errors import ExprError
from regime.lists.expr.evaluate import Evaluator, build
from regime.lists.expr.parser import parse
from regime.lists.expr.typed import (
    BOOL,
    GROUP,
    NUM,
    SET,
    TEXT,
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
    walk,
)
from regime.lists.numbering import parse_ref
from regime.lists.units import dimension_name, factor, format_unit, parse_unit, registry, same_dimension
from regime.lists.vocabulary import Parameter, ParamKind, suggest

_KIND_OF = {
    ParamKind.QUANTITY: NUM,
    ParamKind.FLAG: BOOL,
    ParamKind.TEXT: TEXT,
    ParamKind.SET: SET,
    ParamKind.GROUP: GROUP,
}
AGGREGATES = frozenset({"sum", "max", "min", "count", "any", "all"})
LIST_FUNCTIONS = frozenset({"meets", "exceeds", "contains", "for_item"})


@dataclass(frozen=True)
class Scope:
    """The names a criterion may use: parameters (and derived parameters) by name."""

    parameters: Mapping[str, Parameter]
    where: str | None = None


@dataclass(frozen=True)
class Compiled:
    """A checked, compiled expression: its tree, its fast evaluator and what it depends on."""

    text: str
    tree: T
    evaluate: Evaluator
    names: frozenset[str] = field(default_factory=frozenset)
    list_refs: frozenset[str] = field(default_factory=frozenset)

    @property
    def kind(self) -> str:
        """The kind of value the expression gives (``true/false`` for criteria)."""
        return self.tree.kind


class _Checker:
    def __init__(self, text: str, scope: Scope) -> None:
        self.text = text
        self.scope = scope
        self.row: Parameter | None = None
        self.dimensionless = registry().dimensionless

    def error(self, message: str, node: ast.Node | T) -> ExprError:
        return ExprError(message, text=self.text, position=node.position, where=self.scope.where)

    def check(self, node: ast.Node) -> T:
        method: Callable[[Any], T] = getattr(self, f"_{type(node).__name__.lower()}")
        return method(node)

    def _number(self, node: ast.Number) -> T:
        try:
            unit = parse_unit(node.unit) if node.unit else self.dimensionless
        except Exception as exc:
            raise self.error(str(exc), node) from None
        written = f"{node.value:g} {format_unit(unit)}".strip()
        return TConst(NUM, unit, node.position, node.value, written)

    def _string(self, node: ast.String) -> T:
        return TConst(TEXT, None, node.position, node.value, repr(node.value))

    def _boolean(self, node: ast.Boolean) -> T:
        return TConst(BOOL, None, node.position, node.value, str(node.value).lower())

    def _name(self, node: ast.Name) -> T:
        if self.row is not None and node.name in self.row.fields:
            field_param = self.row.fields[node.name]
            return TParam(_KIND_OF[field_param.kind], field_param.unit, node.position, node.name, True)
        param = self.scope.parameters.get(node.name)
        if param is None:
            known = list(self.scope.parameters) + list(self.row.fields if self.row else [])
            raise self.error(f"unknown parameter {node.name!r}{suggest(node.name, known)}", node)
        return TParam(_KIND_OF[param.kind], param.unit, node.position, node.name, False)

    def _setliteral(self, node: ast.SetLiteral) -> T:
        items = [self.check(item) for item in node.items]
        if not all(isinstance(item, TConst) and item.kind in (TEXT, NUM) for item in items):
            raise self.error("a set holds quoted words or plain numbers only", node)
        values = frozenset(item.value for item in items if isinstance(item, TConst))
        written = "{" + ", ".join(item.written for item in items if isinstance(item, TConst)) + "}"
        return TConst(SET, None, node.position, values, written)

    def _arithmetic(self, node: ast.Arithmetic) -> T:
        left, right = self.number(node.left), self.number(node.right)
        if node.op in "+-":
            if not same_dimension(left.unit, right.unit):
                raise self.error(self.mismatch(left.unit, right.unit, f"cannot {node.op} "), node)
            return TArith(NUM, left.unit, node.position, node.op, left, right, factor(right.unit, left.unit))
        unit = left.unit * right.unit if node.op == "*" else left.unit / right.unit
        return TArith(NUM, unit, node.position, node.op, left, right, 1.0)

    def _negate(self, node: ast.Negate) -> T:
        operand = self.number(node.operand)
        return TNeg(NUM, operand.unit, node.position, operand)

    def _compare(self, node: ast.Compare) -> T:
        left, right = self.check(node.left), self.check(node.right)
        if left.kind != right.kind:
            raise self.error(f"cannot compare {left.kind} with {right.kind}", node)
        if left.kind in (BOOL, TEXT, SET, GROUP) and node.op not in ("==", "!="):
            raise self.error(f"{node.op!r} compares numbers; {left.kind} takes == or !=", node)
        if left.kind == TEXT:
            self.check_word(left, right)
            self.check_word(right, left)
        scale = 1.0
        if left.kind == NUM:
            left, right = self.adopt_unit(left, right), self.adopt_unit(right, left)
            if not same_dimension(left.unit, right.unit):
                raise self.error(self.mismatch(left.unit, right.unit, "cannot compare "), node)
            scale = factor(right.unit, left.unit)
        return TCompare(BOOL, None, node.position, node.op, left, right, scale)

    def _member(self, node: ast.Member) -> T:
        element, collection = self.check(node.element), self.check(node.collection)
        if collection.kind != SET:
            raise self.error(f"'in' needs a set on its right, found {collection.kind}", node.collection)
        if element.kind not in (TEXT, NUM):
            raise self.error(f"'in' tests a word or a number, found {element.kind}", node.element)
        if isinstance(collection, TConst) and isinstance(element, TParam):
            for word in collection.value:
                self.check_allowed(element.name, word, node.collection)
        return TMember(BOOL, None, node.position, element, collection, node.negated)

    def _logical(self, node: ast.Logical) -> T:
        operands = tuple(self.boolean(operand) for operand in node.operands)
        return TLogical(BOOL, None, node.position, node.op, operands)

    def _not(self, node: ast.Not) -> T:
        return TNot(BOOL, None, node.position, self.boolean(node.operand))

    def _call(self, node: ast.Call) -> T:
        if node.function in AGGREGATES:
            return self.aggregate(node)
        if node.function in LIST_FUNCTIONS:
            return self.list_function(node)
        if node.function == "known":
            if len(node.args) != 1 or not isinstance(node.args[0], ast.Name):
                raise self.error("known() takes one parameter name", node)
            self.check(node.args[0])
            return TKnown(BOOL, None, node.position, node.args[0].name)
        functions = sorted(AGGREGATES | LIST_FUNCTIONS | {"known"})
        raise self.error(f"unknown function {node.function!r}{suggest(node.function, functions)}", node)

    def aggregate(self, node: ast.Call) -> T:
        if not node.args or not isinstance(node.args[0], ast.Name):
            raise self.error(f"{node.function}() takes a group name first", node)
        group = self.scope.parameters.get(node.args[0].name)
        if group is None or group.kind is not ParamKind.GROUP:
            raise self.error(f"{node.args[0].name!r} is not a group parameter", node.args[0])
        if node.function == "count" and len(node.args) == 1:
            return TAggregate(NUM, self.dimensionless, node.position, "count", group.name, None)
        if len(node.args) != 2:
            raise self.error(f"{node.function}() takes a group and one expression", node)
        outer, self.row = self.row, group
        try:
            inner = self.check(node.args[1])
        finally:
            self.row = outer
        wants = BOOL if node.function in ("any", "all", "count") else NUM
        if inner.kind != wants:
            raise self.error(f"{node.function}() needs a {wants} expression, found {inner.kind}", node.args[1])
        kind = BOOL if node.function in ("any", "all") else NUM
        unit = inner.unit if node.function in ("sum", "max", "min") else self.dimensionless
        return TAggregate(kind, unit if kind == NUM else None, node.position, node.function, group.name, inner)

    def list_function(self, node: ast.Call) -> T:
        if not node.args or not all(isinstance(arg, ast.String) for arg in node.args):
            raise self.error(f'{node.function}() takes quoted list references such as "3A090.a"', node)
        refs = []
        for arg in node.args:
            assert isinstance(arg, ast.String)
            refs.append(self.list_pattern(arg))
        return TListRef(BOOL, None, node.position, node.function, tuple(refs))

    def list_pattern(self, arg: ast.String) -> str:
        text = arg.value.strip()
        if is_group_pattern(text.upper()):
            return text.upper()
        try:
            return str(parse_ref(text))
        except Exception as exc:
            raise self.error(str(exc), arg) from None

    def number(self, node: ast.Node) -> T:
        checked = self.check(node)
        if checked.kind != NUM:
            raise self.error(f"expected a number, found {checked.kind}", node)
        return checked

    def boolean(self, node: ast.Node) -> T:
        checked = self.check(node)
        if checked.kind != BOOL:
            raise self.error(f"expected a true/false condition, found {checked.kind}", node)
        return checked

    def adopt_unit(self, literal: T, other: T) -> T:
        """A bare number compared with a quantity is read in that quantity's unit."""
        if isinstance(literal, TConst) and literal.unit == self.dimensionless and other.unit != literal.unit:
            written = f"{literal.value:g} {format_unit(other.unit)}".strip()
            return TConst(NUM, other.unit, literal.position, literal.value, written)
        return literal

    def check_word(self, param: T, word: T) -> None:
        if isinstance(param, TParam) and isinstance(word, TConst):
            self.check_allowed(param.name, word.value, word)

    def check_allowed(self, name: str, word: object, node: ast.Node | T) -> None:
        spec = self.scope.parameters.get(name)
        if spec is not None and spec.values is not None and str(word) not in spec.values:
            allowed = ", ".join(sorted(spec.values))
            raise self.error(f"{word!r} is not a value of {name!r} (expected one of {allowed})", node)

    def mismatch(self, left: Any, right: Any, verb: str) -> str:
        return (
            f"unit mismatch: {verb}{format_unit(left) or 'a pure number'} ({dimension_name(left)}) "
            f"with {format_unit(right) or 'a pure number'} ({dimension_name(right)})"
        )


def compile_expression(text: str, scope: Scope, *, expect: str = BOOL) -> Compiled:
    """Parse, check and compile ``text``; errors name the scope's place and the position."""
    tree = _Checker(text, scope).check(parse(text, where=scope.where))
    if tree.kind != expect:
        raise ExprError(f"expected a {expect} expression, found {tree.kind}", text=text, position=0, where=scope.where)
    nodes = walk(tree)
    names = frozenset(n.name for n in nodes if isinstance(n, TParam | TKnown)) | frozenset(
        n.group for n in nodes if isinstance(n, TAggregate)
    )
    refs = frozenset(r for n in nodes if isinstance(n, TListRef) for r in n.refs)
    return Compiled(text=text, tree=tree, evaluate=build(tree), names=names, list_refs=refs)
