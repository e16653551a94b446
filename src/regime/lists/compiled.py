"""A list snapshot prepared for the engine: every criterion compiled once, entries ordered and indexed.

Compiling checks every criterion against the vocabulary (names, units, allowed words) and names the
list file, entry and paragraph when one is wrong. Entries that test another entry's classification
(``meets``/``exceeds``) are ordered after it; entries are indexed by the item kind and item type
their guard admits, so an item is only tested against entries that can describe it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from regime.errors import InputError
from regime.lists.documents import ControlKind, GeneralNoteDoc
from regime.lists.expr import Compiled, Scope, compile_expression
from regime.lists.expr.context import pattern_matches
from regime.lists.expr.typed import NUM, T, TCompare, TConst, TListRef, TLogical, TMember, TParam, walk
from regime.lists.numbering import join_ref
from regime.lists.snapshot import ControlList, Entry, Note, Paragraph
from regime.lists.units import dimension_name, same_dimension
from regime.lists.vocabulary import Vocabulary, default_vocabulary

ITEM_TYPE = "item_type"


@dataclass(frozen=True)
class CParagraph:
    """A paragraph with its compiled criterion and its encoded children."""

    paragraph: Paragraph
    criterion: Compiled | None
    children: tuple[str, ...]
    encoded: bool
    parent: str = ""

    @functools.cached_property
    def is_class(self) -> bool:
        """True when reported as a class: it combines characteristics, or has no encoded sub-paragraphs."""
        return bool(self.paragraph.combine) or not self.children

    @functools.cached_property
    def evaluate(self) -> Any:
        """The criterion's evaluator, or None when the paragraph has no criterion of its own."""
        return self.criterion.evaluate if self.criterion is not None else None


@dataclass(frozen=True)
class CNote:
    """A decontrol note (entry-level or a general note's clause) with its compiled condition."""

    id: str
    title: str
    text: str
    releases: Compiled
    applies_to: tuple[str, ...] = ()
    redirect: str | None = None
    not_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class CEntry:
    """An entry ready to evaluate."""

    entry: Entry
    guard: Compiled | None
    paragraphs: Mapping[str, CParagraph]
    roots: tuple[str, ...]
    notes: tuple[CNote, ...]
    kinds: frozenset[ControlKind]
    item_types: frozenset[str] | None
    depends: frozenset[str]

    def ancestors(self, paragraph_id: str) -> list[str]:
        """The paragraph's ancestors that are in force, nearest first."""
        found = []
        parent = self.paragraphs[paragraph_id].parent
        while parent:
            found.append(parent)
            parent = self.paragraphs[parent].parent
        return found


@dataclass(frozen=True, eq=False)
class CompiledList:
    """The list in force on a date, compiled: what the classification engine runs over."""

    snapshot: ControlList
    vocabulary: Vocabulary
    derived: tuple[tuple[str, Compiled], ...]
    entries: tuple[CEntry, ...]
    general_notes: Mapping[ControlKind, tuple[CNote, ...]]
    text_only: tuple[str, ...]
    _candidates: dict[tuple[ControlKind, str | None], tuple[CEntry, ...]] = field(default_factory=dict)
    _review: dict[str, tuple[str, ...]] = field(default_factory=dict)
    notes_cache: dict[tuple[str, str], list[CNote]] = field(default_factory=dict)

    def candidates(self, kind: ControlKind, item_type: str | None) -> tuple[CEntry, ...]:
        """Entries that can describe an item of this kind and type, in evaluation order."""
        key = (kind, item_type)
        found = self._candidates.get(key)
        if found is None:
            found = tuple(
                e
                for e in self.entries
                if kind in e.kinds and (e.item_types is None or item_type is None or item_type in e.item_types)
            )
            self._candidates[key] = found
        return found

    def review_for(self, item_type: str) -> tuple[str, ...]:
        """The text-only entries a person should read for an item of this type (cached)."""
        found = self._review.get(item_type)
        if found is None:
            param = self.vocabulary.parameters.get(ITEM_TYPE)
            groups = param.review.get(item_type, ()) if param is not None else ()
            found = tuple(e for e in self.text_only if any(pattern_matches(e, g) for g in groups))
            self._review[item_type] = found
        return found

    @functools.cached_property
    def paragraph_index(self) -> Mapping[str, tuple[CEntry, CParagraph]]:
        """Every encoded paragraph by reference (``3A090.a``)."""
        return {join_ref(e.entry.id, pid): (e, p) for e in self.entries for pid, p in e.paragraphs.items() if p.encoded}


