"""The classification engine: ``classify(item, compiled_list)`` -> every matching paragraph, with reasons.

Pure: it reads the item and the compiled list and nothing else. Components and the items software
or technology is *for* are classified first (containment: a server inherits 4A090 from its
accelerators); derived parameters (TPP, performance density) are computed from the list's formulas;
then each candidate entry is decided in dependency order. A missing fact never clears an item: the
paragraph it decides is reported *indeterminate*, naming the fact.
"""

from __future__ import annotations

from collections.abc import Mapping

from regime.classify.context import ItemContext
from regime.classify.facts import canonical_facts
from regime.classify.nearmiss import near_misses_for_failure, near_misses_for_release
from regime.classify.notes import NoteVerdict, applicable_notes, judge_notes
from regime.classify.paragraphs import ParagraphJudge, combine3
from regime.classify.result import Classification, Derived, Indeterminate, Match, Release
from regime.classify.statement import finish
from regime.errors import InputError
from regime.lists.compiled import CEntry, CompiledList
from regime.lists.documents import ControlKind
from regime.lists.expr import Compiled
from regime.lists.expr.explain import explain
from regime.lists.expr.render import format_value, render
from regime.lists.numbering import join_ref
from regime.model.item import Item

DEFAULT_MARGIN = 0.10


def classify(
    item: Item,
    clist: CompiledList,
    *,
    catalogue: Mapping[str, Item] | None = None,
    margin: float = DEFAULT_MARGIN,
    explain_matches: bool = True,
) -> Classification:
    """Classify ``item`` against ``clist``; catalogue ids in ``contains``/``for_items`` resolve through ``catalogue``."""
    return _Classifier(clist, catalogue or {}, margin, explain_matches).run(item)


