"""Information exchange: denials in force, and consultations with their deadlines counting down (members only)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from regime.exchange import consultations, denials
from regime.exchange.consultations import AnswerInput
from regime.exchange.views import ConsultationView
from regime.governance.records import definition_for
from regime.governance.workdays import working_days_between
from regime.web.errors import page_router
from regime.web.forms import model_from_form
from regime.web.session import check_csrf, require_principal
from regime.web.templating import page

router = page_router()


@router.get("/regime/{regime_id}/denials")
def denials_page(request: Request, regime_id: str, lapsed: bool = False) -> HTMLResponse:
    """The regime's denials in force (with ``lapsed``, expired and revoked ones too)."""
    who = require_principal(request)
    found = denials.listing(request.app.state.store, who, regime_id, include_lapsed=lapsed)
    return page(request, "regime/denials.html", {"regime_id": regime_id, "denials": found, "lapsed": lapsed})


def _countdown(consultation: ConsultationView, today: dt.date, holidays: Any) -> dict[str, Any]:
    """The consultation with the working and calendar days left, and its deadline as an instant."""
    return {
        "c": consultation,
        "working_days_left": working_days_between(today, consultation.deadline, holidays),
        "days_left": (consultation.deadline - today).days,
        "deadline_at": f"{consultation.deadline.isoformat()}T23:59:59Z",
    }


@router.get("/regime/{regime_id}/consultations")
def consultations_page(request: Request, regime_id: str) -> HTMLResponse:
    """The consultations the member requested or must answer; open ones count down to their deadline."""
    who = require_principal(request)
    store = request.app.state.store
    found = consultations.listing(store, who, regime_id)
    with store.read() as session:
        holidays = definition_for(session, regime_id).holiday_calendar()
    today = store.now().date()
    rows = [_countdown(c, today, holidays) for c in found]
    context = {
        "regime_id": regime_id,
        "open": [r for r in rows if r["c"].status == "open"],
        "closed": [r for r in rows if r["c"].status != "open"],
        "country": who.country,
        "today": today,
    }
    return page(request, "regime/consultations.html", context)


@router.post("/regime/{regime_id}/consultations/{consultation_id}/answer")
def answer(
    request: Request,
    regime_id: str,
    consultation_id: int,
    identical: Annotated[str, Form()],
    note: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> RedirectResponse:
    """The denying member answers: essentially identical to its denial, or not."""
    who = require_principal(request)
    check_csrf(request, csrf)
    data = model_from_form(AnswerInput, {"identical": identical == "yes", "note": note}, "answer")
    consultations.answer(request.app.state.store, who, regime_id, consultation_id, data)
    return RedirectResponse(f"/web/regime/{regime_id}/consultations", status_code=303)