def _compile(text: str | None, scope: Scope, *, expect: str = "true/false") -> Compiled | None:
    return compile_expression(text, scope, expect=expect) if text else None


def _where(source: str, entry: str, part: str) -> str:
    return f"{source}: {entry} {part}".strip()


def compile_entry(entry: Entry, vocabulary: Vocabulary, source: str = "") -> CEntry:
    """Compile one entry's guard, paragraph criteria and notes."""
    params = vocabulary.parameters
    guard = _compile(entry.applies_if, Scope(params, _where(source, entry.id, "applies_if")))
    by_id = {p.id: p for p in entry.paragraphs}
    compiled = {
        p.id: _compile(p.criterion, Scope(params, _where(source, entry.id, f"paragraph {p.id} criterion")))
        for p in entry.paragraphs
    }
    parents = {p.id: _nearest_parent(p.id, by_id) for p in entry.paragraphs}
    children: dict[str, list[str]] = {p.id: [] for p in entry.paragraphs}
    for p in sorted(entry.paragraphs, key=lambda p: paragraph_order(p.id)):
        if parents[p.id]:
            children[parents[p.id]].append(p.id)

    @functools.cache
    def encoded(pid: str) -> bool:
        return compiled[pid] is not None or any(encoded(c) for c in children[pid])

    paragraphs = {
        pid: CParagraph(
            by_id[pid], compiled[pid], tuple(c for c in children[pid] if encoded(c)), encoded(pid), parents[pid]
        )
        for pid in by_id
    }
    notes = tuple(_compile_note(n, params, source) for n in entry.notes if n.releases)
    roots = _order_roots(
        entry.id, [p for pid, p in paragraphs.items() if not parents[pid] and p.encoded], list(paragraphs.values())
    )
    depends = frozenset(
        ref.split(".")[0]
        for c in [guard, *compiled.values(), *(n.releases for n in notes)]
        if c is not None
        for ref in c.list_refs
        if _is_self_test(c, ref)
    ) - {entry.id}
    kinds = frozenset({p.kind for p in entry.paragraphs if paragraphs[p.id].encoded} or {entry.kind})
    return CEntry(entry, guard, paragraphs, roots, notes, kinds, _item_types(guard.tree if guard else None), depends)


def _nearest_parent(paragraph_id: str, known: Mapping[str, Paragraph]) -> str:
    """The nearest ancestor in force (``z.1.a`` hangs from ``z`` when the source has no ``z.1``)."""
    parent = known[paragraph_id].parent if paragraph_id else ""
    while parent and parent not in known:
        parent = parent.rsplit(".", 1)[0] if "." in parent else ""
    return parent


def _is_self_test(compiled: Compiled, ref: str) -> bool:
    """True when ``ref`` is read through meets/exceeds (the item itself), not contains/for_item."""
    return any(
        isinstance(n, TListRef) and n.function in ("meets", "exceeds") and ref in n.refs for n in walk(compiled.tree)
    )


def _compile_note(note: Note, params: Mapping[str, object], source: str) -> CNote:
    scope = Scope(params, _where(source, note.entry, f"note {note.id} releases"))  # type: ignore[arg-type]
    releases = compile_expression(note.releases or "", scope)
    return CNote(note.id, note.id, note.text or "", releases, note.applies_to, note.redirect)


def _order_roots(entry_id: str, roots: list[CParagraph], all_paragraphs: list[CParagraph]) -> tuple[str, ...]:
    """Top-level paragraphs, those testing sibling paragraphs (``meets("5A002.a")``) last."""

    def self_refs(p: CParagraph) -> bool:
        """True when the paragraph or any paragraph below it tests a paragraph of this same entry."""
        below = [
            q
            for q in all_paragraphs
            if q.paragraph.id == p.paragraph.id or q.paragraph.id.startswith(p.paragraph.id + ".")
        ]
        return any(
            q.criterion is not None and any(r.startswith(entry_id + ".") for r in q.criterion.list_refs) for q in below
        )

    return tuple(p.paragraph.id for p in sorted(roots, key=lambda p: (self_refs(p), paragraph_order(p.paragraph.id))))


