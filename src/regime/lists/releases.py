"""A regime's list as adopted: the bundled list folder with each adopted release applied from its date.

The regime's governance service stores adopted proposals as numbered releases (entry documents and
removals, with an effective date). Here they become reforms of the list as code: checked (schema,
criteria, units) before they are stored, and folded onto the list so "what did the list say on a
date" covers adopted amendments too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from regime.errors import InputError
from regime.lists.compiled import compile_list
from regime.lists.documents import EntryDoc
from regime.lists.loader import ListDocs, load_docs
from regime.lists.reform import Reform, apply_reform
from regime.paths import LISTS_DIR


@dataclass(frozen=True)
class Release:
    """One adopted change set: entry documents as they read from ``effective`` on, and removals."""

    number: int
    effective: dt.date
    entries: Sequence[Mapping[str, Any]]
    remove: Sequence[str]


def entry_documents(documents: Iterable[Mapping[str, Any]], *, where: str) -> list[EntryDoc]:
    """Each document validated as a list entry; a problem names the entry and the field."""
    valid = []
    for document in documents:
        name = str(document.get("id", "?"))
        try:
            valid.append(EntryDoc.model_validate(document))
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
            raise InputError(problems, where=f"{where}: entry {name}") from None
        except InputError as exc:
            raise InputError(str(exc), where=f"{where}: entry {name}") from None
    return valid


def list_docs(list_id: str) -> ListDocs | None:
    """The bundled list a regime keeps, or None when the regime's list has no folder (e.g. COCOM's)."""
    folder = LISTS_DIR / list_id
    return load_docs(folder) if (folder / "list.yaml").is_file() else None


def adopted(base: ListDocs, releases: Iterable[Release]) -> ListDocs:
    """The list with every release applied in number order."""
    docs = base
    for release in sorted(releases, key=lambda r: r.number):
        where = f"release {release.number}"
        reform = Reform(
            where, release.effective, tuple(entry_documents(release.entries, where=where)), tuple(release.remove)
        )
        docs = apply_reform(docs, reform)
    return docs


def check_release(base: ListDocs, earlier: Iterable[Release], release: Release) -> ListDocs:
    """The list after ``release``, compiled on its effective date: a bad entry or criterion is an error here."""
    docs = adopted(base, [*earlier, release])
    compile_list(docs.at(release.effective), source=f"{docs.info.id} release {release.number}")
    return docs
