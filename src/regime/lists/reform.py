"""Reforms: a proposed change to a list, applied from a date on without rewriting what came before.

Learned from OpenFisca's reforms: the reference list and the reformed list sit side by side, so an
amendment can be classified against before it is adopted, and an adopted one becomes new dated
values. A reform carries whole entry documents "as they should read from the effective date" and
the ids of entries to remove. Applying it:

- a new entry comes into force on the effective date;
- a changed entry keeps every dated value before the date and takes the new value from it, field
  by field, paragraph by paragraph and note by note (matched by id); paragraphs and notes it no
  longer has go out of force on the date;
- a removed entry goes out of force on the date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from regime.errors import InputError
from regime.lists.dated import BEGINNING, Dated, InForce, parse_date
from regime.lists.documents import EntryDoc
from regime.lists.loader import ListDocs

_DATED_ENTRY_FIELDS = (
    "heading",
    "applies_if",
    "criterion",
    "reasons",
    "controls",
    "licence_exceptions",
    "related_controls",
)
_DATED_PARAGRAPH_FIELDS = ("text", "criterion")
_DATED_NOTE_FIELDS = ("text", "releases")


@dataclass(frozen=True)
class Reform:
    """A named change to a list: entries as they read from ``effective`` on, and entries removed."""

    name: str
    effective: dt.date
    entries: Sequence[EntryDoc] = field(default_factory=tuple)
    remove: Sequence[str] = field(default_factory=tuple)


def from_date(value: Dated[Any], effective: dt.date, new: Any) -> Dated[Any]:
    """``value`` as it was before ``effective``, then ``new`` (itself possibly dated) from it on."""
    later = new if isinstance(new, Dated) else Dated.always(new)
    steps = {start: v for start, v in value.steps() if start < effective}
    steps[effective] = later.at(effective)
    steps.update((start, v) for start, v in later.steps() if start > effective)
    kept: list[tuple[dt.date, Any]] = []
    for start, v in sorted(steps.items()):
        if not kept or kept[-1][1] != v:
            kept.append((start, v))
    return Dated(tuple(s for s, _ in kept), tuple(v for _, v in kept))


def _until(period: InForce, effective: dt.date) -> InForce:
    """A period cut short on ``effective`` (no change when it had already ended)."""
    if period.end is not None and period.end <= effective:
        return period
    if period.start >= effective:
        raise InputError(f"cannot remove from {effective}: it only comes into force on {period.start}")
    return InForce(period.start, effective)


def _merge_parts(old: Sequence[Any], new: Sequence[Any], fields: tuple[str, ...], effective: dt.date) -> list[Any]:
    """Paragraphs or notes merged by id: changed ones take new values from the date, others end or begin."""
    old_by_id = {part.id: part for part in old}
    new_ids = {part.id for part in new}
    merged: list[Any] = []
    for part in new:
        before = old_by_id.get(part.id)
        if before is None:
            merged.append(
                part.model_copy(update={"in_force": InForce(max(part.in_force.start, effective), part.in_force.end)})
            )
            continue
        update: dict[str, Any] = {
            name: from_date(getattr(before, name), effective, getattr(part, name)) for name in fields
        }
        update["in_force"] = InForce(before.in_force.start, part.in_force.end)
        merged.append(before.model_copy(update={**part.model_dump(exclude=set(fields) | {"in_force"}), **update}))
    for part in old:
        if part.id not in new_ids:
            merged.append(part.model_copy(update={"in_force": _until(part.in_force, effective)}))
    return merged


def amend_entry(old: EntryDoc | None, new: EntryDoc, effective: dt.date) -> EntryDoc:
    """The entry with ``new`` in force from ``effective`` and ``old`` kept for the dates before it."""
    if old is None:
        start = max(new.in_force.start, effective) if new.in_force.start != BEGINNING else effective
        return new.model_copy(update={"in_force": InForce(start, new.in_force.end)})
    update: dict[str, Any] = {
        name: from_date(getattr(old, name), effective, getattr(new, name)) for name in _DATED_ENTRY_FIELDS
    }
    update["paragraphs"] = _merge_parts(old.paragraphs, new.paragraphs, _DATED_PARAGRAPH_FIELDS, effective)
    update["notes"] = _merge_parts(old.notes, new.notes, _DATED_NOTE_FIELDS, effective)
    update["history"] = [*old.history, *(h for h in new.history if h not in old.history)]
    update["in_force"] = InForce(old.in_force.start, new.in_force.end)
    plain = new.model_dump(exclude=set(update))
    amended: EntryDoc = old.model_copy(update={**plain, **update})
    return amended


def apply_reform(docs: ListDocs, reform: Reform) -> ListDocs:
    """The list with the reform applied (in memory; the files are not touched)."""
    entries: dict[str, EntryDoc] = dict(docs.entries)
    for entry_id in reform.remove:
        old = entries.get(entry_id)
        if old is None or (old.in_force.end is not None and old.in_force.end <= reform.effective):
            raise InputError(f"reform {reform.name!r} removes {entry_id}, which the list does not have")
        entries[entry_id] = old.model_copy(update={"in_force": _until(old.in_force, reform.effective)})
    for new in reform.entries:
        entries[new.id] = amend_entry(entries.get(new.id), new, reform.effective)
    return ListDocs(folder=docs.folder, info=docs.info, entries=entries, files=docs.files)


def reform_from_yaml(raw: Mapping[str, Any], *, source: str = "reform") -> Reform:
    """A reform from its YAML form: ``{name, effective, entries: [...], remove: [...]}``."""
    if not isinstance(raw, Mapping):
        raise InputError("expected a mapping with name, effective, entries and remove", source=source)
    entries = []
    for index, doc in enumerate(raw.get("entries") or []):
        try:
            entries.append(EntryDoc.model_validate(doc))
        except Exception as exc:
            raise InputError(f"entries[{index}]: {exc}", source=source) from None
    return Reform(
        name=str(raw.get("name", source)),
        effective=parse_date(raw.get("effective"), where=f"{source}: effective"),
        entries=tuple(entries),
        remove=tuple(str(r) for r in raw.get("remove") or ()),
    )
