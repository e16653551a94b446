"""Granting a licence after the consultations, and telling the other members when it undercuts their denials.

A member may grant once no consultation is still open. If the grant goes against a denial in force
that the denying member holds essentially identical (by its answer, or by its silence where the
regime reads silence so), or — where the regime does not consult first, as Wassenaar — against any
essentially identical denial the service found, the grant needs reasons and is notified to all
members with them. Under COCOM's unanimity the export case must first pass the members' ballot.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select

from regime.errors import InputError
from regime.exchange.consultations import view, visible_case
from regime.exchange.records import consultation_state, transaction_of
from regime.exchange.views import CaseView, GrantNotice
from regime.governance.access import Principal, Role, require_member, require_role
from regime.governance.ballots import ballot_for, close_ballot, require_closer
from regime.governance.definition import RegimeDefinition
from regime.governance.errors import AccessDeniedError, StateConflictError
from regime.governance.records import definition_for, row
from regime.store import Change, Store
from regime.store.models import LicenceCase


class GrantInput(BaseModel):
    """The grant: reasons are required when it undercuts denials in force."""

    model_config = ConfigDict(extra="forbid")

    reasons: str = ""


def _check_veto(change: Change, case: LicenceCase, definition: RegimeDefinition) -> None:
    if definition.decision_rules.export_case is None:
        return
    ballot = ballot_for(change.session, "export_case", case.id)
    if ballot is None or ballot.closed_at is None:
        raise StateConflictError(
            f"export case {case.id} awaits the members' decision: in {definition.short_name} any member may veto an export"
        )
    if ballot.outcome != "adopted":
        vetoes = "; ".join(f"{b['member']}: {b['reason']}" for b in ballot.blocked_by)
        raise StateConflictError(f"export case {case.id} was vetoed ({vetoes})")


def _undercut(change: Change, case: LicenceCase, definition: RegimeDefinition) -> list[dict[str, Any]]:
    rules = definition.information_exchange.consultation
    if not rules.required:
        return [{**match, "how": "found essentially identical by the service"} for match in case.matches]
    undercut = []
    for consultation in case.consultations:
        status, outcome = consultation_state(consultation, rules, change.today)
        if status == "open":
            raise StateConflictError(
                f"consultation {consultation.id} with {consultation.denying_member.country} is open until "
                f"{consultation.deadline}: wait for its answer or the deadline"
            )
        if outcome == "identical":
            how = (
                "answered: essentially identical" if status == "answered" else "no answer: silence counts as identical"
            )
            undercut.append(
                {"denial": consultation.denial_id, "member": consultation.denying_member.country, "how": how}
            )
    return undercut


def grant(store: Store, who: Principal, regime_id: str, case_id: int, data: GrantInput) -> CaseView:
    """The case's member grants the licence; undercut denials are notified to all members with the reasons."""
    member_id = require_role(who, regime_id, Role.LICENSING_OFFICER)
    with store.change(who.actor) as change:
        case = visible_case(change.session, who, regime_id, case_id)
        if case.member_id != member_id:
            raise AccessDeniedError(f"licence case {case_id} is {case.member.country}'s to grant, not {who.country}'s")
        if case.status != "open":
            raise StateConflictError(f"licence case {case_id} is {case.status}")
        definition = definition_for(change.session, regime_id)
        _check_veto(change, case, definition)
        undercut = _undercut(change, case, definition)
        if undercut and not data.reasons.strip():
            denied_by = ", ".join(f"{u['member']} (denial {u['denial']})" for u in undercut)
            raise InputError(
                f"this licence undercuts denials in force by {denied_by}: give the reasons, "
                "which are notified to all members",
                where="reasons",
            )
        case.status, case.granted_on, case.grant_reasons, case.undercut = (
            "granted",
            change.today,
            data.reasons,
            undercut,
        )
        change.audit("case.grant", f"case:{case.id}", {"reasons": data.reasons, "undercut": undercut})
        return view(change.session, case, change.today)


def decide_export_case(store: Store, who: Principal, regime_id: str, case_id: int) -> CaseView:
    """Close the ballot on an export case (COCOM): any member's no is a veto."""
    with store.change(who.actor) as change:
        require_closer(who, regime_id, definition_for(change.session, regime_id))
        case = row(change.session, LicenceCase, case_id, "licence case", regime_id)
        ballot = ballot_for(change.session, "export_case", case.id)
        if ballot is None:
            raise StateConflictError(f"licence case {case_id} has no ballot: {regime_id} gives no veto over exports")
        outcome = close_ballot(change, ballot)
        if not outcome.adopted:
            case.status = "vetoed"
        change.audit("case.decide", f"case:{case.id}", {"adopted": outcome.adopted})
        return view(change.session, case, change.today)


def notices(store: Store, who: Principal, regime_id: str) -> list[GrantNotice]:
    """Licences granted despite essentially identical denials in force: shared with all members."""
    require_member(who, regime_id)
    with store.read() as session:
        query = select(LicenceCase).where(LicenceCase.regime_id == regime_id, LicenceCase.status == "granted")
        return [
            GrantNotice(
                case_id=case.id,
                member=case.member.country,
                transaction=transaction_of(case),
                granted_on=case.granted_on,
                reasons=case.grant_reasons or "",
                undercut=case.undercut,
            )
            for case in session.scalars(query.order_by(LicenceCase.id))
            if case.undercut and case.granted_on is not None
        ]
