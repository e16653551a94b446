"""Entry-by-entry differences between two versions of a list: on two dates, or two sets of documents.

``diff_dates(docs, start, end)`` compares the list in force on two dates (what an amendment
changed); ``diff_docs(old, new, as_of)`` compares two versions of the list on one date (a proposed
amendment against the reference list — the governance service calls this). Both give a
``ListDiff``: entries added and removed, and for each changed entry its heading, reasons, licence
requirements, licence exceptions, guard, and paragraphs and notes added, removed or changed (text
or criterion). ``entry_history`` walks one entry through its change dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from regime.lists.documents import EntryDoc
from regime.lists.loader import ListDocs
from regime.lists.snapshot import Control, ControlList, Entry, change_dates, entry_at

Change = Literal["added", "removed", "changed"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Values(_Frozen):
    """A value before and after (None where absent)."""

    before: Any = None
    after: Any = None


class PartChange(_Frozen):
    """A paragraph or note added, removed or changed; ``fields`` holds what changed and how."""

    id: str
    change: Change
    fields: dict[str, Values] = Field(default_factory=dict)


class EntryDiff(_Frozen):
    """What changed in one entry present in both versions."""

    entry: str
    fields: dict[str, Values] = Field(default_factory=dict)
    controls_added: tuple[Control, ...] = ()
    controls_removed: tuple[Control, ...] = ()
    paragraphs: tuple[PartChange, ...] = ()
    notes: tuple[PartChange, ...] = ()

    @property
    def empty(self) -> bool:
        """True when nothing differs."""
        return not (self.fields or self.controls_added or self.controls_removed or self.paragraphs or self.notes)


class ListDiff(_Frozen):
    """The difference between two versions of a list."""

    before: str
    after: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[EntryDiff, ...] = ()

    @property
    def empty(self) -> bool:
        """True when the two versions say the same."""
        return not (self.added or self.removed or self.changed)


_ENTRY_FIELDS = ("heading", "kind", "encoding", "applies_if", "reasons", "licence_exceptions", "related_controls")
_PARAGRAPH_FIELDS = ("text", "criterion", "kind", "combine", "reasons", "notes")
_NOTE_FIELDS = ("kind", "text", "applies_to", "releases", "redirect")


def diff_entry(old: Entry, new: Entry) -> EntryDiff:
    """The differences between two versions of one entry (as in force on their dates)."""
    before_controls, after_controls = set(old.controls), set(new.controls)
    return EntryDiff(
        entry=new.id,
        fields=_fields(old, new, _ENTRY_FIELDS),
        controls_added=tuple(c for c in new.controls if c not in before_controls),
        controls_removed=tuple(c for c in old.controls if c not in after_controls),
        paragraphs=_parts({p.id: p for p in old.paragraphs}, {p.id: p for p in new.paragraphs}, _PARAGRAPH_FIELDS),
        notes=_parts({n.id: n for n in old.notes}, {n.id: n for n in new.notes}, _NOTE_FIELDS),
    )


def diff_snapshots(old: ControlList, new: ControlList, only: Iterable[str] | None = None) -> ListDiff:
    """The differences between two snapshots (of the same list on two dates, or of two versions)."""
    return _diff(old.entries, new.entries, str(old.as_of), str(new.as_of), only)


def diff_dates(docs: ListDocs, start: dt.date, end: dt.date, only: Iterable[str] | None = None) -> ListDiff:
    """What changed in a list folder between ``start`` and ``end``."""
    return diff_snapshots(docs.at(start), docs.at(end), only)


def diff_docs(
    old_docs: Mapping[str, EntryDoc | Mapping[str, Any]],
    new_docs: Mapping[str, EntryDoc | Mapping[str, Any]],
    as_of: dt.date,
    only: Iterable[str] | None = None,
) -> ListDiff:
    """Two versions of a list (entry documents or dicts in the entry schema) compared on ``as_of``."""
    return _diff(_in_force(old_docs, as_of), _in_force(new_docs, as_of), "reference", "proposed", only)


def entry_history(doc: EntryDoc) -> list[tuple[dt.date, EntryDiff | None, Entry | None]]:
    """Each date the entry changes, with what changed that day (None when it came into or left force)."""
    steps: list[tuple[dt.date, EntryDiff | None, Entry | None]] = []
    for date in sorted(change_dates(doc)):
        before, after = entry_at(doc, date - dt.timedelta(days=1)), entry_at(doc, date)
        if before is not None and after is not None:
            change = diff_entry(before, after)
            if not change.empty:
                steps.append((date, change, after))
        elif before is not None or after is not None:
            steps.append((date, None, after))
    return steps


def _in_force(docs: Mapping[str, EntryDoc | Mapping[str, Any]], as_of: dt.date) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for raw in docs.values():
        doc = raw if isinstance(raw, EntryDoc) else EntryDoc.model_validate(raw)
        entry = entry_at(doc, as_of)
        if entry is not None:
            entries[entry.id] = entry
    return entries


def _diff(
    old: Mapping[str, Entry], new: Mapping[str, Entry], before: str, after: str, only: Iterable[str] | None
) -> ListDiff:
    wanted = set(only) if only is not None else None
    ids = sorted((set(old) | set(new)) & wanted if wanted is not None else set(old) | set(new))
    changed = [diff_entry(old[i], new[i]) for i in ids if i in old and i in new]
    return ListDiff(
        before=before,
        after=after,
        added=tuple(i for i in ids if i not in old),
        removed=tuple(i for i in ids if i not in new),
        changed=tuple(c for c in changed if not c.empty),
    )


def _fields(old: Any, new: Any, names: tuple[str, ...]) -> dict[str, Values]:
    """Fields that differ; ``None`` stands for a part that is not there (its empty fields are left out)."""
    out: dict[str, Values] = {}
    for name in names:
        before = _plain(getattr(old, name)) if old is not None else None
        after = _plain(getattr(new, name)) if new is not None else None
        if before != after and ((old is not None and new is not None) or before or after):
            out[name] = Values(before=before, after=after)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return dict(value)
    return list(value) if isinstance(value, tuple) else value


def _parts(
    old: Mapping[str, BaseModel], new: Mapping[str, BaseModel], names: tuple[str, ...]
) -> tuple[PartChange, ...]:
    changes: list[PartChange] = []
    for part_id in list(old) + [i for i in new if i not in old]:
        before, after = old.get(part_id), new.get(part_id)
        fields = _fields(before, after, names)
        if before is None or after is None:
            fields.pop("kind", None)  # a resolved default, not news when the whole part comes or goes
        if after is None:
            changes.append(PartChange(id=part_id, change="removed", fields=fields))
        elif before is None:
            changes.append(PartChange(id=part_id, change="added", fields=fields))
        elif fields:
            changes.append(PartChange(id=part_id, change="changed", fields=fields))
    return tuple(changes)
