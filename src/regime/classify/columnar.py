"""Columnar classification: many items of one kind and type decided together, over numpy columns.

The same decision as ``decide.py`` makes item by item — gates, characteristics, decontrol notes,
redirects, exclusive entries, ``meets``/``exceeds`` of earlier classes, containment, software and
technology *for* items, undecided paragraphs — but each criterion is evaluated once for all items
of a kind and type (``lists.expr.vector``); components and targets are decided first, the same way.
A property test holds both engines to the same answers.
"""

from __future__ import annotations

import gc
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from regime.classify.columns import item_columns
from regime.classify.context import prefixes
from regime.classify.engine import Brief
from regime.classify.notes import applicable_notes
from regime.errors import InputError
from regime.lists.compiled import CEntry, CNote, CompiledList, CParagraph
from regime.lists.documents import ControlKind
from regime.lists.expr.context import pattern_matches
from regime.lists.expr.vector import NAN, kleene_and, kleene_or, vector_eval
from regime.lists.numbering import join_ref
from regime.model.item import Item

Array = Any
Records = list[tuple[str, Array]]


def classify_many(
    items: Sequence[Item], clist: CompiledList, *, catalogue: Mapping[str, Item] | None = None
) -> list[Brief]:
    """The brief classification of every item, in the items' order; parts are decided first.

    The cyclic garbage collector is paused while the batch runs: a batch allocates many small
    containers and frees them all at the end, and the collector's sweeps over the live items would
    otherwise cost as much as the deciding.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _classify_many(items, clist, catalogue or {})
    finally:
        if paused:
            gc.enable()


def _classify_many(items: Sequence[Item], clist: CompiledList, catalogue: Mapping[str, Item]) -> list[Brief]:
    parts = _decide_parts(items, clist, catalogue)
    out: list[Brief | None] = [None] * len(items)
    groups: dict[tuple[str, object], list[int]] = {}
    for index, item in enumerate(items):
        groups.setdefault((item.kind, item.parameters.get("item_type")), []).append(index)
    for (kind, _), indices in groups.items():
        group = [items[i] for i in indices]
        briefs = _Group(clist, group, ControlKind(kind), [parts.of(item) for item in group]).run()
        for index, brief in zip(indices, briefs, strict=True):
            out[index] = brief
    return [brief for brief in out if brief is not None]


class _Parts:
    """The decisions of the items' components and targets, by item."""

    def __init__(self) -> None:
        self.decided: dict[int, tuple[Brief, ...]] = {}
        self.targets: dict[int, tuple[Brief, ...]] = {}

    def of(self, item: Item) -> tuple[tuple[Brief, ...], tuple[Brief, ...]]:
        return self.decided.get(id(item), ()), self.targets.get(id(item), ())


def _decide_parts(items: Sequence[Item], clist: CompiledList, catalogue: Mapping[str, Item]) -> _Parts:
    """Classify every component and target once (catalogue items once per id), column-wise."""
    parts = _Parts()
    wanted: dict[int, Item] = {}
    links: list[tuple[Item, list[Item], list[Item]]] = []
    for item in items:
        if not item.contains and not item.for_items:
            continue
        where = f"item {item.label}"
        components = [_resolve(c.item, catalogue, f"{where}: contains") for c in item.contains]
        targets = [_resolve(t, catalogue, f"{where}: for_items") for t in item.for_items]
        for part in (*components, *targets):
            wanted.setdefault(id(part), part)
        links.append((item, components, targets))
    if not wanted:
        return parts
    unique = list(wanted.values())
    briefs = dict(zip((id(p) for p in unique), _classify_many(unique, clist, catalogue), strict=True))
    for item, components, targets in links:
        parts.decided[id(item)] = tuple(briefs[id(c)] for c in components)
        parts.targets[id(item)] = tuple(briefs[id(t)] for t in targets)
    return parts


def _resolve(ref: Item | str, catalogue: Mapping[str, Item], where: str) -> Item:
    if isinstance(ref, Item):
        return ref
    found = catalogue.get(ref)
    if found is None:
        raise InputError(f"no catalogue item {ref!r}", where=where)
    return found


