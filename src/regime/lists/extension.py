"""Lists built on other lists: a member's national list is the regime's list plus its own entries.

``extends`` in ``list.yaml`` names the base list, the entries to take (all by default) and what to
leave out of it (entries and paragraphs by glob pattern, e.g. the U.S.-only ``.z`` paragraphs when the EU list is read off the CCL). The
folder's own entry files are added, replacing a base entry of the same id. Derived parameters and
general notes are inherited unless the folder defines its own of the same name.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from typing import Any

from regime.lists.dated import Dated
from regime.lists.documents import EntryDoc, ExtendsDoc, ListDoc
from regime.lists.numbering import join_ref


def _excluded(text: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(text, pattern) for pattern in patterns)


def inherited_entries(base: Mapping[str, EntryDoc], extends: ExtendsDoc) -> dict[str, EntryDoc]:
    """The base list's entries less those (and those paragraphs) the extension leaves out."""
    kept: dict[str, EntryDoc] = {}
    for entry_id, doc in base.items():
        if not _excluded(entry_id, extends.include_entries) or _excluded(entry_id, extends.exclude_entries):
            continue
        paragraphs = [p for p in doc.paragraphs if not _excluded(join_ref(entry_id, p.id), extends.exclude_paragraphs)]
        if len(paragraphs) == len(doc.paragraphs):
            kept[entry_id] = doc
            continue
        gone = {p.id for p in doc.paragraphs} - {p.id for p in paragraphs}
        controls = Dated(doc.controls.starts, tuple(_without(step, gone) for step in doc.controls.values))
        kept[entry_id] = doc.model_copy(update={"paragraphs": paragraphs, "controls": controls})
    return kept


def _without(controls: Any, gone: set[str]) -> Any:
    """Licence-requirement lines less the paragraphs left out; a line naming only those goes too."""
    if controls is None:
        return None
    kept = []
    for control in controls:
        named = [p for p in control.paragraphs if p not in gone]
        if control.paragraphs and not named:
            continue
        kept.append(
            control if len(named) == len(control.paragraphs) else control.model_copy(update={"paragraphs": named})
        )
    return tuple(kept)


def inherited_info(base: ListDoc, own: ListDoc) -> ListDoc:
    """The extending list's description with the base's derived parameters and general notes filled in."""
    derived = {**base.derived, **own.derived}
    own_notes = {note.id for note in own.general_notes}
    notes = [note for note in base.general_notes if note.id not in own_notes] + list(own.general_notes)
    return own.model_copy(update={"derived": derived, "general_notes": notes})
