"""Note blocks turned into entry notes or paragraph notes, with their kind and the paragraphs they name.

The source strips the "Note:", "Technical Note:" labels, so the kind is read from the wording:
"N.B." is an N.B.; "does not control/apply" a decontrol note (text only: nothing is released until a
list expert encodes it); "For the purposes of ..." or a quoted term being defined a technical note.
A note whose opening names paragraphs of its own entry ("For the purposes of 3B001.c, ...",
"3A090.a and 3A090.b do not apply ...", "N.B. to paragraph y.1:") applies to them. A plain one-line
note that names nothing stays with the paragraph it follows; every other note is an entry note.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from regime.countries.paragraphs import parse_refs
from regime.lists.importers.outline import Block
from regime.lists.importers.tree import Placed
from regime.lists.numbering import join_ref

_NB = re.compile(r"^N\.\s?B\.")
_TECHNICAL = re.compile(r"^Technical Notes?\b")
_DECONTROL = re.compile(r"\b(?:does|do|shall) not (?:control|apply)\b|\b(?:is|are) not controlled\b")
_DEFINES = re.compile(
    r"^For (?:the )?purposes? of\b|^['‘“][^'’”]{1,80}['’”]\s*(?:\([^)]*\)\s*)?(?:is|are|means|refers to)\b|\bis defined as\b"
)
_SUBJECT = re.compile(
    r"^(?:Note\s*\d*\s*(?:to\s+)?:?\s*|N\.\s?B\.\s*\d*\s*(?:to\s+)?:?\s*)?"
    r"(?:For (?:the )?purposes? of\s+)?(?P<paragraph>(?:this\s+)?paragraphs?\s+)?(?:ECCN\s+)?"
)


@dataclass(frozen=True)
class Classified:
    """A note block as the entry will hold it."""

    kind: str
    text: str
    applies_to: tuple[str, ...]


def classify(block: Block, eccn: str, known: set[str]) -> Classified:
    """The kind of a note and the paragraphs of ``eccn`` it names in its opening words."""
    head = block.lines[0] if block.lines else ""
    opening = head.split(". ", 1)[0]
    if _NB.match(head):
        kind = "nb"
    elif _TECHNICAL.match(head) or _DEFINES.search(head):
        kind = "technical_note"
    elif _DECONTROL.search(opening):
        kind = "decontrol"
    else:
        kind = "note"
    return Classified(kind, block.text(), named_paragraphs(head, eccn, known))


def named_paragraphs(text: str, eccn: str, known: set[str]) -> tuple[str, ...]:
    """The paragraphs of ``eccn`` that ``text`` opens by naming (``3B001.c``, ``paragraph d.18.a``)."""
    subject = _SUBJECT.match(text)
    start = subject.end() if subject else 0
    if not (subject and subject["paragraph"]) and not text.startswith(eccn, start):
        return ()
    found = parse_refs(text, eccn, start).refs
    ids = [ref.split(".", 1)[1] for ref in found if ref.startswith(f"{eccn}.")]
    return tuple(dict.fromkeys(pid for pid in ids if pid in known))


def place_notes(
    eccn: str, paragraphs: list[Placed], blocks: Iterable[Block]
) -> tuple[list[dict[str, Any]], Counter[str]]:
    """Attach plain notes to their paragraphs; the rest become entry notes (``NoteDoc`` dicts) in order."""
    by_id = {p.id: p for p in paragraphs}
    known = set(by_id)
    notes: list[dict[str, Any]] = []
    numbers: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for block in blocks:
        note = classify(block, eccn, known)
        plain = block.anchor and note.kind == "note" and not note.applies_to and not block.number
        if plain and len(block.lines) == 1:
            by_id[block.anchor].notes.append(note.text)
            counts["paragraph_notes"] += 1
            continue
        numbers[block.anchor] += 1
        doc: dict[str, Any] = {"id": f"{join_ref(eccn, block.anchor)} note {numbers[block.anchor]}"}
        if note.kind != "note":
            doc["kind"] = note.kind
        doc["text"] = note.text
        if note.applies_to:
            doc["applies_to"] = list(note.applies_to)
        notes.append(doc)
        counts["entry_notes"] += 1
    return notes, counts
