"""The closing statement of a classification: the classes, and on what basis they were reached."""

from __future__ import annotations

from regime.classify.result import Classification
from regime.lists.compiled import CompiledList


def statement(out: Classification, clist: CompiledList) -> Classification:
    """Set the fallback class and the statement: never a bare "not controlled", always on what basis."""
    version = f"{clist.snapshot.id} as of {clist.snapshot.as_of.isoformat()}"
    basis = f"on the basis of the {out.entries_tested} checkable entries of {version} that can describe a {out.kind}"
    if out.classes:
        out.statement = f"{', '.join(out.classes)} {basis}."
    elif out.indeterminate:
        count = len(out.indeterminate)
        out.statement = f"Indeterminate: {count} paragraph(s) need facts the item does not state ({basis})."
    else:
        out.fallback = clist.snapshot.info.fallback
        out.statement = f"{out.fallback or 'Not listed'}: no checkable entry describes this item, {basis}."
    if out.to_review and not out.classes:
        out.statement += f" {len(out.to_review)} text-only entries for this kind of item should be read by a person."
    return out
