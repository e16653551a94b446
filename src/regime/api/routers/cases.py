"""Routes of compliance cases: open, classify, determine, screen, decide hits, move, report; list changes."""

from __future__ import annotations

from functools import cache

from fastapi import APIRouter, Request, status

from regime.api.deps import Caller, StoreDep
from regime.cases import rereview, screening, service
from regime.cases.listchange import ControlListChange, ScreeningListChange
from regime.cases.machine import Action, State
from regime.cases.records import Approval, CaseInput, ClassificationInput, DeterminationInput, HitDecision, Reasoned
from regime.cases.report import CaseReport, report
from regime.cases.rereview import RereviewReport
from regime.cases.screener import IndexScreener, Screener
from regime.cases.views import CaseView, NoticeView
from regime.errors import NotFoundError
from regime.screen import default_index

router = APIRouter(prefix="/cases", tags=["cases"])
MOVES = {
    "submit": Action.SUBMIT,
    "escalate": Action.ESCALATE,
    "block": Action.BLOCK,
    "close": Action.CLOSE,
    "rescreen": Action.RESCREEN,
}


@cache
def bundled_screener() -> IndexScreener:
    """The screening engine over the bundled Consolidated Screening List (built once)."""
    return IndexScreener(default_index())


def screener_of(request: Request) -> Screener:
    """The app's screener (``app.state.screener``), or the bundled list's."""
    found = getattr(request.app.state, "screener", None)
    return found if found is not None else bundled_screener()


@router.post("", status_code=status.HTTP_201_CREATED)
def open_case(store: StoreDep, who: Caller, data: CaseInput) -> CaseView:
    """Open a case in draft for a transaction (the determination engine's transaction document)."""
    return service.open_case(store, who, data)


@router.get("")
def listing(store: StoreDep, who: Caller, state: State | None = None) -> list[CaseView]:
    """Your cases, newest first (in ``state``, if given)."""
    return service.listing(store, who, state)


@router.get("/notices")
def notices(store: StoreDep, who: Caller, all: bool = False) -> list[NoticeView]:
    """Notices list changes raised on your cases, urgent first (``all``: acknowledged ones too)."""
    return rereview.notices(store, who, open_only=not all)


@router.post("/notices/{notice_id}/acknowledge")
def acknowledge(store: StoreDep, who: Caller, notice_id: int) -> NoticeView:
    """Mark a notice as seen."""
    return rereview.acknowledge(store, who, notice_id)


@router.post("/list-changes/screening")
def screening_list_changed(store: StoreDep, who: Caller, data: ScreeningListChange) -> RereviewReport:
    """A screening list has a new version: cases checked against it go back to screening; approved ones are flagged."""
    return rereview.on_screening_change(store, who, data)


@router.post("/list-changes/control")
def control_list_changed(store: StoreDep, who: Caller, data: ControlListChange) -> RereviewReport:
    """A control list has a new version: cases classified against it go back to screening; affected ones are flagged."""
    return rereview.on_control_change(store, who, data)


@router.get("/{case_id}")
def get(store: StoreDep, who: Caller, case_id: int) -> CaseView:
    """One of your cases."""
    return service.get(store, who, case_id)


@router.get("/{case_id}/report")
def case_report(store: StoreDep, who: Caller, case_id: int) -> CaseReport:
    """The case's report: what was checked, how each hit was settled (and whether automatically), its history."""
    return report(store, who, case_id)


@router.post("/{case_id}/classification")
def classify(store: StoreDep, who: Caller, case_id: int, data: ClassificationInput) -> CaseView:
    """Record the items' classification and the list version it was read against."""
    return service.classify(store, who, case_id, data)


@router.post("/{case_id}/determinations")
def determine(store: StoreDep, who: Caller, case_id: int, data: DeterminationInput) -> CaseView:
    """Record the determinations (one per jurisdiction)."""
    return service.record_determinations(store, who, case_id, data)


@router.post("/{case_id}/screen")
def screen(store: StoreDep, who: Caller, request: Request, case_id: int) -> CaseView:
    """Screen the parties of a case awaiting screening; the decision memory settles known hits."""
    return screening.screen(store, who, case_id, screener_of(request))


@router.post("/{case_id}/hits/{hit_id}/clear")
def clear(store: StoreDep, who: Caller, case_id: int, hit_id: int, data: HitDecision) -> CaseView:
    """Clear a hit as a false positive, saying why (remembered for the same name and entry)."""
    return screening.clear(store, who, case_id, hit_id, data)


@router.post("/{case_id}/hits/{hit_id}/confirm")
def confirm(store: StoreDep, who: Caller, case_id: int, hit_id: int, data: HitDecision) -> CaseView:
    """Confirm a hit as a true match; on a prohibited-party list the case is blocked."""
    return screening.confirm(store, who, case_id, hit_id, data)


@router.post("/{case_id}/approve")
def approve(store: StoreDep, who: Caller, case_id: int, data: Approval) -> CaseView:
    """Approve a reviewed case (under a licence when the determination requires one)."""
    return service.approve(store, who, case_id, data)


@router.post("/{case_id}/{action}")
def move(store: StoreDep, who: Caller, case_id: int, action: str, data: Reasoned) -> CaseView:
    """Submit, escalate, block, close or re-screen a case, with the reason."""
    if action not in MOVES:
        raise NotFoundError(f"no case action {action!r} (actions: {', '.join(MOVES)}, approve)")
    return service.transition(store, who, case_id, MOVES[action], data)