class _Classifier:
    def __init__(self, clist: CompiledList, catalogue: Mapping[str, Item], margin: float, explain: bool) -> None:
        self.clist = clist
        self.catalogue = catalogue
        self.margin = margin
        self.explain = explain
        self.memo: dict[str, Classification] = {}

    def resolve(self, ref: Item | str, where: str) -> Item:
        if isinstance(ref, Item):
            return ref
        found = self.catalogue.get(ref)
        if found is None:
            raise InputError(f"no catalogue item {ref!r}", where=where)
        return found

    def run(self, item: Item) -> Classification:
        key = item.id
        if key is not None and key in self.memo:
            return self.memo[key]
        result = self._classify(item)
        if key is not None:
            self.memo[key] = result
        return result

    def _classify(self, item: Item) -> Classification:
        where = f"item {item.label}"
        components = [self.run(self.resolve(c.item, f"{where}: contains")) for c in item.contains]
        targets = [self.run(self.resolve(t, f"{where}: for_items")) for t in item.for_items]
        values = canonical_facts(item.parameters, self.clist.vocabulary, where=where)
        ctx = ItemContext(
            values,
            self.clist,
            frozenset(c for r in components for c in r.classes),
            frozenset(u.ref for r in components for u in r.indeterminate),
            frozenset(c for r in targets for c in r.classes),
            frozenset(u.ref for r in targets for u in r.indeterminate),
            self.exceeds,
        )
        out = Classification(
            item=item.name,
            kind=item.kind,
            list_id=self.clist.snapshot.id,
            list_name=self.clist.snapshot.info.name,
            as_of=self.clist.snapshot.as_of.isoformat(),
            classes=[],
            derived=self.derive(ctx),
            components=components,
        )
        entries = self.clist.candidates(ControlKind(item.kind), values.get("item_type"))
        for centry in entries:
            self.decide_entry(centry, ctx, out)
        out.entries_tested = len(entries)
        return finish(out, self.clist, ctx)

    def derive(self, ctx: ItemContext) -> list[Derived]:
        shown = []
        for name, formula in self.clist.derived:
            param = self.clist.vocabulary.parameters[name]
            if ctx.values.get(name) is not None:
                value = format_value(ctx.values[name], param.unit)
                shown.append(Derived(name=name, value=value, formula=formula.text, stated=True))
                continue
            value = formula.evaluate(ctx.values, ctx)
            if value is not None:
                ctx.values[name] = value
                shown.append(Derived(name=name, value=format_value(value, param.unit), formula=formula.text))
        return shown

    def decide_entry(self, centry: CEntry, ctx: ItemContext, out: Classification) -> None:
        entry = centry.entry
        guard = centry.guard.evaluate(ctx.values, ctx) if centry.guard is not None else True
        if guard is False:
            return
        judge = ParagraphJudge(centry, ctx)
        outcome = judge.decide()
        if guard is None:
            outcome.unknown.extend(outcome.matched)
            outcome.matched.clear()
        for pid in outcome.matched:
            self.record_match(centry, judge, pid, ctx, out)
        for pid in outcome.unknown:
            ref = join_ref(entry.id, pid)
            ctx.pending.add(ref)
            needed = missing(ctx, [centry.guard, *self.criteria_under(centry, pid)])
            out.indeterminate.append(
                Indeterminate(ref=ref, missing=needed, message=f"{ref} cannot be decided without {_names(needed)}")
            )
        if guard is True and not outcome.matched:
            for pid in outcome.failed:
                out.near_misses.extend(near_misses_for_failure(centry, judge, pid, self.margin))

    def record_match(
        self, centry: CEntry, judge: ParagraphJudge, pid: str, ctx: ItemContext, out: Classification
    ) -> None:
        entry = centry.entry
        ref = join_ref(entry.id, pid)
        verdict: NoteVerdict = judge_notes(applicable_notes(centry, pid, self.clist), ctx)
        if verdict.released is not None:
            note = verdict.released
            _, steps = explain(note.releases.tree, ctx)
            out.released.append(
                Release(
                    ref=ref,
                    note=note.id,
                    note_text=note.text,
                    evidence=[s.shown for s in steps],
                    redirect=note.redirect,
                )
            )
            out.near_misses.extend(near_misses_for_release(ref, note, ctx, self.margin))
            if note.redirect:
                ctx.classes.add(note.redirect)
            return
        if verdict.unknown is not None:
            note = verdict.unknown
            needed = missing(ctx, [note.releases])
            ctx.pending.add(ref)
            out.indeterminate.append(
                Indeterminate(
                    ref=ref,
                    missing=needed,
                    message=f"{ref} is met unless {note.id} releases it ({render(note.releases.tree)}); "
                    f"that needs {_names(needed)}",
                )
            )
            return
        ctx.classes.add(ref)
        paragraph = centry.paragraphs[pid]
        match = Match(
            ref=ref,
            entry=entry.id,
            heading=entry.heading,
            text=paragraph.paragraph.text,
            kind=paragraph.paragraph.kind.value,
            reasons=list(entry.reasons),
            criterion=paragraph.criterion.text if paragraph.criterion else None,
            kept_by=verdict.kept,
        )
        if self.explain:
            self.add_evidence(centry, judge, pid, ctx, match)
        out.matches.append(match)

    def add_evidence(self, centry: CEntry, judge: ParagraphJudge, pid: str, ctx: ItemContext, match: Match) -> None:
        chain = []
        parent = centry.paragraphs[pid].paragraph.parent
        while parent:
            chain.append(parent)
            parent = centry.paragraphs[parent].paragraph.parent
        for gate in [*reversed(chain), pid]:
            criterion = centry.paragraphs[gate].criterion
            if criterion is not None:
                match.evidence.extend(s.shown for s in explain(criterion.tree, ctx)[1])
        for child in centry.paragraphs[pid].children:
            if judge.match(centry.paragraphs[child]) is True:
                match.via.append(join_ref(centry.entry.id, child))
                criterion = centry.paragraphs[child].criterion
                if criterion is not None:
                    match.evidence.extend(s.shown for s in explain(criterion.tree, ctx)[1])

    def criteria_under(self, centry: CEntry, pid: str) -> list[Compiled | None]:
        found = [p.criterion for q, p in centry.paragraphs.items() if q == pid or q.startswith(pid + ".")]
        parent = centry.paragraphs[pid].paragraph.parent
        while parent:
            found.append(centry.paragraphs[parent].criterion)
            parent = centry.paragraphs[parent].paragraph.parent
        return found

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
            verdict = judge_notes(applicable_notes(centry, paragraph.paragraph.id, self.clist), ctx)
            reached = False if verdict.released else (None if verdict.unknown else True)
        return combine3("any", [reached, direct[1]])


def missing(ctx: ItemContext, criteria: list[Compiled | None]) -> list[str]:
    """The facts (and undecided references) the given criteria need but the item does not state."""
    names: set[str] = set()
    for criterion in criteria:
        if criterion is None:
            continue
        names.update(n for n in criterion.names if ctx.values.get(n) is None)
        names.update(f"classification {r}" for r in criterion.list_refs if _pending(ctx, r))
    return sorted(names)


def _pending(ctx: ItemContext, ref: str) -> bool:
    return any(answer is None for answer in (ctx.meets(ref), ctx.contains(ref), ctx.for_item(ref)))


def _names(names: list[str]) -> str:
    return ", ".join(names) if names else "facts it does not state"
