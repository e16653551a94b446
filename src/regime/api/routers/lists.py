"""Control lists as code, for everyone: an entry on a date, full-text search, the difference between dates."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Query

from regime.errors import NotFoundError
from regime.lists.diff import ListDiff, diff_dates
from regime.lists.loader import list_folder, load_docs, load_list
from regime.lists.numbering import normalise_entry_id
from regime.lists.search import Hit, index_for, search
from regime.lists.snapshot import Entry

router = APIRouter(tags=["lists"])


@router.get("/lists/{list_id}/entries/{entry_id}")
def entry(list_id: str, entry_id: str, as_of: dt.date | None = None) -> Entry:
    """One entry as in force on ``as_of`` (today by default); ECCN or Wassenaar numbering."""
    snapshot = load_list(list_id, as_of or dt.date.today())
    found = snapshot.entries.get(normalise_entry_id(entry_id))
    if found is None:
        raise NotFoundError(f"{entry_id} is not in force in {snapshot.version}")
    return found


@router.get("/lists/{list_id}/search")
def search_list(
    list_id: str, q: str = Query(min_length=1), as_of: dt.date | None = None, limit: int = Query(20, ge=1, le=200)
) -> list[Hit]:
    """Full-text search over headings, paragraphs and notes of the list in force on ``as_of``."""
    return search(index_for(load_docs(list_folder(list_id)), as_of or dt.date.today()), q, limit=limit)


@router.get("/lists/{list_id}/diff")
def diff(list_id: str, start: dt.date = Query(alias="from"), end: dt.date = Query(alias="to")) -> ListDiff:
    """What changed between two dates, entry by entry."""
    return diff_dates(load_docs(list_folder(list_id)), start, end)
