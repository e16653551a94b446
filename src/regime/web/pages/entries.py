"""One list entry: its paragraphs, criteria, notes and licence requirements on any date, its history and diffs."""

from __future__ import annotations

import datetime as dt

from fastapi import Request
from fastapi.responses import HTMLResponse

from regime.errors import NotFoundError
from regime.lists.diff import diff_dates, entry_history
from regime.lists.loader import ListDocs
from regime.lists.numbering import parse_ref
from regime.lists.snapshot import change_dates, entry_at
from regime.web.errors import page_router
from regime.web.pages.lists import FromDate, ToDate, docs_of
from regime.web.templating import is_htmx, page

router = page_router()


def _entry_id(docs: ListDocs, ref: str) -> str:
    entry_id = parse_ref(ref).entry
    if entry_id not in docs.entries:
        raise NotFoundError(f"no entry {entry_id} in list {docs.info.id}")
    return entry_id


@router.get("/lists/{list_id}/entries/{ref}")
def entry(request: Request, list_id: str, ref: str, as_of: dt.date | None = None) -> HTMLResponse:
    """The entry as in force on ``as_of`` (today by default), with its dated versions."""
    docs = docs_of(list_id)
    entry_id, date = _entry_id(docs, ref), as_of or dt.date.today()
    doc = docs.entries[entry_id]
    versions = [
        {"date": when, "change": change, "in_force": after is not None} for when, change, after in entry_history(doc)
    ]
    dates = sorted(change_dates(doc))
    context = {
        "docs": docs,
        "list_id": list_id,
        "as_of": date,
        "doc": doc,
        "entry": entry_at(doc, date),
        "versions": versions,
        "actions": {h.date: h for h in doc.history},
        "diff_from": dates[0] - dt.timedelta(days=1) if dates else date,
        "diff_to": dates[-1] if dates else date,
    }
    return page(request, "lists/entry.html", context)


@router.get("/lists/{list_id}/entries/{ref}/diff")
def entry_diff(request: Request, list_id: str, ref: str, start: FromDate = None, end: ToDate = None) -> HTMLResponse:
    """What changed in the entry between two dates (htmx puts it under the entry)."""
    docs = docs_of(list_id)
    entry_id = _entry_id(docs, ref)
    start, end = start or dt.date(2022, 10, 1), end or dt.date.today()
    result = diff_dates(docs, start, end, only=[entry_id])
    context = {"docs": docs, "list_id": list_id, "entry_id": entry_id, "start": start, "end": end, "diff": result}
    return page(request, "lists/_entry_diff.html" if is_htmx(request) else "lists/entry_diff.html", context)
