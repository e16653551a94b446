"""List-change re-review: every case checked against a list that changed goes back to screening.

Approved cases still within their shipment window whose parties or items the change touches are
flagged with a ``re_review`` notice; a newly listed party on an approved case raises an ``urgent``
notice. The decision memory makes the re-screening cheap: hits on unchanged entries settle again
by themselves, while a changed entry voids its clearances.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pydantic import BaseModel
from sqlalchemy import select

from regime.cases.listchange import ControlListChange, ScreeningListChange, items_affected
from regime.cases.machine import Action, State
from regime.cases.screener import PROHIBITED_LISTS, IndexScreener
from regime.cases.transitions import facts_of, move
from regime.cases.views import NoticeView, notice_view
from regime.errors import NotFoundError
from regime.governance.access import Principal
from regime.licensing.owners import require_worker
from regime.store import Change, Store
from regime.store.models import CaseNotice, ComplianceCase

SYSTEM = "system (list change)"
Affected = Callable[[ComplianceCase], tuple[list[str], list[str]]]


class RereviewReport(BaseModel):
    """What a list change did to the caller's cases."""

    list_id: str
    old_version: str
    new_version: str
    returned: list[int]
    flagged: list[int]
    urgent: list[int]
    notices: list[NoticeView]


def in_window(case: ComplianceCase, today: dt.date) -> bool:
    """True while the case may still ship."""
    return case.ship_until is None or case.ship_until >= today


def _notice(
    change: Change, case: ComplianceCase, kind: str, message: str, versions: tuple[str, str, str]
) -> CaseNotice:
    list_id, old, new = versions
    notice = CaseNotice(
        case_id=case.id,
        kind=kind,
        message=message,
        list_id=list_id,
        old_version=old,
        new_version=new,
        raised_at=change.at,
    )
    change.session.add(notice)
    change.session.flush()
    change.audit(
        f"case.notice.{kind}", f"compliance-case:{case.id}", {"message": message, "list": list_id, "version": new}
    )
    return notice


def _apply(store: Store, who: Principal, versions: tuple[str, str, str], affected: Affected) -> RereviewReport:
    owner = require_worker(who)
    list_id, old, new = versions
    report = RereviewReport(
        list_id=list_id, old_version=old, new_version=new, returned=[], flagged=[], urgent=[], notices=[]
    )
    with store.change(who.actor) as change:
        change.audit("case.list_change", f"list:{list_id}"[:100], {"from": old, "to": new, "owner": owner})
        query = select(ComplianceCase).where(
            ComplianceCase.owner == owner, ComplianceCase.state.not_in((State.DRAFT.value, State.CLOSED.value))
        )
        for case in change.session.scalars(query.order_by(ComplianceCase.id).with_for_update()):
            checked = case.checked_lists.get(list_id)
            if checked is None or checked == new:
                continue
            live = case.state == State.APPROVED.value and in_window(case, change.today)
            reasons, urgent = affected(case) if live else ([], [])
            if case.state != State.SCREENING.value:
                reason = f"{list_id} changed from {checked} to {new}: re-screen"
                move(change, case, Action.RESCREEN, facts_of(case, reason), actor=who.actor.name, role=SYSTEM)
                case.screening = None
                report.returned.append(case.id)
            if reasons:
                text = f"approved case {case.reference} may ship until {case.ship_until or 'open'}: " + "; ".join(
                    reasons
                )
                report.notices.append(notice_view(_notice(change, case, "re_review", text, versions)))
                report.flagged.append(case.id)
            for message in urgent:
                report.notices.append(notice_view(_notice(change, case, "urgent", message, versions)))
                report.urgent.append(case.id)
    return report


def on_screening_change(
    store: Store, who: Principal, data: ScreeningListChange, prohibited: frozenset[str] = PROHIBITED_LISTS
) -> RereviewReport:
    """Apply a new screening-list version to the caller's cases."""
    touched = data.touched()
    screener = IndexScreener.of(touched, prohibited) if touched.parties else None
    removed = set(data.removed)

    def affected(case: ComplianceCase) -> tuple[list[str], list[str]]:
        reasons, urgent = [], []
        for party in case.transaction.get("parties") or ():
            for hit in screener.hits(party["name"], party.get("country")) if screener else ():
                if hit.entry_id in data.added_ids:
                    urgent.append(
                        f"newly listed: {party['name']!r} matches {hit.list_code} entry {hit.entry_name!r} ({data.source} {data.new_version})"
                    )
                reasons.append(
                    f"{party['name']!r} matches {'new' if hit.entry_id in data.added_ids else 'changed'} {hit.list_code} entry {hit.entry_name!r}"
                )
        reasons += [
            f"{h.party!r} matched {h.list_code} entry {h.entry_name!r}, now removed"
            for h in case.hits
            if h.entry_id in removed
        ]
        return list(dict.fromkeys(reasons)), list(dict.fromkeys(urgent))

    return _apply(store, who, (data.source, data.old_version, data.new_version), affected)


def on_control_change(store: Store, who: Principal, data: ControlListChange) -> RereviewReport:
    """Apply a new control-list version to the caller's cases (flagging those whose items it touches)."""

    def affected(case: ComplianceCase) -> tuple[list[str], list[str]]:
        classes = (case.classification or {}).get("classes") or ()
        return [f"classified {item}" for item in items_affected(classes, data)], []

    return _apply(store, who, (data.list_id, data.old_version, data.new_version), affected)


def notices(store: Store, who: Principal, *, open_only: bool = True) -> list[NoticeView]:
    """The notices on the caller's cases (unacknowledged only, by default), urgent first."""
    owner = require_worker(who)
    with store.read() as session:
        query = select(CaseNotice).join(ComplianceCase).where(ComplianceCase.owner == owner)
        if open_only:
            query = query.where(CaseNotice.acknowledged_at.is_(None))
        found = [notice_view(n) for n in session.scalars(query.order_by(CaseNotice.id))]
    return sorted(found, key=lambda n: n.kind != "urgent")


def acknowledge(store: Store, who: Principal, notice_id: int) -> NoticeView:
    """Mark a notice on one of the caller's cases as seen."""
    owner = require_worker(who)
    with store.change(who.actor) as change:
        notice = change.session.get(CaseNotice, notice_id)
        case = change.session.get(ComplianceCase, notice.case_id) if notice else None
        if notice is None or case is None or case.owner != owner:
            raise NotFoundError(f"no notice {notice_id}")
        if notice.acknowledged_at is None:
            notice.acknowledged_at, notice.acknowledged_by = change.at, who.actor.name
        change.audit("case.notice.acknowledge", f"compliance-case:{case.id}", {"notice": notice.id})
        return notice_view(notice)
