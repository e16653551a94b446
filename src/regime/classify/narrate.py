"""Put a decision into words: evidence for each match, releases, near misses, open questions, statement."""

from __future__ import annotations

from regime.classify.decide import Decision, Undecided
from regime.classify.nearmiss import near_misses_for_failure, near_misses_for_release
from regime.classify.paragraphs import ParagraphJudge
from regime.classify.result import Classification, Derived, Indeterminate, Match, Release
from regime.classify.statement import statement
from regime.lists.compiled import CEntry, CompiledList
from regime.lists.expr.explain import explain
from regime.lists.expr.render import format_value, render
from regime.lists.numbering import join_ref


def narrate(decision: Decision, clist: CompiledList, margin: float) -> Classification:
    """The full classification of a decided item, with its components narrated too."""
    ctx = decision.ctx
    item = decision.item
    out = Classification.model_construct(
        item=item.name,
        kind=item.kind,
        list_id=clist.snapshot.id,
        list_name=clist.snapshot.info.name,
        as_of=clist.snapshot.as_of.isoformat(),
        classes=list(decision.classes),
        matches=[_match(centry, pid, decision, verdict_kept) for centry, pid, verdict_kept in _matched(decision)],
        released=[],
        near_misses=[],
        indeterminate=[_undecided(u) for u in decision.undecided],
        derived=[_derived(name, stated, clist, decision) for name, stated in decision.derived],
        fallback=None,
        entries_tested=decision.entries_tested,
        text_only_entries=len(clist.text_only),
        to_review=list(clist.review_for(str(ctx.values.get("item_type")))) if ctx.values.get("item_type") else [],
        components=[narrate(c, clist, margin) for c in decision.components],
        statement="",
    )
    for centry, pid, note in decision.released:
        ref = join_ref(centry.entry.id, pid)
        _, steps = explain(note.releases.tree, ctx)
        out.released.append(
            Release(
                ref=ref, note=note.id, note_text=note.text, evidence=[s.shown for s in steps], redirect=note.redirect
            )
        )
        if margin > 0:
            out.near_misses.extend(near_misses_for_release(ref, note, ctx, margin))
    if margin > 0:
        for centry, judge, pid in decision.failed:
            out.near_misses.extend(near_misses_for_failure(centry, judge, pid, margin))
    return statement(out, clist)


def _matched(decision: Decision) -> list[tuple[CEntry, str, list[str]]]:
    return [(centry, pid, verdict.kept) for centry, pid, verdict in decision.matched]


def _match(centry: CEntry, pid: str, decision: Decision, kept: list[str]) -> Match:
    ctx = decision.ctx
    paragraph = centry.paragraphs[pid]
    match = Match(
        ref=join_ref(centry.entry.id, pid),
        entry=centry.entry.id,
        heading=centry.entry.heading,
        text=paragraph.paragraph.text,
        kind=paragraph.paragraph.kind.value,
        reasons=list(centry.entry.reasons),
        criterion=paragraph.criterion.text if paragraph.criterion else None,
        kept_by=kept,
    )
    for gate in [*reversed(centry.ancestors(pid)), pid]:
        criterion = centry.paragraphs[gate].criterion
        if criterion is not None:
            match.evidence.extend(s.shown for s in explain(criterion.tree, ctx)[1])
    judge = ParagraphJudge(centry, ctx)
    for child in paragraph.children:
        if judge.match(centry.paragraphs[child]) is True:
            match.via.append(join_ref(centry.entry.id, child))
            criterion = centry.paragraphs[child].criterion
            if criterion is not None:
                match.evidence.extend(s.shown for s in explain(criterion.tree, ctx)[1])
    return match


def _undecided(u: Undecided) -> Indeterminate:
    facts = u.missing
    needs = ", ".join(facts) if facts else "facts it does not state"
    if u.note is not None:
        message = f"{u.ref} is met unless {u.note.id} releases it ({render(u.note.releases.tree)}); that needs {needs}"
    else:
        message = f"{u.ref} cannot be decided without {needs}"
    return Indeterminate(ref=u.ref, missing=facts, message=message)


def _derived(name: str, stated: bool, clist: CompiledList, decision: Decision) -> Derived:
    param = clist.vocabulary.parameters[name]
    formula = dict(clist.derived)[name].text
    return Derived(name=name, value=format_value(decision.ctx.values[name], param.unit), formula=formula, stated=stated)
