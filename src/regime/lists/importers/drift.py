"""Drift: where the source's current text of a curated entry differs from what the curated file says.

A curated entry (hand-encoded criteria) is never overwritten by the importer. Instead its heading
and paragraph texts as in force on the source's issue date are compared with the source's: a
changed text, a paragraph the source has and the file lacks, or one the file has and the source
lacks. Differences of typography only (curly quotes, dashes, spacing, a trailing "; or") are not
drift. Reserved paragraphs the file leaves out are not drift either.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from regime.lists.documents import EntryDoc
from regime.lists.importers.tree import RESERVED
from regime.lists.snapshot import entry_at

DriftKind = Literal["heading", "changed", "not_in_file", "not_in_source", "not_in_force"]
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "−": "-"})
_TRAILING = re.compile(r"(?:[;,.:]?\s*(?:or|and)?\s*[;,.:]?\s*)$")


class Drift(BaseModel):
    """One difference between the source and a curated entry file, on the source's issue date."""

    model_config = ConfigDict(frozen=True)

    entry: str
    paragraph: str
    kind: DriftKind
    source_text: str | None
    file_text: str | None
    file: str


def normalise(text: str) -> str:
    """Text compared for drift: typographic quotes and dashes unified, spacing and end punctuation dropped."""
    flat = " ".join(text.translate(_QUOTES).split())
    return _TRAILING.sub("", flat)


def drift(curated: EntryDoc, imported: dict[str, Any], as_of: dt.date, path: Path) -> list[Drift]:
    """Every difference in heading and paragraph text between ``imported`` (the source) and ``curated``."""
    found: list[Drift] = []

    def add(paragraph: str, kind: DriftKind, source_text: str | None, file_text: str | None) -> None:
        found.append(
            Drift(
                entry=curated.id,
                paragraph=paragraph,
                kind=kind,
                source_text=source_text,
                file_text=file_text,
                file=str(path),
            )
        )

    entry = entry_at(curated, as_of)
    if entry is None:
        add("", "not_in_force", imported["heading"], None)
        return found
    if normalise(entry.heading) != normalise(imported["heading"]):
        add("", "heading", imported["heading"], entry.heading)
    in_source = {p["id"]: p["text"] for p in imported.get("paragraphs", [])}
    in_file = {p.id: p.text for p in entry.paragraphs if p.id}
    if not in_source:
        return found
    for pid, text in in_source.items():
        if pid not in in_file and text != RESERVED:
            add(pid, "not_in_file", text, None)
        elif pid in in_file and in_file[pid] is not None and normalise(in_file[pid] or "") != normalise(text):
            add(pid, "changed", text, in_file[pid])
    for pid, text in in_file.items():
        if pid not in in_source:
            add(pid, "not_in_source", None, text)
    return found
