"""What the cases service hands to the faces: a case with its records, hits, history and notices."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from regime.cases.machine import State, actions_from
from regime.store.models import CaseEvent, CaseHit, CaseNotice, ComplianceCase, ScreeningDecision


class MemoryView(BaseModel):
    """The remembered decision a hit was settled by."""

    id: int
    verdict: str
    reason: str
    decided_by: str
    decided_at: dt.datetime
    case_id: int


class HitView(BaseModel):
    """A screening hit and what became of it (``auto_*``: settled by the decision memory)."""

    id: int
    round: int
    party: str
    party_role: str
    list_source: str
    list_version: str
    list_code: str
    entry_id: str
    entry_name: str
    score: float
    prohibited: bool
    legal_effect: str
    status: str
    decided_by: str | None
    reason: str | None
    memory: MemoryView | None


class EventView(BaseModel):
    """One transition: what, from where to where, who in which role, and why."""

    action: str
    from_state: str
    to_state: str
    actor: str
    role: str
    reason: str
    at: dt.datetime


class NoticeView(BaseModel):
    """A flag a list change raised on a case."""

    id: int
    case_id: int
    kind: str
    message: str
    list_id: str
    old_version: str
    new_version: str
    raised_at: dt.datetime
    acknowledged_at: dt.datetime | None
    acknowledged_by: str | None


class CaseView(BaseModel):
    """A case: its transaction, records, current hits, history, notices and the actions open to it."""

    id: int
    reference: str
    state: State
    transaction: dict[str, Any]
    classification: dict[str, Any] | None
    screening: dict[str, Any] | None
    determinations: list[dict[str, Any]]
    checked_lists: dict[str, Any]
    licence_id: int | None
    ship_from: dt.date | None
    ship_until: dt.date | None
    created_at: dt.datetime
    updated_at: dt.datetime
    actions: list[str]
    hits: list[HitView]
    events: list[EventView]
    notices: list[NoticeView]


def memory_view(decision: ScreeningDecision) -> MemoryView:
    """The view of a remembered decision."""
    return MemoryView.model_validate(decision, from_attributes=True)


def hit_view(hit: CaseHit, memory: ScreeningDecision | None) -> HitView:
    """The view of a hit, with the decision that settled it automatically."""
    fields = {name: getattr(hit, name) for name in HitView.model_fields if hasattr(hit, name)}
    return HitView(**fields, round=hit.screening_round, memory=memory_view(memory) if memory else None)


def event_view(event: CaseEvent) -> EventView:
    """The view of a transition."""
    return EventView.model_validate(event, from_attributes=True)


def notice_view(notice: CaseNotice) -> NoticeView:
    """The view of a notice."""
    return NoticeView.model_validate(notice, from_attributes=True)


def case_view(case: ComplianceCase, memories: dict[int, ScreeningDecision]) -> CaseView:
    """The view of a case; ``memories`` are the decisions its hits were settled by, by id."""
    state = State(case.state)
    return CaseView(
        id=case.id,
        reference=case.reference,
        state=state,
        transaction=case.transaction,
        classification=case.classification,
        screening=case.screening,
        determinations=case.determinations,
        checked_lists=case.checked_lists,
        licence_id=case.licence_id,
        ship_from=case.ship_from,
        ship_until=case.ship_until,
        created_at=case.created_at,
        updated_at=case.updated_at,
        actions=[a.value for a in actions_from(state) if not a.value.startswith("screened")],
        hits=[hit_view(h, memories.get(h.memory_id) if h.memory_id else None) for h in case.hits],
        events=[event_view(e) for e in case.events],
        notices=[notice_view(n) for n in case.notices],
    )