def paragraph_order(paragraph_id: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key putting ``a.2`` before ``a.10`` and ``b`` after ``a.9.z``."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in paragraph_id.split(".") if part)


def _item_types(tree: T | None) -> frozenset[str] | None:
    """The item types a guard admits, when it says so plainly (``item_type in {...}``)."""
    if tree is None:
        return None
    if isinstance(tree, TCompare) and tree.op == "==" and _is_item_type(tree.left) and isinstance(tree.right, TConst):
        return frozenset({str(tree.right.value)})
    if (
        isinstance(tree, TMember)
        and not tree.negated
        and _is_item_type(tree.element)
        and isinstance(tree.collection, TConst)
    ):
        return frozenset(str(v) for v in tree.collection.value)
    if isinstance(tree, TLogical) and tree.op == "and":
        for operand in tree.operands:
            found = _item_types(operand)
            if found is not None:
                return found
    return None


def _is_item_type(node: T) -> bool:
    return isinstance(node, TParam) and node.name == ITEM_TYPE


def compile_derived(
    derived: Mapping[str, str], vocabulary: Vocabulary, source: str
) -> tuple[tuple[str, Compiled], ...]:
    """Derived parameters compiled and ordered so each comes after those it uses."""
    compiled: dict[str, Compiled] = {}
    for name, formula in derived.items():
        param = vocabulary.require(name, where=f"{source}: derived {name}")
        result = compile_expression(formula, Scope(vocabulary.parameters, f"{source}: derived {name}"), expect=NUM)
        if param.unit is not None and not same_dimension(result.tree.unit, param.unit):
            raise InputError(
                f"formula gives {dimension_name(result.tree.unit)} but {name} is {dimension_name(param.unit)}",
                where=f"{source}: derived {name}",
            )
        compiled[name] = result
    ordered: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in ordered:
            return
        if name in visiting:
            raise InputError(f"derived parameters refer to each other in a cycle through {name}", where=source)
        visiting.add(name)
        for used in compiled[name].names:
            if used in compiled:
                visit(used)
        visiting.discard(name)
        ordered.append(name)

    for name in compiled:
        visit(name)
    return tuple((name, compiled[name]) for name in ordered)


def _order_entries(entries: Iterable[CEntry], source: str) -> tuple[CEntry, ...]:
    """Entries in dependency order: after the entries they test, and after those redirecting into them."""
    by_id = {e.entry.id: e for e in entries}
    redirected: dict[str, set[str]] = {}
    for e in by_id.values():
        for note in e.notes:
            if note.redirect:
                redirected.setdefault(note.redirect.split(".")[0], set()).add(e.entry.id)
    ordered: list[CEntry] = []
    state: dict[str, int] = {}

    def visit(entry_id: str) -> None:
        if state.get(entry_id) == 2:
            return
        if state.get(entry_id) == 1:
            raise InputError(f"entries test each other's classification in a cycle through {entry_id}", where=source)
        state[entry_id] = 1
        for dep in sorted(by_id[entry_id].depends | redirected.get(entry_id, set())):
            if dep in by_id and dep != entry_id:
                visit(dep)
        state[entry_id] = 2
        ordered.append(by_id[entry_id])

    for entry_id in sorted(by_id):
        visit(entry_id)
    return tuple(ordered)


def _compile_general(
    notes: Iterable[GeneralNoteDoc], vocabulary: Vocabulary, source: str
) -> dict[ControlKind, tuple[CNote, ...]]:
    by_kind: dict[ControlKind, list[CNote]] = {}
    for note in notes:
        for clause in note.clauses:
            scope = Scope(vocabulary.parameters, f"{source}: general note {note.id} ({clause.id})")
            cnote = CNote(
                id=f"{note.id} ({clause.id})",
                title=note.title,
                text=clause.text,
                releases=compile_expression(clause.releases, scope),
                not_for=tuple(clause.not_for),
            )
            for kind in note.kinds:
                by_kind.setdefault(kind, []).append(cnote)
    return {kind: tuple(notes) for kind, notes in by_kind.items()}


def compile_list(snap: ControlList, vocabulary: Vocabulary | None = None, source: str = "") -> CompiledList:
    """Compile every criterion of a snapshot; the first error names where it is."""
    vocab = vocabulary or default_vocabulary()
    source = source or snap.id
    entries = [compile_entry(entry, vocab, f"{source}/{entry.id}") for entry in snap.entries.values()]
    checkable = [e for e in entries if e.guard is not None or e.roots]
    text_only = tuple(e.entry.id for e in entries if e not in checkable)
    return CompiledList(
        snapshot=snap,
        vocabulary=vocab,
        derived=compile_derived(snap.derived, vocab, source),
        entries=_order_entries(checkable, source),
        general_notes=_compile_general(snap.general_notes, vocab, source),
        text_only=text_only,
    )
