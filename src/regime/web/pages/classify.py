"""Classify: an item typed in or picked from the catalogue, against one or more lists on a date."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Form, Query, Request
from fastapi.responses import HTMLResponse

from regime.classify.engine import classify
from regime.classify.result import Classification
from regime.errors import InputError
from regime.lists.registry import compiled_list
from regime.model.item import Item
from regime.web.errors import page_router, status_of
from regime.web.forms import pick_item
from regime.web.pages.lists import docs_of, list_ids
from regime.web.services import services
from regime.web.templating import is_htmx, page

router = page_router()
EXAMPLE = """name: Test accelerator
parameters:
  item_type: integrated_circuit
  ic_function: logic
  processing_units: [{mac_tops: 294.2, bit_length: 8}]
  applicable_die_area: 608.5 mm^2
  designed_for_datacenter: false
"""


def classify_all(item: Item, lists: list[str], date: dt.date, catalogue: Any) -> list[tuple[str, Classification]]:
    """The item's classification against each list (with the list's numbering for display)."""
    return [
        (docs_of(list_id).info.numbering, classify(item, compiled_list(list_id, date), catalogue=catalogue))
        for list_id in lists
    ]


def _respond(request: Request, item_id: str, text: str, lists: list[str], as_of: dt.date | None) -> HTMLResponse:
    catalogue = services(request).catalogue()
    date, chosen = as_of or dt.date.today(), lists or ["us-ccl"]
    context: dict[str, Any] = {
        "catalogue": catalogue,
        "all_lists": list_ids(),
        "chosen": chosen,
        "item_id": item_id,
        "text": text,
        "as_of": date,
        "results": [],
        "problem": None,
        "example": EXAMPLE,
    }
    status = 200
    try:
        for list_id in chosen:
            docs_of(list_id)
        item = pick_item(catalogue, item_id, text)
        if item is not None:
            context["results"] = classify_all(item, chosen, date, catalogue)
            context["item"] = item
    except InputError as exc:
        context["problem"], status = str(exc), status_of(exc)
    template = "decide/_classify_result.html" if is_htmx(request) else "decide/classify.html"
    return page(request, template, context, status)


@router.get("/classify")
def classify_form(
    request: Request,
    item: str = "",
    list_id: Annotated[list[str], Query(alias="list")] = [],  # noqa: B006 - FastAPI reads the default
    as_of: dt.date | None = None,
) -> HTMLResponse:
    """The form; with ``item`` (a catalogue id) it shows the classification too."""
    return _respond(request, item, "", list_id, as_of)


@router.post("/classify")
def classify_post(
    request: Request,
    item: Annotated[str, Form()] = "",
    item_yaml: Annotated[str, Form()] = "",
    list_id: Annotated[list[str], Form(alias="list")] = [],  # noqa: B006 - FastAPI reads the default
    as_of: Annotated[dt.date | None, Form()] = None,
) -> HTMLResponse:
    """Classify the typed item (or the catalogue item picked)."""
    return _respond(request, item, item_yaml, list_id, as_of)
