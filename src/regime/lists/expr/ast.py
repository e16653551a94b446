"""The syntax tree of a criterion. Every node keeps its position for error messages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Node:
    """Base of all nodes."""

    position: int


@dataclass(frozen=True)
class Number(Node):
    """A number, with the unit written after it (empty when none was written)."""

    value: float
    unit: str = ""


@dataclass(frozen=True)
class String(Node):
    """A quoted word."""

    value: str


@dataclass(frozen=True)
class Boolean(Node):
    """``true`` or ``false``."""

    value: bool


@dataclass(frozen=True)
class Name(Node):
    """A parameter, a derived parameter, or a field of the group being aggregated."""

    name: str


@dataclass(frozen=True)
class SetLiteral(Node):
    """``{"a", "b"}`` or ``{1, 2}``."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class Arithmetic(Node):
    """``left op right`` for ``+ - * /``."""

    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Negate(Node):
    """``-operand``."""

    operand: Node


@dataclass(frozen=True)
class Compare(Node):
    """``left op right`` for ``< <= > >= == !=``."""

    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Member(Node):
    """``element in collection`` (``negated`` for ``not in``)."""

    element: Node
    collection: Node
    negated: bool = False


@dataclass(frozen=True)
class Logical(Node):
    """``and`` / ``or`` over two or more operands."""

    op: str
    operands: tuple[Node, ...]


@dataclass(frozen=True)
class Not(Node):
    """``not operand``."""

    operand: Node


@dataclass(frozen=True)
class Call(Node):
    """A function call: aggregations over groups and list references."""

    function: str
    args: tuple[Node, ...]
