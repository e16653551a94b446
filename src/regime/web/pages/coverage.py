"""Coverage: the members' share of world supply of each technology of concern, as tables and charts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

from fastapi import Request, Response
from fastapi.responses import HTMLResponse

from regime.assess.charts import compare_heatmap, figure_bytes, supplier_bars
from regime.assess.context import SupplyData
from regime.assess.memberships import resolve_members
from regime.assess.report import compare_report, coverage_report
from regime.errors import InputError
from regime.web.errors import page_router
from regime.web.services import services
from regime.web.templating import page

router = page_router()
SVG = "image/svg+xml"
T = TypeVar("T")


def _target(value: float) -> float:
    if not 0 < value <= 1:
        raise InputError(f"expected a share between 0 and 1, got {value}", where="target")
    return value


@router.get("/coverage")
def coverage(request: Request, members: str = "", target: float = 0.9) -> HTMLResponse:
    """Named memberships side by side (with the heatmap), and one proposed membership in detail."""
    data, target, members = services(request).supply(), _target(target), members.strip()
    compare = _view(data, "compare", str(target), lambda: _compare(data, target))
    detail = None
    if members:
        membership = resolve_members(members, data.memberships)
        key = f"{sorted(membership.members)}@{target}"
        detail = _view(data, "detail", key, lambda: coverage_report(data, membership, target))
    context = {"compare": compare, "detail": detail, "members": members, "target": target}
    return page(request, "assess/coverage.html", context)


_MADE: dict[tuple[int, str, str], Any] = {}


def _view(data: SupplyData, kind: str, key: str, make: Callable[[], T]) -> T:
    """A view or chart made once per data set and arguments (covers and drawings take a second)."""
    found = _MADE.get((id(data), kind, key))
    if found is None:
        found = _MADE[(id(data), kind, key)] = make()
    return cast(T, found)


def _compare(data: SupplyData, target: float) -> dict[str, Any]:
    return compare_report(data, [data.memberships[m] for m in data.compare], target)


def _heatmap(data: SupplyData, target: float) -> bytes:
    return figure_bytes(compare_heatmap(_view(data, "compare", str(target), lambda: _compare(data, target))), "svg")


def _suppliers(data: SupplyData, input_id: str, members: str) -> bytes:
    membership = resolve_members(members, data.memberships) if members else None
    shares = data.shares(input_id)
    label = membership.name if membership else "no membership given"
    chart = supplier_bars(shares, membership.members if membership else frozenset(), data.caption([input_id]), label)
    return figure_bytes(chart, "svg")


@router.get("/coverage/heatmap.svg")
def heatmap(request: Request, target: float = 0.9) -> Response:
    """The named memberships' coverage as a heatmap (SVG, with its source as caption)."""
    data, target = services(request).supply(), _target(target)
    body = _view(data, "heatmap", str(target), lambda: _heatmap(data, target))
    return Response(body, media_type=SVG, headers={"Cache-Control": "public, max-age=3600"})


@router.get("/coverage/suppliers/{input_id}.svg")
def suppliers(request: Request, input_id: str, members: str = "chip-alliance") -> Response:
    """Who supplies one input, members in blue (SVG)."""
    data = services(request).supply()
    body = _view(data, input_id, members, lambda: _suppliers(data, input_id, members))
    return Response(body, media_type=SVG, headers={"Cache-Control": "public, max-age=3600"})
