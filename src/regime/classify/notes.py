"""Decontrol notes: the entry's own notes and the list's general notes (GTN, GSN) applied by the engine."""

from __future__ import annotations

from dataclasses import dataclass, field

from regime.classify.context import ItemContext
from regime.lists.compiled import CEntry, CNote, CompiledList
from regime.lists.expr.context import pattern_matches
from regime.lists.expr.render import render
from regime.lists.numbering import join_ref


@dataclass
class NoteVerdict:
    """The first note that releases, else the first undecidable one, and the notes that did not release."""

    released: CNote | None = None
    unknown: CNote | None = None
    kept: list[str] = field(default_factory=list)


def applicable_notes(centry: CEntry, paragraph_id: str, clist: CompiledList) -> list[CNote]:
    """Entry notes that cover the paragraph (or the whole entry), then general notes for its kind (cached)."""
    key = (centry.entry.id, paragraph_id)
    found = clist.notes_cache.get(key)
    if found is None:
        found = _applicable(centry, paragraph_id, clist)
        clist.notes_cache[key] = found
    return found


def _applicable(centry: CEntry, paragraph_id: str, clist: CompiledList) -> list[CNote]:
    ref = join_ref(centry.entry.id, paragraph_id)
    own = [
        note
        for note in centry.notes
        if not note.applies_to or any(paragraph_id == a or paragraph_id.startswith(a + ".") for a in note.applies_to)
    ]
    kind = centry.paragraphs[paragraph_id].paragraph.kind
    general = [
        note
        for note in clist.general_notes.get(kind, ())
        if not any(pattern_matches(ref, pattern) for pattern in note.not_for)
    ]
    return own + general


def judge_notes(notes: list[CNote], ctx: ItemContext) -> NoteVerdict:
    """Try each note's release condition over the item."""
    verdict = NoteVerdict()
    for note in notes:
        result = note.releases.evaluate(ctx.values, ctx)
        if result is True:
            verdict.released = note
            return verdict
        if result is None and verdict.unknown is None:
            verdict.unknown = note
        elif result is False:
            verdict.kept.append(f"{note.id} does not release: {render(note.releases.tree)} is false")
    return verdict
