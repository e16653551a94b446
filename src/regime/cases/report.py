"""A case's report: what was checked, against which list versions, how each hit was settled, and its history.

A hit settled by the decision memory says so, naming the decision, who made it, when and why.
"""

from __future__ import annotations

from pydantic import BaseModel

from regime.cases.service import get
from regime.cases.views import CaseView, HitView
from regime.governance.access import Principal
from regime.store import Store

SETTLED = {
    "open": "undecided",
    "cleared": "cleared as a false positive",
    "confirmed": "confirmed as a match",
    "auto_cleared": "cleared automatically (decision memory)",
    "auto_confirmed": "confirmed automatically (decision memory)",
}


class CaseReport(BaseModel):
    """The case and its report as lines of text."""

    case: CaseView
    lines: list[str]


def hit_line(hit: HitView) -> str:
    """One hit, and how it was settled."""
    line = f"{hit.party_role} {hit.party!r} ~ {hit.list_code} entry {hit.entry_name!r} (score {hit.score:.2f})"
    line += " [prohibited-party list]" if hit.prohibited else ""
    line += f": {SETTLED.get(hit.status, hit.status)}"
    if hit.memory is not None and hit.status.startswith("auto_"):
        memory = hit.memory
        line += f" — decision {memory.id} by {memory.decided_by} on {memory.decided_at:%Y-%m-%d} in case {memory.case_id}: {memory.reason!r}"
    elif hit.reason:
        line += f" by {hit.decided_by}: {hit.reason!r}"
    return line


def lines_of(case: CaseView) -> list[str]:
    """The report of ``case`` as lines."""
    lines = [f"case {case.id} {case.reference!r}: {case.state.value.replace('_', ' ')}"]
    if case.ship_from or case.ship_until:
        lines.append(f"shipment window: {case.ship_from or 'open'} to {case.ship_until or 'open'}")
    if case.classification:
        c = case.classification
        lines.append(f"classified {', '.join(c['classes'])} against {c['list_id']} {c['version']}")
    else:
        lines.append("not classified")
    lines += [
        f"determination {d['jurisdiction']}: {d['outcome'].replace('_', ' ')} — {d.get('statement', '')}"
        for d in case.determinations
    ]
    if case.screening:
        s = case.screening
        lines.append(
            f"screened against {s['source']} {s['version']} (round {s['round']}): {s['hits']} hit(s), {s['auto_decided']} settled by the decision memory"
        )
        lines += ["  " + hit_line(h) for h in case.hits if h.round == s["round"]]
    else:
        lines.append("awaiting screening")
    if case.licence_id is not None:
        lines.append(f"approved under licence {case.licence_id}")
    lines += [f"notice ({n.kind}): {n.message}" for n in case.notices]
    lines += [
        f"{e.at:%Y-%m-%d %H:%M} {e.action}: {e.from_state} -> {e.to_state} by {e.actor} ({e.role}): {e.reason}"
        for e in case.events
    ]
    return lines


def report(store: Store, who: Principal, case_id: int) -> CaseReport:
    """The report of one of the caller's cases."""
    case = get(store, who, case_id)
    return CaseReport(case=case, lines=lines_of(case))
