"""Read a control list folder: ``list.yaml`` and one ``<category>/<ENTRY>.yaml`` per entry.

Errors name the file, the line (for YAML syntax) or the field (for content) and what was expected.
Documents are cached per folder; ``load_list(list_id, as_of)`` gives the snapshot in force.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from regime.errors import InputError, NotFoundError
from regime.lists.documents import EntryDoc, ListDoc
from regime.lists.extension import inherited_entries, inherited_info
from regime.lists.snapshot import ControlList, snapshot
from regime.once import built_once
from regime.paths import LISTS_DIR

CASES_SUFFIX = ".cases.yaml"
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built in: same result, ~9x faster


@dataclass(frozen=True, eq=False)
class ListDocs:
    """Everything a list folder holds: its description, its entries, and where each came from."""

    folder: Path
    info: ListDoc
    entries: Mapping[str, EntryDoc]
    files: Mapping[str, Path]

    def at(self, as_of: dt.date) -> ControlList:
        """The list in force on ``as_of``."""
        return _snapshot(self, as_of)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file; a syntax error names the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", source=str(path)) from exc
    try:
        return yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else None
        raise InputError(f"not valid YAML: {exc.problem}", source=str(path), where=where) from exc
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML: {exc}", source=str(path)) from exc


def validate(model: type[BaseModel], raw: Any, path: Path) -> Any:
    """Validate a document; each problem names its field path and what was expected."""
    if not isinstance(raw, Mapping):
        raise InputError(f"expected a mapping at the top, got {type(raw).__name__}", source=str(path))
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in error['loc']) or '(document)'}: {error['msg']}" for error in exc.errors()
        )
        raise InputError(problems, source=str(path)) from None
    except InputError as exc:
        raise InputError(str(exc), source=str(path)) from None


def entry_files(folder: Path) -> list[Path]:
    """The entry files of a list folder (case files and list.yaml excluded), in a stable order."""
    return sorted(p for p in folder.glob("*/*.yaml") if not p.name.endswith(CASES_SUFFIX))


@built_once
def load_docs(folder: Path) -> ListDocs:
    """Read and validate every document of a list folder (cached per folder)."""
    if not (folder / "list.yaml").is_file():
        raise NotFoundError(f"{folder} is not a control list folder (no list.yaml)")
    info: ListDoc = validate(ListDoc, read_yaml(folder / "list.yaml"), folder / "list.yaml")
    entries: dict[str, EntryDoc] = {}
    files: dict[str, Path] = {}
    if info.extends is not None:
        base = load_docs(list_folder(info.extends.base, near=folder))
        info = inherited_info(base.info, info)
        entries = inherited_entries(base.entries, info.extends)  # type: ignore[arg-type]
        files = {entry_id: base.files[entry_id] for entry_id in entries}
    own: set[str] = set()
    for path in entry_files(folder):
        doc: EntryDoc = validate(EntryDoc, read_yaml(path), path)
        if path.stem.upper() != doc.id:
            raise InputError(f"file name should be {doc.id}.yaml for entry {doc.id}", source=str(path))
        if doc.id in own:
            raise InputError(f"entry {doc.id} also defined in {files[doc.id]}", source=str(path))
        _check_paragraphs(doc, path)
        own.add(doc.id)
        entries[doc.id] = doc
        files[doc.id] = path
    return ListDocs(folder=folder, info=info, entries=entries, files=files)


def _check_paragraphs(doc: EntryDoc, path: Path) -> None:
    seen: set[str] = set()
    for paragraph in doc.paragraphs:
        if paragraph.id in seen:
            raise InputError(f"paragraph {paragraph.id!r} appears twice in {doc.id}", source=str(path))
        seen.add(paragraph.id)


@built_once
def _snapshot(docs: ListDocs, as_of: dt.date) -> ControlList:
    return snapshot(docs.info, docs.entries, as_of)


def list_folder(list_id: str, near: Path | None = None) -> Path:
    """The folder of a list: a sibling of ``near`` when given, else a bundled list."""
    lists_dir = near.parent if near is not None else LISTS_DIR
    folder = lists_dir / list_id
    if not (folder / "list.yaml").is_file():
        known = sorted(p.parent.name for p in lists_dir.glob("*/list.yaml"))
        raise NotFoundError(f"no control list {list_id!r}; lists here: {', '.join(known)}")
    return folder


def load_list(list_id: str, as_of: dt.date | None = None) -> ControlList:
    """The bundled list ``list_id`` as in force on ``as_of`` (today when not given)."""
    return load_docs(list_folder(list_id)).at(as_of or dt.date.today())


def clear_caches() -> None:
    """Forget cached documents and snapshots (after files change on disk)."""
    load_docs.cache_clear()
    _snapshot.cache_clear()
