"""Lists built on other lists: a member's national list is the regime's list plus its own entries.

``extends`` in ``list.yaml`` names the base list and what to leave out of it (entries and paragraphs
by glob pattern, e.g. the U.S.-only ``.z`` paragraphs when the EU list is read off the CCL). The
folder's own entry files are added, replacing a base entry of the same id. Derived parameters and
general notes are inherited unless the folder defines its own of the same name.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping

from regime.lists.documents import EntryDoc, ExtendsDoc, ListDoc
from regime.lists.numbering import join_ref


def _excluded(text: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(text, pattern) for pattern in patterns)


def inherited_entries(base: Mapping[str, EntryDoc], extends: ExtendsDoc) -> dict[str, EntryDoc]:
    """The base list's entries less those (and those paragraphs) the extension leaves out."""
    kept: dict[str, EntryDoc] = {}
    for entry_id, doc in base.items():
        if _excluded(entry_id, extends.exclude_entries):
            continue
        paragraphs = [p for p in doc.paragraphs if not _excluded(join_ref(entry_id, p.id), extends.exclude_paragraphs)]
        kept[entry_id] = (
            doc if len(paragraphs) == len(doc.paragraphs) else doc.model_copy(update={"paragraphs": paragraphs})
        )
    return kept


def inherited_info(base: ListDoc, own: ListDoc) -> ListDoc:
    """The extending list's description with the base's derived parameters and general notes filled in."""
    derived = {**base.derived, **own.derived}
    own_notes = {note.id for note in own.general_notes}
    notes = [note for note in base.general_notes if note.id not in own_notes] + list(own.general_notes)
    return own.model_copy(update={"derived": derived, "general_notes": notes})
