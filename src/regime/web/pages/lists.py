"""Lists: every control list, browsed by category and product group, searched in full text, diffed by date."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import HTMLResponse

from regime.lists.diff import diff_dates
from regime.lists.loader import ListDocs, list_folder, load_docs
from regime.lists.search import index_for, search
from regime.paths import LISTS_DIR
from regime.web.errors import page_router
from regime.web.templating import is_htmx, page

router = page_router()
FromDate = Annotated[dt.date | None, Query(alias="from")]
ToDate = Annotated[dt.date | None, Query(alias="to")]
GROUPS = {
    "A": "Systems, equipment and components",
    "B": "Test, inspection and production equipment",
    "C": "Materials",
    "D": "Software",
    "E": "Technology",
}


def docs_of(list_id: str) -> ListDocs:
    """The documents of a bundled list (``NotFoundError`` naming the lists when unknown)."""
    return load_docs(list_folder(list_id))


def list_ids() -> list[str]:
    """The bundled lists, by id."""
    return sorted(p.parent.name for p in LISTS_DIR.glob("*/list.yaml"))


@router.get("/lists")
def lists(request: Request) -> HTMLResponse:
    """Every bundled control list with its size and how much of it is machine-checkable."""
    rows = []
    for list_id in list_ids():
        docs = docs_of(list_id)
        encodings = Counter(doc.encoding.value for doc in docs.entries.values())
        rows.append({"id": list_id, "info": docs.info, "entries": len(docs.entries), "encodings": dict(encodings)})
    return page(request, "lists/index.html", {"lists": rows})


@router.get("/lists/{list_id}")
def browse(request: Request, list_id: str, as_of: dt.date | None = None) -> HTMLResponse:
    """The list in force on a date, by category and product group."""
    docs, date = docs_of(list_id), as_of or dt.date.today()
    snapshot = docs.at(date)
    counts = Counter((entry_id[:-4], entry_id[-4]) for entry_id in snapshot.entries)
    categories = sorted({c for c, _ in counts} | set(docs.info.categories), key=lambda c: int(c) if c.isdigit() else 0)
    rows = [
        {
            "id": c,
            "name": docs.info.categories.get(c, f"Category {c}"),
            "groups": [(g, counts[(c, g)]) for g in GROUPS if counts[(c, g)]],
        }
        for c in categories
    ]
    context = {"docs": docs, "list_id": list_id, "as_of": date, "categories": rows, "groups": GROUPS}
    return page(request, "lists/browse.html", context | {"total": len(snapshot.entries)})


@router.get("/lists/{list_id}/groups/{code}")
def group(request: Request, list_id: str, code: str, as_of: dt.date | None = None) -> HTMLResponse:
    """The entries of one category and product group (``3A``) in force on a date."""
    docs, date = docs_of(list_id), as_of or dt.date.today()
    category, letter = code[:-1], code[-1:].upper()
    entries = [e for e in docs.at(date).entries.values() if e.id[:-4] == category and e.id[-4] == letter]
    context = {
        "docs": docs,
        "list_id": list_id,
        "as_of": date,
        "code": f"{category}{letter}",
        "category": docs.info.categories.get(category, f"Category {category}"),
        "group": GROUPS.get(letter, letter),
        "entries": entries,
    }
    return page(request, "lists/group.html", context)


@router.get("/lists/{list_id}/search")
def search_page(request: Request, list_id: str, q: str = "", as_of: dt.date | None = None) -> HTMLResponse:
    """Full-text search of headings, paragraphs and notes; htmx asks for the hits alone as one types."""
    docs, date = docs_of(list_id), as_of or dt.date.today()
    hits = search(index_for(docs, date), q, limit=30) if q.strip() else []
    context = {"docs": docs, "list_id": list_id, "as_of": date, "q": q, "hits": hits}
    return page(request, "lists/_hits.html" if is_htmx(request) else "lists/search.html", context)


@router.get("/lists/{list_id}/diff")
def list_diff(request: Request, list_id: str, start: FromDate = None, end: ToDate = None) -> HTMLResponse:
    """What changed in the whole list between two dates, entry by entry."""
    docs = docs_of(list_id)
    start, end = start or dt.date(2022, 10, 1), end or dt.date.today()
    result = diff_dates(docs, start, end)
    context = {"docs": docs, "list_id": list_id, "start": start, "end": end, "diff": result, "as_of": end}
    return page(request, "lists/diff.html", context)
