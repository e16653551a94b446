"""Divergence: the catalogue's products shipped to one destination, decided under each member side by side.

Where one member lets a product go licence-free and another requires a licence, an exporter could
undercut the stricter member: the rows are marked and the undercut risks listed. Below, the
harmonisation report over the standard set (``regime diverge``), per pair of members, computed
once per members and date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import Query, Request
from fastapi.responses import HTMLResponse

from regime.assess.diverge import cached_divergence, divergence_report, parse_members
from regime.determine.engine import determine_all
from regime.determine.files import parse_transaction
from regime.determine.memo import Memo
from regime.web.errors import page_router
from regime.web.services import services
from regime.web.templating import page

router = page_router()


@router.get("/divergence")
def divergence(
    request: Request,
    destination: str = "China",
    as_of: dt.date | None = None,
    compare: str = Query("US,NL,JP", alias="members"),
) -> HTMLResponse:
    """Every catalogue product to ``destination`` on ``as_of``, under every member; the pairs over the standard set."""
    svc = services(request)
    members, catalogue, index = svc.members(), svc.catalogue(), svc.party_index()
    date, memo = as_of or dt.date.today(), Memo()
    rows = []
    for item_id, item in catalogue.items():
        tx = parse_transaction({"id": item.name, "date": date, "item": item_id, "destination": destination}, "page")
        rows.append((item_id, determine_all(tx, members, parties_index=index, catalogue=catalogue, memo=memo)))
    context = {
        "members": members,
        "rows": rows,
        "destination": destination,
        "as_of": date,
        "differing": sum(1 for _, r in rows if len({d.outcome for d in r.determinations}) > 1),
        "undercut": sum(1 for _, r in rows if r.undercut_risks),
        "pairs": _pairs(request, compare, date),
        "pair_members": compare,
    }
    return page(request, "assess/divergence.html", context)


def _pairs(request: Request, members: str, date: dt.date) -> dict[str, Any]:
    """The harmonisation report for ``members`` on ``date`` (decided once, then served from the cache)."""
    svc = services(request)
    by_id = {m.id: m for m in svc.members()}
    chosen = [by_id[m] for m in parse_members(members, list(by_id))]
    return divergence_report(cached_divergence(chosen, date, svc.party_index(), svc.catalogue()))
