"""One compiled CCL entry turned into an ``EntryDoc`` document (a dict in the entry YAML schema).

The document is text only: heading, reasons, licence-requirement lines, licence exceptions,
related controls, the paragraph tree with its notes, and where it came from. Values are plain
(not dated): the source is the eCFR of one issue date, named in ``source``. Paragraph kinds are
left to the entry default (D is software, E technology, the rest commodities). Where the source
ran a whole entry into its heading (0D606, 2B351, 3E001), the heading is cut before "License
Requirements" and the rest is kept, verbatim, as an entry note.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from regime.countries import Destinations
from regime.lists.documents import EntryDoc
from regime.lists.importers.choose import build_tree, referenced_paragraphs
from regime.lists.importers.controls import control_document, control_lines
from regime.lists.importers.notes import place_notes
from regime.lists.importers.source import SourceEntry, SourceFile
from regime.lists.importers.tree import Tree

CITATION = "15 C.F.R. Part 774, Supplement No. 1"
_RUN_ON = re.compile(r"\s*\.?\s*(?=License Requirements Reason for Control:)")


@dataclass
class Imported:
    """An entry document and what went into it."""

    eccn: str
    category: str
    document: dict[str, Any]
    tree: Tree | None
    counts: Counter[str] = field(default_factory=Counter)


def import_entry(entry: SourceEntry, source: SourceFile, destinations: Destinations) -> Imported:
    """The ``EntryDoc`` dict of one source entry, validated, with counts of what was placed where."""
    counts: Counter[str] = Counter()
    lines = control_lines(entry, destinations)
    controls = [control_document(line) for line in lines]
    counts["controls"] = len(controls)
    counts["controls_unparsed"] = sum(1 for c in controls if c.get("paragraphs_unparsed"))
    counts["controls_with_paragraphs"] = sum(1 for c in controls if c.get("paragraphs") or c.get("except_paragraphs"))
    heading, run_on = _split_heading(entry.heading)
    doc: dict[str, Any] = {"id": entry.eccn, "heading": heading, "encoding": "text-only"}
    if entry.reason_for_control:
        doc["reasons"] = entry.reason_for_control
    if controls:
        doc["controls"] = controls
    if entry.licence_exception_flags:
        doc["licence_exceptions"] = dict(entry.licence_exception_flags)
    if entry.related_controls:
        doc["related_controls"] = " ".join(entry.related_controls.split())
    tree = None
    if entry.items:
        texts = [item.text for item in entry.items] + [line.control for line in entry.country_chart]
        tree = build_tree(entry.items, referenced_paragraphs(entry.eccn, texts))
        notes, note_counts = place_notes(entry.eccn, tree.paragraphs, tree.blocks)
        counts.update(note_counts)
        counts.update({f"items_{fate}": n for fate, n in tree.fates.items()})
        counts["paragraphs"] = len(tree.paragraphs)
        counts["recovered_from_text"] = len(tree.recovered)
        doc["paragraphs"] = [_paragraph(p.id, p.text, p.notes) for p in tree.paragraphs]
        if notes:
            doc["notes"] = notes
    if run_on:
        counts["headings_run_on"] += 1
        doc.setdefault("notes", []).append({"id": f"{entry.eccn} source run-on", "text": run_on})
    doc["source"] = _source(entry, source)
    EntryDoc.model_validate(doc)
    return Imported(entry.eccn, entry.category, doc, tree, counts)


def _split_heading(raw: str) -> tuple[str, str]:
    """The heading, and the rest of the entry when the source ran the whole entry into its heading."""
    text = " ".join(raw.split())
    found = _RUN_ON.search(text)
    if found is None:
        return text, ""
    return text[: found.start()].rstrip(" ."), text[found.end() :].strip()


def _paragraph(pid: str, text: str, notes: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": pid, "text": text}
    if notes:
        out["notes"] = list(notes)
    return out


def _source(entry: SourceEntry, source: SourceFile) -> dict[str, Any]:
    out: dict[str, Any] = {"citation": f"{CITATION}, ECCN {entry.eccn}", "ecfr_issue_date": source.ecfr_issue_date}
    if source.url:
        out["url"] = source.url
    flags = entry.licence_exception_flags or {}
    sta = entry.sta_special_conditions
    if sta and sta not in (flags.get("STA"), f"STA: {flags.get('STA')}"):
        out["sta_special_conditions"] = sta
    return out
