"""Screening a case's parties, and the reviewer's decisions on the hits, with the decision memory.

``screen`` runs on a case in ``screening``: every party is screened, each hit is settled again
from the decision memory where a reviewer already decided the same name against the same,
unchanged entry (``auto_cleared`` / ``auto_confirmed``), and the case moves on: ``blocked`` when a
remembered confirmation names a prohibited party, ``escalated`` when an open hit is on a
prohibited-party list, ``review_required`` otherwise. ``clear`` and ``confirm`` record a reviewer's
decision (and remember it); confirming a match to a prohibited party blocks the case at once.
"""

from __future__ import annotations

from regime.cases.machine import REVIEW, Action, State
from regime.cases.memory import CLEARED, CONFIRMED, recall, remember
from regime.cases.records import HitDecision
from regime.cases.screener import Screener
from regime.cases.service import view
from regime.cases.transitions import current_hits, facts_of, load, move
from regime.cases.views import CaseView
from regime.errors import NotFoundError
from regime.governance.access import Principal
from regime.governance.errors import StateConflictError
from regime.licensing.owners import require_worker, role_of
from regime.store import Change, Store
from regime.store.models import CaseHit, ComplianceCase

SYSTEM = "system"
AUTO = {CLEARED: "auto_cleared", CONFIRMED: "auto_confirmed"}


def _record_hits(change: Change, case: ComplianceCase, screener: Screener, round_: int) -> list[CaseHit]:
    found = []
    for party in case.transaction.get("parties") or ():
        for hit in screener.hits(party["name"], party.get("country")):
            row = CaseHit(
                case_id=case.id,
                screening_round=round_,
                party=party["name"],
                party_role=party.get("role", "end_user"),
                list_source=screener.source,
                list_version=screener.version,
                **hit.model_dump(),
                status="open",
            )
            remembered = recall(change.session, case.owner, row)
            if remembered is not None:
                row.status, row.memory_id = AUTO[remembered.verdict], remembered.id
                row.decided_by, row.reason = remembered.decided_by, remembered.reason
            change.session.add(row)
            found.append(row)
    change.session.flush()
    case.hits.extend(found)
    return found


def screen(store: Store, who: Principal, case_id: int, screener: Screener) -> CaseView:
    """Screen the parties of a case awaiting screening, apply the decision memory, and move the case on."""
    require_worker(who)
    with store.change(who.actor) as change:
        case = load(change.session, who, case_id, lock=True)
        if State(case.state) is not State.SCREENING:
            raise StateConflictError(f"case {case.id} is {case.state}: only a case in screening is screened")
        round_ = max((h.screening_round for h in case.hits), default=0) + 1
        hits = _record_hits(change, case, screener, round_)
        case.screening = {
            "source": screener.source,
            "version": screener.version,
            "round": round_,
            "at": change.at.isoformat(),
            "by": who.actor.name,
            "hits": len(hits),
            "auto_decided": sum(h.status in AUTO.values() for h in hits),
        }
        case.checked_lists = {**case.checked_lists, screener.source: screener.version}
        change.audit("case.screen", f"compliance-case:{case.id}", {**case.screening, "role": role_of(who)})
        facts = facts_of(case, f"screened against {screener.source} {screener.version}: {len(hits)} hit(s)")
        if facts.prohibited_confirmed:
            reason = "decision memory: " + facts.prohibited_confirmed[0] + " (confirmed before)"
            move(change, case, Action.BLOCK, facts_of(case, reason), actor=who.actor.name, role=SYSTEM)
        else:
            action = Action.SCREENED_HIT if facts.prohibited_open else Action.SCREENED_CLEAR
            move(change, case, action, facts, actor=who.actor.name, role=SYSTEM)
        return view(change.session, case)


def _decide(store: Store, who: Principal, case_id: int, hit_id: int, verdict: str, data: HitDecision) -> CaseView:
    require_worker(who)
    with store.change(who.actor) as change:
        case = load(change.session, who, case_id, lock=True)
        hit = next((h for h in current_hits(case) if h.id == hit_id), None)
        if hit is None:
            raise NotFoundError(f"no hit {hit_id} in the current screening of case {case.id}")
        if hit.status in ("confirmed", "auto_confirmed"):
            raise StateConflictError(
                f"hit {hit.id} is a confirmed match ({hit.party!r} is {hit.list_code} entry {hit.entry_name!r}): no role can override it"
            )
        if State(case.state) not in REVIEW:
            raise StateConflictError(f"case {case.id} is {case.state}: hits are decided while it is under review")
        decision = remember(change, case.owner, hit, verdict, data.reason, who.actor.name)
        hit.status = "cleared" if verdict == CLEARED else "confirmed"
        hit.memory_id, hit.decided_by, hit.reason = decision.id, who.actor.name, data.reason
        payload = {
            "hit": hit.id,
            "party": hit.party,
            "list": hit.list_code,
            "entry": hit.entry_id,
            "reason": data.reason,
        }
        change.audit(f"case.hit.{hit.status}", f"compliance-case:{case.id}", {**payload, "role": role_of(who)})
        if verdict == CONFIRMED and hit.prohibited:
            reason = f"confirmed match to a prohibited party: {hit.party!r} is {hit.list_code} entry {hit.entry_name!r}"
            move(change, case, Action.BLOCK, facts_of(case, reason), actor=who.actor.name, role=role_of(who))
        return view(change.session, case)


def clear(store: Store, who: Principal, case_id: int, hit_id: int, data: HitDecision) -> CaseView:
    """A reviewer clears a hit as a false positive, saying why; the same name and entry clear again later."""
    return _decide(store, who, case_id, hit_id, CLEARED, data)


def confirm(store: Store, who: Principal, case_id: int, hit_id: int, data: HitDecision) -> CaseView:
    """A reviewer confirms a hit as a true match; on a prohibited-party list this blocks the case."""
    return _decide(store, who, case_id, hit_id, CONFIRMED, data)
