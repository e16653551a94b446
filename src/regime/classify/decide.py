"""The decision core: which paragraphs an item meets, which notes release them, what is undecided.

Lean on purpose: no text is rendered here, so batch work pays only for deciding. ``narrate.py``
turns a decision into the full reasoning a person reads. Components and the items software or
technology is *for* are decided first (containment: a server inherits 4A090 from its accelerators);
derived parameters are computed from the list's formulas; then each candidate entry is decided in
dependency order. A missing fact never clears an item: its paragraph is left undecided, naming it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from regime.classify.context import ItemContext
from regime.classify.facts import canonical_facts
from regime.classify.notes import NoteVerdict, applicable_notes, judge_notes
from regime.classify.paragraphs import ParagraphJudge, combine3
from regime.errors import InputError
from regime.lists.compiled import CEntry, CNote, CompiledList
from regime.lists.documents import ControlKind
from regime.lists.expr import Compiled
from regime.lists.expr.context import pattern_matches
from regime.lists.numbering import join_ref
from regime.model.item import Item


@dataclass(slots=True)
class Undecided:
    """A paragraph that cannot be decided, the facts it needs, and the note that left it open (if any)."""

    entry: CEntry
    paragraph: str
    ctx: ItemContext
    note: CNote | None = None

    @property
    def ref(self) -> str:
        return join_ref(self.entry.entry.id, self.paragraph)

    @property
    def missing(self) -> list[str]:
        """The facts (and undecided references) that would decide it; computed only when asked."""
        if self.note is not None:
            return missing(self.ctx, [self.note.releases])
        return missing(self.ctx, [self.entry.guard, *criteria_around(self.entry, self.paragraph)])


@dataclass(slots=True)
class Decision:
    """Everything decided about one item against one list, before any of it is put into words."""

    item: Item
    ctx: ItemContext
    components: list[Decision]
    targets: list[Decision]
    derived: list[tuple[str, bool]] = field(default_factory=list)
    matched: list[tuple[CEntry, str, NoteVerdict]] = field(default_factory=list)
    released: list[tuple[CEntry, str, CNote]] = field(default_factory=list)
    undecided: list[Undecided] = field(default_factory=list)
    failed: list[tuple[CEntry, ParagraphJudge, str]] = field(default_factory=list)
    entries_tested: int = 0
    classes: list[str] = field(default_factory=list)


class Decider:
    """Decides items against one compiled list; catalogue ids resolve through ``catalogue``."""

    def __init__(self, clist: CompiledList, catalogue: Mapping[str, Item] | None = None) -> None:
        self.clist = clist
        self.catalogue = catalogue or {}
        self.memo: dict[str, Decision] = {}

    def decide(self, item: Item) -> Decision:
        """The decision for ``item`` (memoised by item id within this decider)."""
        key = item.id
        if key is not None and key in self.memo:
            return self.memo[key]
        decision = self._decide(item)
        if key is not None:
            self.memo[key] = decision
        return decision

    def _resolve(self, ref: Item | str, where: str) -> Item:
        if isinstance(ref, Item):
            return ref
        found = self.catalogue.get(ref)
        if found is None:
            raise InputError(f"no catalogue item {ref!r}", where=where)
        return found

    def _decide(self, item: Item) -> Decision:
        where = f"item {item.label}"
        components = [self.decide(self._resolve(c.item, f"{where}: contains")) for c in item.contains]
        targets = [self.decide(self._resolve(t, f"{where}: for_items")) for t in item.for_items]
        values = canonical_facts(item.parameters, self.clist.vocabulary, where=where)
        ctx = ItemContext(values, self.clist, *_parts(components), *_parts(targets), self.exceeds)
        decision = Decision(item, ctx, components, targets)
        self._derive(decision)
        entries = self.clist.candidates(ControlKind(item.kind), values.get("item_type"))
        for centry in entries:
            self._decide_entry(centry, decision)
        decision.entries_tested = len(entries)
        decision.classes = final_classes(decision, self.clist)
        return decision

    def _derive(self, decision: Decision) -> None:
        values, ctx = decision.ctx.values, decision.ctx
        for name, formula in self.clist.derived:
            if values.get(name) is not None:
                decision.derived.append((name, True))
                continue
            value = formula.evaluate(values, ctx)
            if value is not None:
                values[name] = value
                decision.derived.append((name, False))

    def _decide_entry(self, centry: CEntry, decision: Decision) -> None:
        """Decide one entry root by root, so a later paragraph can test an earlier one (5A002.z of 5A002.a)."""
        ctx = decision.ctx
        guard = centry.guard.evaluate(ctx.values, ctx) if centry.guard is not None else True
        if guard is False:
            return
        judge = ParagraphJudge(centry, ctx)
        failed: list[str] = []
        kept_any = False
        for outcome in judge.decide_roots():
            if guard is None:
                outcome.unknown.extend(outcome.matched)
                outcome.matched.clear()
            kept = sum(self._keep(centry, pid, decision) for pid in outcome.matched)
            for pid in outcome.unknown:
                release = judge_notes(applicable_notes(centry, pid, self.clist), ctx).released
                if release is not None and not release.redirect:
                    decision.released.append((centry, pid, release))  # released whether or not it matches
                    continue
                ctx.add_pending(join_ref(centry.entry.id, pid))
                decision.undecided.append(Undecided(centry, pid, ctx))
            failed.extend(outcome.failed)
            kept_any = kept_any or kept > 0
            if kept and centry.entry.exclusive:
                break
        if guard is True and not kept_any:
            decision.failed.extend((centry, judge, pid) for pid in failed)

    def _keep(self, centry: CEntry, pid: str, decision: Decision) -> bool:
        """Apply the notes to a matched paragraph: released, undecided, or kept as a class (True)."""
        ctx = decision.ctx
        verdict = judge_notes(applicable_notes(centry, pid, self.clist), ctx)
        ref = join_ref(centry.entry.id, pid)
        if verdict.released is not None:
            decision.released.append((centry, pid, verdict.released))
            if verdict.released.redirect:
                ctx.add_class(verdict.released.redirect)
            return False
        if verdict.unknown is not None:
            ctx.add_pending(ref)
            decision.undecided.append(Undecided(centry, pid, ctx, verdict.unknown))
            return False
        ctx.add_class(ref)
        decision.matched.append((centry, pid, verdict))
        return True

    def exceeds(self, ctx: ItemContext, pattern: str) -> bool | None:
        """The item's facts reach ``pattern``'s performance parameters (entry guard aside), or a part does."""
        direct = [ctx.meets(pattern), ctx.contains(pattern)]
        if True in direct:
            return True
        found = self.clist.paragraph_index.get(pattern)
        if found is None:
            return combine3("any", direct)
        centry, paragraph = found
        reached = ParagraphJudge(centry, ctx).match(paragraph)
        if reached is True:
            # A note that moves the item to another entry does not say it lacks the parameters.
            notes = [n for n in applicable_notes(centry, paragraph.paragraph.id, self.clist) if not n.redirect]
            verdict = judge_notes(notes, ctx)
            reached = False if verdict.released else (None if verdict.unknown else True)
        return combine3("any", [reached, direct[1]])


_NONE: frozenset[str] = frozenset()


def _parts(decisions: list[Decision]) -> tuple[frozenset[str], frozenset[str]]:
    """The classes and the undecided references of some parts (components or targets)."""
    if not decisions:
        return _NONE, _NONE
    return (
        frozenset(c for d in decisions for c in d.classes),
        frozenset(u.ref for d in decisions for u in d.undecided),
    )


def criteria_around(centry: CEntry, pid: str) -> list[Compiled | None]:
    """The criteria of a paragraph, its sub-paragraphs and its ancestors."""
    found = [p.criterion for q, p in centry.paragraphs.items() if q == pid or q.startswith(pid + ".")]
    found.extend(centry.paragraphs[a].criterion for a in centry.ancestors(pid))
    return found


def missing(ctx: ItemContext, criteria: list[Compiled | None]) -> list[str]:
    """The facts (and undecided references) the given criteria need but the item does not state."""
    names: set[str] = set()
    for criterion in criteria:
        if criterion is None:
            continue
        names.update(n for n in criterion.names if ctx.values.get(n) is None)
        for ref in criterion.list_refs:
            if None not in (ctx.meets(ref), ctx.contains(ref), ctx.for_item(ref)):
                continue
            found = ctx.clist.paragraph_index.get(ref)
            needs = found[1].criterion if found is not None else None
            unstated = sorted(n for n in needs.names if ctx.values.get(n) is None) if needs is not None else []
            names.add(f"the parameters of {ref} ({', '.join(unstated)})" if unstated else f"classification {ref}")
    return sorted(names)


def final_classes(decision: Decision, clist: CompiledList) -> list[str]:
    """Matched paragraphs and redirects, less those a matched paragraph of the same entry subsumes."""
    matched = [join_ref(centry.entry.id, pid) for centry, pid, _ in decision.matched]
    redirects = sorted({n.redirect for _, _, n in decision.released if n.redirect and n.redirect not in matched})
    candidates = matched + [r for r in redirects if r]
    subsumed: set[str] = set()
    for centry, pid, _ in decision.matched:
        criterion = centry.paragraphs[pid].criterion
        if criterion is None:
            continue
        own = join_ref(centry.entry.id, pid)
        for pattern in criterion.list_refs:
            subsumed.update(
                ref
                for ref in candidates
                if ref != own and ref.split(".")[0] == centry.entry.id and pattern_matches(ref, pattern)
            )
    return [ref for ref in candidates if ref not in subsumed]
