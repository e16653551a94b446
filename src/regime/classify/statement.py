"""The closing statement of a classification: the classes, and on what basis they were reached."""

from __future__ import annotations

from regime.classify.context import ItemContext
from regime.classify.result import Classification
from regime.lists.compiled import CompiledList
from regime.lists.expr.context import pattern_matches


def finish(out: Classification, clist: CompiledList, ctx: ItemContext) -> Classification:
    """Set the classes (subsumed paragraphs dropped, redirects added), the fallback and the statement."""
    matched = [m.ref for m in out.matches]
    subsumed = {
        ref
        for m in out.matches
        for pattern in _self_refs(clist, m.ref)
        for ref in matched
        if ref != m.ref and ref.split(".")[0] == m.entry and pattern_matches(ref, pattern)
    }
    redirects = [r.redirect for r in out.released if r.redirect and r.redirect not in matched]
    out.classes = [ref for ref in matched if ref not in subsumed] + sorted(set(redirects))
    out.text_only_entries = len(clist.text_only)
    out.to_review = _to_review(clist, ctx)
    version = f"{clist.snapshot.id} as of {clist.snapshot.as_of.isoformat()}"
    basis = f"on the basis of the {out.entries_tested} checkable entries of {version} that can describe a {out.kind}"
    if out.classes:
        out.statement = f"{', '.join(out.classes)} {basis}."
    elif out.indeterminate:
        out.statement = (
            f"Indeterminate: {len(out.indeterminate)} paragraph(s) need facts the item does not state ({basis})."
        )
    else:
        out.fallback = clist.snapshot.info.fallback
        label = out.fallback or "Not listed"
        out.statement = f"{label}: no checkable entry describes this item, {basis}."
    if out.to_review and not out.classes:
        out.statement += f" {len(out.to_review)} text-only entries of this kind of item should be read by a person."
    if out.indeterminate:
        out.fallback = None
    return out


def _self_refs(clist: CompiledList, ref: str) -> frozenset[str]:
    """The references a matched paragraph's criterion tests (``meets("5A002.a")`` in 5A002.z)."""
    found = clist.paragraph_index.get(ref)
    if found is None or found[1].criterion is None:
        return frozenset()
    return found[1].criterion.list_refs


def _to_review(clist: CompiledList, ctx: ItemContext) -> list[str]:
    item_type = ctx.values.get("item_type")
    param = clist.vocabulary.parameters.get("item_type")
    groups = param.review.get(str(item_type), ()) if param is not None and item_type else ()
    return [entry for entry in clist.text_only if any(pattern_matches(entry, g) for g in groups)]
