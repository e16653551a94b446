"""``regime list import``: write one text-only entry file per ECCN, never touching curated files.

Every document is built and validated before any file is written; each file is then replaced
whole (written beside it and renamed), so a failed run leaves no half-written file. A file is
*curated* when it lacks the generated marker or says ``encoding: checkable``/``partial``: it is
skipped and compared for drift instead. Generated files whose ECCN left the source are removed.
Running twice changes nothing.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from regime.countries import Destinations, us_destinations
from regime.lists.documents import EntryDoc
from regime.lists.importers.ccl import Imported, import_entry
from regime.lists.importers.drift import Drift, drift
from regime.lists.importers.source import read_source
from regime.lists.importers.writer import dump_document, is_generated
from regime.lists.loader import entry_files, read_yaml, validate

_ENCODED = re.compile(r"^encoding:\s*['\"]?(?:checkable|partial)\b", re.MULTILINE)


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    entries: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    curated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    drift: list[Drift] = field(default_factory=list)
    strays: list[tuple[str, str, str]] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False


def is_curated(path: Path) -> bool:
    """True when ``path`` is a hand-written entry file the importer must leave alone."""
    text = path.read_text(encoding="utf-8")
    return not is_generated(text) or _ENCODED.search(text) is not None


def import_ccl(
    source_path: Path, folder: Path, *, dry_run: bool = False, destinations: Destinations | None = None
) -> ImportReport:
    """Import ``ccl.json`` into the list folder ``folder`` (``data/lists/us-ccl``)."""
    source = read_source(source_path)
    tables = destinations or us_destinations()
    report = ImportReport(entries=len(source.entries), dry_run=dry_run)
    existing = {path.stem.upper(): path for path in entry_files(folder)}
    planned: list[tuple[Path, str]] = []
    for entry in source.entries:
        imported = import_entry(entry, source, tables)
        _count(report, imported)
        path = existing.get(entry.eccn, folder / entry.category / f"{entry.eccn}.yaml")
        if path.exists() and is_curated(path):
            report.curated.append(entry.eccn)
            curated: EntryDoc = validate(EntryDoc, read_yaml(path), path)
            report.drift.extend(drift(curated, imported.document, source.ecfr_issue_date, path))
            continue
        text = dump_document(imported.document)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            report.unchanged.append(entry.eccn)
        else:
            report.written.append(entry.eccn)
            planned.append((path, text))
    known = {entry.eccn for entry in source.entries}
    stale = [path for eccn, path in existing.items() if eccn not in known and not is_curated(path)]
    report.removed = sorted(path.stem for path in stale)
    if not dry_run:
        for path, text in planned:
            _replace(path, text)
        for path in stale:
            path.unlink()
    return report


def _count(report: ImportReport, imported: Imported) -> None:
    report.counts.update(imported.counts)
    if imported.tree is not None:
        report.strays.extend((imported.eccn, pid, text) for pid, text in imported.tree.strays)


def _replace(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