class _Group:
    """Items of one kind and type: their columns, and what they are found to be, entry after entry."""

    def __init__(
        self,
        clist: CompiledList,
        items: list[Item],
        kind: ControlKind,
        parts: list[tuple[tuple[Brief, ...], tuple[Brief, ...]]],
    ) -> None:
        self.clist = clist
        self.parts = parts
        self.items = items
        self.kind = kind
        self.size = len(items)
        self.columns: dict[str, Any] = item_columns(items, clist.vocabulary)
        self.classes: dict[str, Array] = {}  # ref -> bool mask: what ``meets`` reads
        self.kept: dict[str, Array] = {}  # paragraphs kept as classes, in the order found
        self.redirected: dict[str, Array] = {}  # classes reached through a note's redirect
        self.pending: dict[str, Array] = {}
        self.released: list[tuple[str, Array]] = []
        self.undecided: list[tuple[str, Array]] = []
        self._exceeds: dict[str, Array] = {}
        self._refs: dict[int, dict[int, tuple[frozenset[str], frozenset[str], frozenset[str]]]] = {}

    # -- the context the criteria read -------------------------------------------------------------
    def meets(self, pattern: str) -> Array:
        out = np.zeros(self.size)
        for ref, mask in self.classes.items():
            if pattern_matches(ref, pattern):
                out[mask] = 1.0
        for ref, mask in self.pending.items():
            if pattern_matches(ref, pattern) or pattern_matches(pattern, ref):
                out[mask & (out != 1.0)] = NAN
        return out

    def contains(self, pattern: str) -> Array:
        return self._parts_answer(pattern, 0)

    def for_item(self, pattern: str) -> Array:
        return self._parts_answer(pattern, 1)

    def _parts_answer(self, pattern: str, which: int) -> Array:
        """1 when a part is classified under ``pattern``, NaN when a part is undecided there, else 0."""
        out = np.zeros(self.size)
        for row, (classes, pending, undecided) in self._part_refs(which).items():
            if pattern in classes:
                out[row] = 1.0
            elif pattern in pending or not undecided.isdisjoint(prefixes(pattern)):
                out[row] = NAN
        return out

    def _part_refs(self, which: int) -> dict[int, tuple[frozenset[str], frozenset[str], frozenset[str]]]:
        """Per row with parts: the patterns their classes fall under, those their undecided references
        fall under, and the undecided references themselves."""
        if which not in self._refs:
            found = {}
            for row, both in enumerate(self.parts):
                briefs = both[which]
                if briefs:
                    classes = frozenset(p for b in briefs for c in b.classes for p in prefixes(c))
                    pending = frozenset(u for b in briefs for u in b.undecided)
                    found[row] = (classes, frozenset(p for u in pending for p in prefixes(u)), pending)
            self._refs[which] = found
        return self._refs[which]

    def exceeds(self, pattern: str) -> Array:
        if pattern not in self._exceeds:
            self._exceeds[pattern] = np.full(self.size, NAN)  # a cycle reads as unknown
            self._exceeds[pattern] = self._reach(pattern)
        return self._exceeds[pattern]

    def _reach(self, pattern: str) -> Array:
        meets, contains = self.meets(pattern), self.contains(pattern)
        found = self.clist.paragraph_index.get(pattern)
        if found is None:
            return kleene_or(meets, contains)
        centry, paragraph = found
        reached = self._match(centry, paragraph)
        notes = [n for n in applicable_notes(centry, paragraph.paragraph.id, self.clist) if not n.redirect]
        released, unknown, _ = self._notes(notes, reached == 1.0)
        reached = np.where(released, 0.0, np.where(unknown, NAN, reached))
        return np.where((meets == 1.0) | (contains == 1.0), 1.0, kleene_or(reached, contains))

    # -- deciding ----------------------------------------------------------------------------------
    def run(self) -> list[Brief]:
        self._derive()
        item_type = self.items[0].parameters.get("item_type")
        for centry in self.clist.candidates(self.kind, item_type if isinstance(item_type, str) else None):
            self._decide_entry(centry)
        return self._briefs()

    def _derive(self) -> None:
        for name, formula in self.clist.derived:
            stated = self.columns.get(name)
            computed = vector_eval(formula.tree, self)  # type: ignore[arg-type]
            self.columns[name] = computed if stated is None else np.where(np.isnan(stated), computed, stated)

    def _own(self, p: CParagraph) -> Array:
        return np.ones(self.size) if p.criterion is None else vector_eval(p.criterion.tree, self)  # type: ignore[arg-type]

    def _match(self, centry: CEntry, p: CParagraph) -> Array:
        own = self._own(p)
        if not (p.paragraph.combine and p.children):
            return own
        children = [self._match(centry, centry.paragraphs[c]) for c in p.children]
        combined = children[0]
        join = kleene_or if p.paragraph.combine == "any" else kleene_and
        for child in children[1:]:
            combined = join(combined, child)
        return kleene_and(own, combined)

    def _collect(self, centry: CEntry, p: CParagraph) -> Records:
        """Class paragraphs under ``p`` with their truth arrays (1 matched, NaN unknown, 0 failed)."""
        if p.is_class:
            return [(p.paragraph.id, self._match(centry, p))]
        own = self._own(p)
        below = [record for child in p.children for record in self._collect(centry, centry.paragraphs[child])]
        open_below = np.zeros(self.size, dtype=bool)
        for _, result in below:
            open_below |= result != 0.0
        records = [(pid, np.where(own == 1.0, result, 0.0)) for pid, result in below]
        gate_unknown = np.isnan(own) & open_below
        records.append((p.paragraph.id, np.where(gate_unknown, NAN, 0.0)))
        return records

    def _notes(self, notes: list[CNote], rows: Array) -> tuple[Array, Array, list[tuple[CNote, Array]]]:
        """Among ``rows``: released (some note holds), undecided (none holds, one unknown), and by which note."""
        released = np.zeros(self.size, dtype=bool)
        unknown = np.zeros(self.size, dtype=bool)
        first: list[tuple[CNote, Array]] = []
        for note in notes:
            result = vector_eval(note.releases.tree, self)  # type: ignore[arg-type]
            newly = rows & ~released & (result == 1.0)
            if newly.any():
                first.append((note, newly))
            released |= newly
            unknown |= rows & np.isnan(result)
        return released, unknown & ~released, first

    def _decide_entry(self, centry: CEntry) -> None:
        guard = np.ones(self.size) if centry.guard is None else vector_eval(centry.guard.tree, self)  # type: ignore[arg-type]
        active = guard != 0.0
        for root in centry.roots:
            kept_here = np.zeros(self.size, dtype=bool)
            for pid, result in self._collect(centry, centry.paragraphs[root]):
                matched = active & (result == 1.0) & (guard == 1.0)
                unknown = active & (np.isnan(result) | ((result == 1.0) & np.isnan(guard)))
                kept_here |= self._keep(centry, pid, matched)
                self._open(centry, pid, unknown)
            if centry.entry.exclusive:
                active &= ~kept_here

    def _keep(self, centry: CEntry, pid: str, matched: Array) -> Array:
        if not matched.any():
            return matched
        ref = join_ref(centry.entry.id, pid)
        released, unknown, by_note = self._notes(applicable_notes(centry, pid, self.clist), matched)
        if released.any():
            self.released.append((ref, released))
            for note, rows in by_note:
                if note.redirect:
                    self._add(self.classes, note.redirect, rows)
                    self._add(self.redirected, note.redirect, rows)
        if unknown.any():
            self.undecided.append((ref, unknown))
            self._add(self.pending, ref, unknown)
        kept = matched & ~released & ~unknown
        if kept.any():
            self._add(self.classes, ref, kept)
            self._add(self.kept, ref, kept)
        return kept

    def _open(self, centry: CEntry, pid: str, unknown: Array) -> None:
        if not unknown.any():
            return
        ref = join_ref(centry.entry.id, pid)
        _, _, by_note = self._notes(applicable_notes(centry, pid, self.clist), unknown)
        released = np.zeros(self.size, dtype=bool)
        for note, rows in by_note:
            if not note.redirect:
                released |= rows
        if released.any():
            self.released.append((ref, released))
        still = unknown & ~released
        if still.any():
            self.undecided.append((ref, still))
            self._add(self.pending, ref, still)

    @staticmethod
    def _add(found: dict[str, Array], ref: str, rows: Array) -> None:
        found[ref] = found[ref] | rows if ref in found else rows.copy()

    def _briefs(self) -> list[Brief]:
        fallback = self.clist.snapshot.info.fallback
        matched, redirected, undecided, released = (
            _by_row(found)
            for found in (list(self.kept.items()), list(self.redirected.items()), self.undecided, self.released)
        )
        none: tuple[str, ...] = ()
        briefs = []
        for row in range(self.size):
            own = matched.get(row, [])
            redirects = sorted(ref for ref in redirected.get(row, ()) if ref not in own)
            kept = _final(own, redirects, self.clist) if own or redirects else []
            open_refs = tuple(undecided.get(row, none))
            found = tuple(released.get(row, none))
            briefs.append(Brief(tuple(kept), open_refs, found, None if kept or open_refs else fallback))
        return briefs


def _by_row(found: list[tuple[str, Array]]) -> dict[int, list[str]]:
    """References per row that has any, in the order found."""
    rows: dict[int, list[str]] = {}
    for ref, mask in found:
        for row in np.flatnonzero(mask).tolist():
            rows.setdefault(row, []).append(ref)
    return rows


def _final(matched: list[str], redirects: list[str], clist: CompiledList) -> list[str]:
    """Matched paragraphs and redirects, less those a matched paragraph of the same entry subsumes."""
    classes = matched + redirects
    subsumed: set[str] = set()
    for ref in matched:
        found = clist.paragraph_index.get(ref)
        criterion = found[1].criterion if found is not None else None
        if criterion is None:
            continue
        entry = ref.split(".")[0]
        for pattern in criterion.list_refs:
            subsumed.update(r for r in classes if r != ref and r.split(".")[0] == entry and pattern_matches(r, pattern))
    return [ref for ref in classes if ref not in subsumed]
