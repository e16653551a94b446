"""Compiled lists by id and date, built once and cached (the engines themselves hold no state)."""

from __future__ import annotations

import datetime as dt

from regime.lists.compiled import CompiledList, compile_list
from regime.lists.loader import list_folder, load_docs
from regime.once import built_once


@built_once
def compiled_list(list_id: str, as_of: dt.date) -> CompiledList:
    """The bundled list ``list_id`` as in force on ``as_of``, compiled."""
    docs = load_docs(list_folder(list_id))
    return compile_list(docs.at(as_of), source=str(docs.folder))
