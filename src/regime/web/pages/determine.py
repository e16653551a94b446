"""Determine: a transaction under each member's rules, side by side, with the trace and the near misses."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from regime.classify.engine import classify
from regime.classify.result import Classification
from regime.determine.engine import determine, determine_all
from regime.determine.jurisdiction import Jurisdiction
from regime.determine.result import Comparison
from regime.determine.transaction import END_USES, Transaction
from regime.errors import InputError
from regime.model.item import Item
from regime.web.errors import page_router, status_of
from regime.web.forms import pick_item, transaction_from_form
from regime.web.pages.classify import EXAMPLE
from regime.web.pages.lists import docs_of
from regime.web.services import Services, services
from regime.web.templating import is_htmx, page

router = page_router()
KINDS = ("export", "reexport", "transfer", "deemed_export", "deemed_reexport")
DEFAULTS = {"destination": "China", "quantity": "1", "exporter": "us", "all_members": "on", "kind": "export"}


def member_classifications(
    item: Item, members: tuple[Jurisdiction, ...], date: dt.date, catalogue: Any
) -> dict[str, list[tuple[str, Classification]]]:
    """The item classified against each member's lists: the values, near misses and open questions."""
    return {
        j.id: [
            (docs_of(list_id).info.numbering, classify(item, j.list_at(list_id, date), catalogue=catalogue))
            for list_id in j.lists
        ]
        for j in members
    }


def decide(svc: Services, tx: Transaction, all_members: bool) -> Comparison:
    """The determination under every member (or the exporter's only), as one comparison."""
    members = svc.members()
    index, catalogue = svc.party_index(), svc.catalogue()
    if all_members:
        return determine_all(tx, members, parties_index=index, catalogue=catalogue)
    chosen = next((j for j in members if j.id == tx.exporter), None)
    if chosen is None:
        raise InputError(f"no member {tx.exporter!r}: expected one of {', '.join(j.id for j in members)}")
    found = determine(tx, chosen, parties_index=index, catalogue=catalogue)
    return Comparison(transaction=tx.label, determinations=[found])


def _respond(request: Request, form: dict[str, Any], end_uses: list[str], submitted: bool) -> HTMLResponse:
    svc = services(request)
    catalogue, members = svc.catalogue(), svc.members()
    context: dict[str, Any] = {
        "form": form,
        "end_uses": end_uses,
        "all_end_uses": END_USES,
        "kinds": KINDS,
        "members": members,
        "catalogue": catalogue,
        "item_id": form.get("item", ""),
        "text": form.get("item_yaml", ""),
        "example": EXAMPLE,
        "comparison": None,
        "classified": {},
        "problem": None,
    }
    status = 200
    try:
        item = pick_item(catalogue, str(form.get("item", "")), str(form.get("item_yaml", "")))
        if submitted:
            tx = transaction_from_form(form, end_uses, item)
            context["comparison"] = comparison = decide(svc, tx, bool(form.get("all_members")))
            shown = [j for j in members if j.id in {d.jurisdiction for d in comparison.determinations}]
            if item is not None:
                context["classified"] = member_classifications(item, tuple(shown), tx.date, catalogue)
    except InputError as exc:
        context["problem"], status = str(exc), status_of(exc)
    template = "decide/_determine_result.html" if is_htmx(request) else "decide/determine.html"
    return page(request, template, context, status)


@router.get("/determine")
def determine_form(request: Request) -> HTMLResponse:
    """The form; with ``item`` or ``classification`` in the query it shows the determination too."""
    params = request.query_params
    form = DEFAULTS | {k: v for k, v in params.items() if k != "end_use"}
    submitted = bool(params.get("item") or params.get("classification"))
    if submitted and "all_members" not in params:
        form.pop("all_members", None)
    return _respond(request, form, params.getlist("end_use"), submitted)


@router.post("/determine")
async def determine_post(request: Request) -> HTMLResponse:
    """Decide the transaction in the form."""
    data = await request.form()
    form = {k: str(v) for k, v in data.items() if k != "end_use"}
    return _respond(request, form, [str(v) for v in data.getlist("end_use")], True)
