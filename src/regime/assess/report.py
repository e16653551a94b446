"""Plain views of assessments and coverage (dicts of str/float/list), shared by the CLI and the service.

Faces render these; they hold no rules. Shares are fractions of world supply (0-1), ``None`` when
the table gives none; every coverage view carries the caption naming its source and date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from regime.assess.checklist import Assessment, ProgressPoint
from regime.assess.codes import country_name
from regime.assess.context import SupplyData
from regime.assess.cover import Cover, smallest_cover
from regime.assess.coverage import input_coverage
from regime.assess.memberships import Membership


def _source(action: Any) -> dict[str, Any]:
    src = action.source
    return {"ref": src.ref, "where": src.where, "tag": src.tag, "words": src.words}


def assessment_report(assessment: Assessment) -> dict[str, Any]:
    """One effort's scores with evidence, what is missing, and the effort's recorded gaps."""
    effort = assessment.effort
    criteria = []
    for s in assessment.scores:
        evidence = [
            {
                "action": e.action.id,
                "date": str(e.action.date),
                "kind": e.action.kind,
                "summary": e.action.summary,
                "counts_toward": e.supports,
                "level": e.level,
                "date_basis": e.action.date_basis,
                "source": _source(e.action),
            }
            for e in s.evidence
        ]
        criteria.append(
            {
                "id": s.criterion.id,
                "title": s.criterion.title,
                "score": s.score.value,
                "evidence": evidence,
                "missing": list(s.missing),
            }
        )
    return {
        "effort": {
            "id": effort.id,
            "name": effort.name,
            "initiator": effort.initiator,
            "partners": effort.partners,
            "summary": effort.summary.strip(),
        },
        "as_of": assessment.as_of.isoformat() if assessment.as_of else None,
        "points": assessment.points,
        "of": len(assessment.scores),
        "criteria": criteria,
        "gaps": effort.gaps,
        "references": {k: r.model_dump(exclude_none=True) for k, r in effort.references.items()},
    }


def progress_report(points: Sequence[ProgressPoint]) -> list[dict[str, Any]]:
    """The score of every criterion at each date an action became known."""
    return [
        {
            "date": p.date.isoformat(),
            "actions": [a.id for a in p.actions],
            "points": p.assessment.points,
            "scores": {s.criterion.id: s.score.value for s in p.assessment.scores},
        }
        for p in points
    ]


def overview_report(assessments: Sequence[Assessment], as_of: dt.date | None) -> dict[str, Any]:
    """Every effort's score on every criterion, side by side."""
    first = assessments[0].scores if assessments else ()
    return {
        "as_of": as_of.isoformat() if as_of else None,
        "criteria": [{"id": s.criterion.id, "title": s.criterion.title} for s in first],
        "efforts": [
            {
                "id": a.effort.id,
                "name": a.effort.name,
                "points": a.points,
                "scores": {s.criterion.id: s.score.value for s in a.scores},
            }
            for a in assessments
        ],
    }


def _suppliers(pairs: Sequence[tuple[str, float]]) -> list[dict[str, Any]]:
    return [{"country": c, "name": country_name(c), "share": f} for c, f in pairs]


def cover_report(cover: Cover) -> dict[str, Any]:
    """A covering membership, how it was found, and the inputs set aside."""
    how = (
        "exhaustive search: no smaller membership reaches the target"
        if cover.method == "exhaustive"
        else "greedy search with pruning: covers the target but may not be the smallest"
    )
    return {
        "members": list(cover.members),
        "added": list(cover.added),
        "size": len(cover.members),
        "method": cover.method,
        "how": how,
        "alternatives": cover.alternatives,
        "reached": cover.reached,
        "set_aside": cover.set_aside,
    }


