"""The checked tree: every name resolved, every unit known, every literal in the unit it is compared in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

NUM, BOOL, TEXT, SET, GROUP = "number", "true/false", "text", "set", "group"


@dataclass(frozen=True)
class T:
    """Base of checked nodes: its value kind, unit (numbers only) and source position."""

    kind: str
    unit: Any
    position: int


@dataclass(frozen=True)
class TConst(T):
    """A constant (numbers in ``unit``; sets as frozensets)."""

    value: Any
    written: str


@dataclass(frozen=True)
class TParam(T):
    """A parameter read from the item (``in_row`` False) or from the current group row."""

    name: str
    in_row: bool


@dataclass(frozen=True)
class TArith(T):
    """Arithmetic; for ``+``/``-`` the right side is scaled by ``right_factor`` into the left unit."""

    op: str
    left: T
    right: T
    right_factor: float


@dataclass(frozen=True)
class TNeg(T):
    """Unary minus."""

    operand: T


@dataclass(frozen=True)
class TCompare(T):
    """A comparison, the right side scaled by ``right_factor`` into the left side's unit."""

    op: str
    left: T
    right: T
    right_factor: float


@dataclass(frozen=True)
class TMember(T):
    """Membership of a word (or number) in a set."""

    element: T
    collection: T
    negated: bool


@dataclass(frozen=True)
class TLogical(T):
    """``and`` / ``or`` with three-valued logic."""

    op: str
    operands: tuple[T, ...]


@dataclass(frozen=True)
class TNot(T):
    """``not`` with three-valued logic."""

    operand: T


@dataclass(frozen=True)
class TAggregate(T):
    """``sum``/``max``/``min``/``count``/``any``/``all`` of an expression over a group's rows."""

    function: str
    group: str
    inner: T | None


@dataclass(frozen=True)
class TListRef(T):
    """``meets``/``contains``/``for_item`` over list references."""

    function: str
    refs: tuple[str, ...]


@dataclass(frozen=True)
class TKnown(T):
    """``known(name)``: whether the item states a fact; never unknown itself."""

    name: str


def walk(node: T) -> list[T]:
    """Every node of a checked tree, parents before children."""
    children: tuple[T | None, ...] = ()
    if isinstance(node, TArith | TCompare):
        children = (node.left, node.right)
    elif isinstance(node, TNeg | TNot):
        children = (node.operand,)
    elif isinstance(node, TMember):
        children = (node.element, node.collection)
    elif isinstance(node, TLogical):
        children = node.operands
    elif isinstance(node, TAggregate):
        children = (node.inner,)
    found = [node]
    for child in children:
        if child is not None:
            found.extend(walk(child))
    return found
