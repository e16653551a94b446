"""``regime list check``: every entry file read, every criterion compiled on every date it changes.

Each entry file is validated on its own (so one bad file does not hide the next), then every
encoded entry's guard, paragraph criteria and note releases are compiled on each of its change
dates, and the whole list (derived formulas, general notes, cross-entry order) with
``compile_list`` on every date anything in it changes. Each problem names the file, the entry, the
part (paragraph, note, formula) and, for criteria, the position. Warnings point at references to
paragraphs an entry does not have (in licence requirements and notes).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from regime.errors import InputError
from regime.lists.compiled import compile_entry, compile_list
from regime.lists.documents import EntryDoc
from regime.lists.expr.errors import ExprError
from regime.lists.loader import ListDocs, entry_files, load_docs, read_yaml, validate
from regime.lists.snapshot import ControlList, change_dates, entry_at
from regime.lists.vocabulary import default_vocabulary


class Problem(BaseModel):
    """One thing wrong (or doubtful) in a list folder, and where."""

    model_config = ConfigDict(frozen=True)

    file: str
    entry: str = ""
    date: dt.date | None = None
    message: str
    position: int | None = None


class CheckReport(BaseModel):
    """What ``check_list`` looked at and what it found."""

    list_id: str
    entries: int = 0
    encodings: dict[str, int] = Field(default_factory=dict)
    dates: list[dt.date] = Field(default_factory=list)
    errors: list[Problem] = Field(default_factory=list)
    warnings: list[Problem] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.errors


def check_list(folder: Path, today: dt.date | None = None) -> CheckReport:
    """Check a list folder; never raises on bad content, reports it instead."""
    report = CheckReport(list_id=folder.name)
    for path in entry_files(folder):
        try:
            validate(EntryDoc, read_yaml(path), path)
        except InputError as exc:
            report.errors.append(Problem(file=str(path), entry=path.stem, message=str(exc)))
    if report.errors:
        return report
    try:
        docs = load_docs(folder)
    except InputError as exc:
        report.errors.append(Problem(file=str(folder), message=str(exc)))
        return report
    report.entries = len(docs.entries)
    report.encodings = dict(sorted(Counter(doc.encoding.value for doc in docs.entries.values()).items()))
    report.dates = _list_dates(docs, today or dt.date.today())
    _check_entries(docs, report)
    if not report.errors:
        for date in report.dates:
            _guarded(report, str(docs.folder), "", date, partial(_compile_on, docs, date))
    _check_references(docs, report)
    return report


def _list_dates(docs: ListDocs, today: dt.date) -> list[dt.date]:
    dates = {today}
    for doc in docs.entries.values():
        dates.update(change_dates(doc))
    for spec in docs.info.derived.values():
        dates.update(spec.formula.change_dates())
    for note in docs.info.general_notes:
        dates.update(note.in_force.change_dates())
    return sorted(dates)


def _encoded(docs: ListDocs, date: dt.date) -> ControlList:
    """The snapshot on ``date`` reduced to entries with something to compile (text-only ones have nothing)."""
    snap = docs.at(date)
    keep = {
        i: e
        for i, e in snap.entries.items()
        if e.applies_if or any(p.criterion for p in e.paragraphs) or any(n.releases for n in e.notes)
    }
    return snap.model_copy(update={"entries": keep})


def _compile_on(docs: ListDocs, date: dt.date) -> object:
    return compile_list(_encoded(docs, date), source=str(docs.folder))


def _check_entries(docs: ListDocs, report: CheckReport) -> None:
    vocabulary = default_vocabulary()
    for entry_id, doc in docs.entries.items():
        path = str(docs.files[entry_id])
        for date in sorted(change_dates(doc) | {report.dates[-1]}):
            entry = entry_at(doc, date)
            if entry is not None:
                _guarded(report, path, entry_id, date, partial(compile_entry, entry, vocabulary, source=path))


def _guarded(report: CheckReport, file: str, entry: str, date: dt.date, step: Callable[[], object]) -> None:
    try:
        step()
    except ExprError as exc:
        report.errors.append(Problem(file=file, entry=entry, date=date, message=str(exc), position=exc.position + 1))
    except InputError as exc:
        report.errors.append(Problem(file=file, entry=entry, date=date, message=str(exc)))


def _check_references(docs: ListDocs, report: CheckReport) -> None:
    for entry_id, doc in docs.entries.items():
        own = {p.id for p in doc.paragraphs}
        if not own:
            continue
        named: list[tuple[str, str]] = []
        for step in doc.controls.values:
            for control in step or ():
                named += [(pid, f"licence requirement {control.applies_to!r}") for pid in control.paragraphs]
        for note in doc.notes:
            named += [(pid, f"note {note.id!r}") for pid in note.applies_to]
        for pid, where in named:
            if pid not in own and not any(p.startswith(f"{pid}.") for p in own):
                message = f"{where} names paragraph {pid!r}, which {entry_id} does not have"
                report.warnings.append(Problem(file=str(docs.files[entry_id]), entry=entry_id, message=message))
