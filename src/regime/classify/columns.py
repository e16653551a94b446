"""Items of one kind and type as columns: each fact a numpy array, each group exploded into rows.

The facts are converted by the same code as one item's (``facts.fact_value``), so units, allowed
words and errors are the same; only the layout differs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from regime.classify.facts import BadValue, fact_column, fact_value
from regime.lists.expr.vector import NAN, Rows
from regime.lists.vocabulary import ParamKind, Vocabulary
from regime.model.item import Item


def item_columns(items: Sequence[Item], vocabulary: Vocabulary) -> dict[str, Any]:
    """Every parameter any of ``items`` states, as a column (unknown where an item does not state it)."""
    size = len(items)
    known = vocabulary.parameters
    raws: dict[str, list[Any]] = {}
    for row, item in enumerate(items):
        for name, raw in item.parameters.items():
            column = raws.get(name)
            if column is None:
                if name not in known:
                    vocabulary.require(name, where=f"item {item.label}")  # raises with a suggestion
                column = raws[name] = [None] * size
            column[row] = raw
    columns = {}
    for name, column in raws.items():
        param = known[name]
        try:
            values = fact_column(param, column)
        except BadValue:
            values = [_located(param, raw, items[row], name) for row, raw in enumerate(column)]
        columns[name] = _column(param.kind, values)
    return columns


def _located(param: Any, raw: Any, item: Item, name: str) -> Any:
    """The value again, this time naming the item when it is wrong."""
    return None if raw is None else fact_value(param, raw, where=f"item {item.label}", name=name)


def _column(kind: ParamKind, values: list[Any]) -> Any:
    if kind is ParamKind.QUANTITY:
        return np.array([NAN if v is None else v for v in values], dtype=float)
    if kind is ParamKind.FLAG:
        return np.array([NAN if v is None else float(v) for v in values], dtype=float)
    if kind is ParamKind.GROUP:
        return _rows(values)
    column = np.empty(len(values), dtype=object)
    column[:] = values
    return column


def _rows(groups: list[Any]) -> Rows:
    """Exploded rows of a group parameter: offsets per item and one column per field."""
    counts = [len(g) if g is not None else 0 for g in groups]
    offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    names = sorted({key for g in groups if g for row in g for key in row})
    fields: dict[str, Any] = {}
    for name in names:
        flat = [row.get(name) for g in groups if g for row in g]
        sample = next((v for v in flat if v is not None), None)
        if isinstance(sample, str | frozenset):
            column = np.empty(len(flat), dtype=object)
            column[:] = flat
            fields[name] = column
        else:
            fields[name] = np.array([NAN if v is None else float(v) for v in flat], dtype=float)
    known = np.array([g is not None for g in groups], dtype=bool)
    return Rows(offsets=offsets, fields=fields, known=known)


def take(columns: Mapping[str, Any], name: str, size: int) -> Any:
    """A column, or an all-unknown number column when no item states it."""
    found = columns.get(name)
    return found if found is not None else np.full(size, NAN)