def coverage_report(
    data: SupplyData,
    membership: Membership,
    target: float,
    inputs: list[str] | None = None,
    exclude: Sequence[str] = (),
) -> dict[str, Any]:
    """A membership's share of each technology of concern, the foreign-availability risk, and covers."""
    technologies = data.selected(inputs)
    rows = []
    for tech in technologies:
        cov = input_coverage(data.shares(tech.input), membership.members)
        rows.append(
            {
                "input": tech.input,
                "name": cov.shares.name,
                "controls": tech.controls,
                "approximate": tech.approximate,
                "mapping_note": tech.note,
                "year": cov.shares.year,
                "sources": list(cov.shares.sources),
                "member_share": cov.member,
                "outside_share": cov.outside,
                "unattributed_share": cov.unattributed,
                "meets_target": None if cov.member is None else cov.member >= target - 1e-9,
                "members": _suppliers(cov.members),
                "top_outside": _suppliers(cov.top_outside),
                "listed_without_share": list(cov.shares.listed_without_share),
            }
        )
    shares = [data.shares(t.input) for t in technologies]
    base = sorted(membership.members)
    return {
        "membership": {"id": membership.id, "name": membership.name, "members": base},
        "target": target,
        "excluded": sorted(exclude),
        "technologies": rows,
        "smallest_cover": cover_report(smallest_cover(shares, target, exclude=exclude)),
        "extension": cover_report(smallest_cover(shares, target, base=base, exclude=exclude)),
        "caption": data.caption([t.input for t in technologies]),
    }


def compare_report(
    data: SupplyData, memberships: Sequence[Membership], target: float, inputs: list[str] | None = None
) -> dict[str, Any]:
    """Named memberships side by side: each one's share of each technology and how many reach the target."""
    technologies = data.selected(inputs)
    rows: list[dict[str, Any]] = []
    for tech in technologies:
        shares = data.shares(tech.input)
        values = {m.id: input_coverage(shares, m.members).member for m in memberships}
        rows.append(
            {
                "input": tech.input,
                "name": shares.name,
                "year": shares.year,
                "controls": tech.controls,
                "shares": values,
            }
        )
    summary = {}
    for m in memberships:
        known = [r for r in rows if r["shares"][m.id] is not None]
        low = min(known, key=lambda r: r["shares"][m.id], default=None)
        summary[m.id] = {
            "meets_target": sum(1 for r in known if r["shares"][m.id] >= target - 1e-9),
            "known": len(known),
            "lowest": None
            if low is None
            else {"input": low["input"], "name": low["name"], "share": low["shares"][m.id]},
        }
    return {
        "target": target,
        "memberships": [{"id": m.id, "name": m.name, "size": len(m.members)} for m in memberships],
        "technologies": rows,
        "summary": summary,
        "caption": data.caption([t.input for t in technologies]),
    }


def suppliers_report(data: SupplyData, input_id: str, membership: Membership | None) -> dict[str, Any]:
    """Every supplier of one input with its share, marked member or not, and what is unattributed."""
    shares = data.shares(input_id)
    members = membership.members if membership else frozenset()
    ranked = sorted(shares.countries.items(), key=lambda kv: (-kv[1], kv[0]))
    return {
        "input": input_id,
        "name": shares.name,
        "year": shares.year,
        "sources": list(shares.sources),
        "membership": None
        if membership is None
        else {"id": membership.id, "name": membership.name, "members": sorted(members)},
        "suppliers": [{"country": c, "name": country_name(c), "share": f, "member": c in members} for c, f in ranked],
        "aggregates": [{"provider": key, "share": f} for key, _, f in shares.aggregates],
        "listed_without_share": list(shares.listed_without_share),
        "caption": data.caption([input_id]),
    }


def producers_summary(data: SupplyData, membership_id: str, target: float) -> dict[str, Any]:
    """How many technologies of concern (with known shares) a named membership holds ``target`` of."""
    membership = data.memberships[membership_id]
    known = [t.input for t in data.technologies if data.shares(t.input).known]
    reached = [i for i in known if (input_coverage(data.shares(i), membership.members).member or 0) >= target]
    return {
        "membership": membership.name,
        "target": target,
        "reached": len(reached),
        "known": len(known),
        "caption": data.caption(known),
    }
