"""Write a checked tree back as text, with literals in the units they are compared in."""

from __future__ import annotations

from regime.lists.expr.typed import (
    SET,
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
from regime.lists.units import format_unit

_PRECEDENCE = {"or": 1, "and": 2}


_RENDERED: dict[tuple[int, int], tuple[T, str]] = {}


def render(node: T, parent: int = 0) -> str:
    """Readable text of ``node`` (``tpp >= 4800``, ``wavelength < 193 nm``), memoised per node."""
    key = (id(node), parent)
    found = _RENDERED.get(key)
    if found is not None and found[0] is node:
        return found[1]
    text = _render(node, parent)
    _RENDERED[key] = (node, text)
    return text


def _render(node: T, parent: int) -> str:
    if isinstance(node, TConst):
        return _constant(node)
    if isinstance(node, TParam | TKnown):
        return node.name if isinstance(node, TParam) else f"known({node.name})"
    if isinstance(node, TCompare):
        return f"{render(node.left, 3)} {node.op} {render(node.right, 3)}"
    if isinstance(node, TMember):
        word = "not in" if node.negated else "in"
        return f"{render(node.element, 3)} {word} {render(node.collection, 3)}"
    if isinstance(node, TLogical):
        level = _PRECEDENCE[node.op]
        text = f" {node.op} ".join(render(operand, level) for operand in node.operands)
        return f"({text})" if parent > level else text
    if isinstance(node, TNot):
        return f"not {render(node.operand, 3)}"
    if isinstance(node, TArith):
        level = 4 if node.op in "+-" else 5
        text = f"{render(node.left, level)} {node.op} {render(node.right, level + 1)}"
        return f"({text})" if parent > level else text
    if isinstance(node, TNeg):
        return f"-{render(node.operand, 6)}"
    if isinstance(node, TAggregate):
        inner = f", {render(node.inner)}" if node.inner is not None else ""
        return f"{node.function}({node.group}{inner})"
    if isinstance(node, TListRef):
        quoted = ", ".join(f'"{ref}"' for ref in node.refs)
        return f"{node.function}({quoted})"
    raise TypeError(f"cannot render {type(node).__name__}")


def _constant(node: TConst) -> str:
    if node.kind == SET:
        return "{" + ", ".join(sorted(_word(v) for v in node.value)) + "}"
    if isinstance(node.value, bool):
        return str(node.value).lower()
    if isinstance(node.value, str):
        return _word(node.value)
    unit = format_unit(node.unit) if node.unit is not None else ""
    return f"{node.value:g} {unit}".strip()


def _word(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) else f"{value:g}"


def format_value(value: object, unit: object = None) -> str:
    """A fact as shown in a trace: ``4707``, ``600 GB/s``, ``true``, ``"datacenter"``."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        text = f"{value:,.0f}" if abs(value) >= 1000 or value.is_integer() else f"{value:.4g}"
        suffix = format_unit(unit) if unit is not None else ""
        return f"{text} {suffix}".strip()
    if isinstance(value, frozenset | set):
        return "{" + ", ".join(sorted(str(v) for v in value)) + "}"
    return str(value)
