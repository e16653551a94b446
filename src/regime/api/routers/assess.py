"""Regime design and progress as JSON and charts: the checklist, coverage, where members diverge, headroom.

Faces only: each route parses its query, calls ``regime.assess`` and returns the report the
command line prints with ``--json``; every report carries its data source and date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import Any, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from regime.assess.amend import amended_list
from regime.assess.charts import compare_heatmap, figure_bytes
from regime.assess.checklist import assess, progress
from regime.assess.context import SupplyData, load_supply_data
from regime.assess.diverge import cached_divergence, divergence_report, parse_members
from regime.assess.headroom import amendment_effects, closest_below, headroom
from regime.assess.loader import Checklist, load_checklist, load_effort_by_id, load_efforts
from regime.assess.memberships import resolve_members
from regime.assess.report import assessment_report, compare_report, coverage_report, overview_report, progress_report
from regime.determine import default_party_index, load_members, member_ids
from regime.errors import InputError
from regime.lists.registry import compiled_list
from regime.model.catalogue import load_catalogue

router = APIRouter(tags=["assess"])
MEDIA = {"svg": "image/svg+xml", "png": "image/png"}


@functools.cache
def _checklist() -> Checklist:
    return load_checklist()


@functools.cache
def _supply() -> SupplyData:
    return load_supply_data()


def _share(value: float, name: str) -> float:
    if not 0 < value <= 1:
        raise InputError(f"expected a share between 0 and 1, got {value}", where=name)
    return value


@router.get("/assess")
def assess_all(as_of: dt.date | None = None) -> dict[str, Any]:
    """Every regime-creation effort scored on every criterion of the essay's checklist, side by side."""
    checklist = _checklist()
    efforts = load_efforts(vocabulary=checklist.vocabulary)
    return overview_report([assess(e, checklist.criteria, as_of) for e in efforts.values()], as_of)


@router.get("/assess/{effort}")
def assess_effort(effort: str, as_of: dt.date | None = None) -> dict[str, Any]:
    """One effort's scorecard: each criterion's score, the dated evidence with sources, what is missing; progress."""
    checklist = _checklist()
    chosen = load_effort_by_id(effort, vocabulary=checklist.vocabulary)
    report = assessment_report(assess(chosen, checklist.criteria, as_of))
    report["progress"] = progress_report(progress(chosen, checklist.criteria))
    return report


@router.get("/coverage")
def coverage(
    members: str | None = Query(None, description="codes or names (US,JP,NL) or a membership (quad)"),
    target: float = Query(0.9, description="share of world supply to reach, 0-1"),
) -> dict[str, Any]:
    """A membership's share of world supply per technology of concern (or the named memberships side by side)."""
    data, target = _supply(), _share(target, "target")
    if members:
        return coverage_report(data, resolve_members(members, data.memberships), target)
    return compare_report(data, [data.memberships[m] for m in data.compare], target)


@router.get("/coverage/chart.{fmt}")
def coverage_chart(fmt: Literal["svg", "png"], members: str | None = None, target: float = 0.9) -> Response:
    """The named memberships' coverage as a heatmap (with ``members`` as the first column), captioned with its source."""
    data, target = _supply(), _share(target, "target")
    columns = [data.memberships[m] for m in data.compare]
    if members:
        chosen = resolve_members(members, data.memberships)
        columns = [chosen, *(c for c in columns if c.id != chosen.id)]
    body = figure_bytes(compare_heatmap(compare_report(data, columns, target)), fmt)
    return Response(body, media_type=MEDIA[fmt])


@router.get("/diverge")
def diverge(
    members: str = Query("US,NL,JP", description="two or more members (us, eu, nl, jp)"),
    as_of: dt.date | None = None,
) -> dict[str, Any]:
    """For each pair of members, the standard transactions one allows freely and the other refuses, and why."""
    chosen = load_members(parse_members(members, member_ids()))
    run = cached_divergence(chosen, as_of or dt.date.today(), default_party_index(), load_catalogue())
    return divergence_report(run)


class HeadroomRequest(BaseModel):
    """A proposed amendment (a reform of the list, as its YAML reads) and where to look."""

    amendment: dict[str, Any] | None = Field(default=None, description="the reform, e.g. {name, effective, changes}")
    list_id: str = "us-ccl"
    as_of: dt.date | None = None
    within: float = Field(default=0.25, description="tests the products are short of by at most this share")


@router.post("/headroom")
def headroom_report(request: HeadroomRequest) -> dict[str, Any]:
    """How close the catalogue sits below each threshold, and which products the amendment would catch or release."""
    date, within = request.as_of or dt.date.today(), _share(request.within, "within")
    catalogue = load_catalogue()
    items = list(catalogue.values())
    base = compiled_list(request.list_id, date)
    effects = []
    if request.amendment is not None:
        amended = amended_list(request.list_id, request.amendment, date, source="request body: amendment")
        effects = [e for e in amendment_effects(items, base, amended, catalogue) if e.caught or e.released]
    return {
        "list": base.snapshot.version,
        "as_of": date.isoformat(),
        "headroom": [dataclasses.asdict(r) for r in closest_below(headroom(items, base, catalogue), within)],
        "amendment": [{"item": e.item, "caught": e.caught, "released": e.released} for e in effects],
        "caption": f"Source: {base.snapshot.version} as of {date.isoformat()}; the catalogue in data/catalogue.",
    }
