"""List changes as entry documents, and the entry-level diff between a list and its changed version.

A change set holds new or changed entry documents (dicts in the entry YAML schema, each with an
``id``) and the identifiers of entries to remove. The diff names the entries added, changed (with
the dotted paths of the fields that changed), removed, and those restated without change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from regime.errors import InputError

Document = dict[str, Any]


class ListChanges(BaseModel):
    """Entry documents to add or replace, and entry ids to remove."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    entries: list[Document] = Field(default_factory=list)
    remove: list[str] = Field(default_factory=list)

    @field_validator("entries")
    @classmethod
    def _entries_have_ids(cls, entries: list[Document]) -> list[Document]:
        for index, entry in enumerate(entries):
            if not isinstance(entry.get("id"), str) or not entry["id"].strip():
                raise ValueError(f"entry {index} has no 'id' (each entry document names its entry, e.g. '3A090')")
        return entries

    @model_validator(mode="after")
    def _consistent(self) -> ListChanges:
        ids = [entry["id"] for entry in self.entries]
        doubled = sorted({i for i in ids if ids.count(i) > 1} | {i for i in self.remove if self.remove.count(i) > 1})
        if doubled:
            raise ValueError(f"entries named more than once: {', '.join(doubled)}")
        both = sorted(set(ids) & set(self.remove))
        if both:
            raise ValueError(f"entries both changed and removed: {', '.join(both)}")
        if not ids and not self.remove:
            raise ValueError("a change must add, change or remove at least one entry")
        return self

    def merged_with(self, amendment: ListChanges) -> ListChanges:
        """This change set with ``amendment`` applied on top: its documents and removals win."""
        entries = {entry["id"]: entry for entry in self.entries if entry["id"] not in amendment.remove}
        entries |= {entry["id"]: entry for entry in amendment.entries}
        remove = [i for i in self.remove if i not in entries] + [i for i in amendment.remove if i not in self.remove]
        return ListChanges(entries=list(entries.values()), remove=remove)

    def entry_ids(self) -> set[str]:
        """Every entry this change set touches."""
        return {entry["id"] for entry in self.entries} | set(self.remove)


class ListDiff(BaseModel):
    """What a change set does to a list: added, changed (with field paths), removed, restated unchanged."""

    added: list[str] = Field(default_factory=list)
    changed: dict[str, list[str]] = Field(default_factory=dict)
    removed: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)


def field_paths(before: Any, after: Any, prefix: str = "") -> list[str]:
    """Dotted paths of the fields that differ between two documents (lists compare whole)."""
    if isinstance(before, Mapping) and isinstance(after, Mapping):
        paths: list[str] = []
        for key in sorted(set(before) | set(after), key=str):
            path = f"{prefix}.{key}" if prefix else str(key)
            if key not in before or key not in after:
                paths.append(path)
            else:
                paths.extend(field_paths(before[key], after[key], path))
        return paths
    return [] if before == after else [prefix or "(document)"]


def diff(before: Mapping[str, Document], changes: ListChanges, *, list_name: str = "the list") -> ListDiff:
    """The diff of ``changes`` against the entries in force ``before``; removing an absent entry is an error."""
    missing = sorted(set(changes.remove) - set(before))
    if missing:
        raise InputError(f"cannot remove {', '.join(missing)}: not on {list_name}", where="changes.remove")
    result = ListDiff(removed=sorted(changes.remove))
    for entry in sorted(changes.entries, key=lambda e: str(e["id"])):
        old = before.get(entry["id"])
        if old is None:
            result.added.append(entry["id"])
        elif paths := field_paths(old, entry):
            result.changed[entry["id"]] = paths
        else:
            result.unchanged.append(entry["id"])
    return result


def apply(before: Mapping[str, Document], changes: ListChanges) -> dict[str, Document]:
    """The entries after ``changes``: documents replaced or added, removed ones dropped."""
    after = {key: value for key, value in before.items() if key not in changes.remove}
    after |= {entry["id"]: entry for entry in changes.entries}
    return after
