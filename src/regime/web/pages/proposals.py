"""Proposals: the white papers a member may see, their amendments, ballots and votes, and its private minimum."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from regime.errors import NotFoundError, RegimeError
from regime.governance import positions, proposals
from regime.governance.access import Role, require_member
from regime.governance.ballots import VoteInput, cast_vote
from regime.governance.errors import AccessDeniedError
from regime.governance.positions import PositionInput
from regime.web.errors import page_router, status_of
from regime.web.forms import model_from_form
from regime.web.session import check_csrf, require_principal
from regime.web.templating import is_htmx, page

router = page_router()
BASE = "/regime/{regime_id}/proposals"


@router.get(BASE)
def listing(request: Request, regime_id: str) -> HTMLResponse:
    """The proposals the member may see: all but other members' drafts."""
    who = require_principal(request)
    found = proposals.listing(request.app.state.store, who, regime_id)
    return page(request, "regime/proposals.html", {"regime_id": regime_id, "proposals": found})


@router.get(BASE + "/{proposal_id}")
def proposal(request: Request, regime_id: str, proposal_id: int) -> HTMLResponse:
    """One proposal: its text, amendments, diff, ballot and votes, and the member's vote form."""
    who = require_principal(request)
    found = proposals.get(request.app.state.store, who, regime_id, proposal_id)
    voter = bool(who.roles & {Role.LIST_EXPERT, Role.CHAIR})
    return page(request, "regime/proposal.html", {"regime_id": regime_id, "p": found, "voter": voter})


@router.post(BASE + "/{proposal_id}/vote", response_model=None)
def vote(
    request: Request,
    regime_id: str,
    proposal_id: int,
    position: Annotated[str, Form()],
    reason: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    """Cast (or change) the member's vote; htmx gets the ballot back, a plain form the proposal page."""
    who = require_principal(request)
    store = request.app.state.store
    context: dict[str, Any] = {"regime_id": regime_id, "pid": proposal_id}
    try:
        check_csrf(request, csrf)
        data = model_from_form(VoteInput, {"position": position, "reason": reason}, "vote")
        ballot = cast_vote(store, who, regime_id, "list_amendment", proposal_id, data)
    except RegimeError as exc:
        if not is_htmx(request):
            raise
        current = proposals.get(store, who, regime_id, proposal_id).ballot
        return page(request, "regime/_ballot.html", context | {"ballot": current, "problem": str(exc)}, status_of(exc))
    if is_htmx(request):
        return page(request, "regime/_ballot.html", context | {"ballot": ballot, "voted": True})
    return RedirectResponse(f"/web/regime/{regime_id}/proposals/{proposal_id}#ballot", status_code=303)


@router.get(BASE + "/{proposal_id}/positions/{country}")
def position(request: Request, regime_id: str, proposal_id: int, country: str) -> HTMLResponse:
    """A member's private minimum: its own member only; any other member's is refused."""
    who = require_principal(request)
    require_member(who, regime_id)
    if country.upper() != who.country:
        positions.read(request.app.state.store, who, regime_id, proposal_id, country)  # raises: refused
        raise AccessDeniedError("a private position is seen only by the member that recorded it")
    store = request.app.state.store
    found = proposals.get(store, who, regime_id, proposal_id)
    try:
        mine = positions.read(store, who, regime_id, proposal_id)
    except NotFoundError:
        mine = None
    context = {"regime_id": regime_id, "p": found, "position": mine, "country": who.country}
    return page(request, "regime/position.html", context)


@router.post(BASE + "/{proposal_id}/positions/{country}", response_model=None)
def record_position(
    request: Request,
    regime_id: str,
    proposal_id: int,
    country: str,
    minimum: Annotated[str, Form()],
    required_entries: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    """Record (or replace) the member's private minimum."""
    who = require_principal(request)
    check_csrf(request, csrf)
    if country.upper() != who.country:
        raise AccessDeniedError(f"{who.describe()} records {who.country}'s position only")
    entries = [e.strip() for e in required_entries.replace(";", ",").split(",") if e.strip()]
    data = model_from_form(PositionInput, {"minimum": minimum, "required_entries": entries}, "position")
    positions.record(request.app.state.store, who, regime_id, proposal_id, data)
    return RedirectResponse(f"/web/regime/{regime_id}/proposals/{proposal_id}/positions/{who.country}", status_code=303)
