"""Threshold headroom: how close the catalogue sits below each threshold, and what a proposed amendment catches."""

from __future__ import annotations

import datetime as dt

from fastapi import Request
from fastapi.responses import HTMLResponse

from regime.assess.headroom import AmendmentEffect, amendment_effects, closest_below, headroom
from regime.errors import InputError, NotFoundError
from regime.lists.compiled import CompiledList, compile_list
from regime.lists.loader import read_yaml
from regime.lists.reform import apply_reform, reform_from_yaml
from regime.lists.registry import compiled_list
from regime.paths import DATA_DIR
from regime.web.errors import page_router
from regime.web.pages.lists import docs_of
from regime.web.services import services
from regime.web.templating import page

router = page_router()
AMENDMENTS_DIR = DATA_DIR / "amendments"


def amendments() -> dict[str, str]:
    """The bundled proposed amendments (reforms of a list): file stem -> name."""
    found = {}
    for path in sorted(AMENDMENTS_DIR.glob("*.yaml")):
        raw = read_yaml(path)
        found[path.stem] = str(raw.get("name", path.stem)) if isinstance(raw, dict) else path.stem
    return found


_AMENDED: dict[tuple[str, str, dt.date], CompiledList] = {}


def amended_list(amend: str, list_id: str, date: dt.date) -> CompiledList:
    """The list as the amendment would leave it on ``date`` (or on its effective date), compiled once."""
    key = (amend, list_id, date)
    if key not in _AMENDED:
        if amend not in amendments():
            raise NotFoundError(f"no bundled amendment {amend!r} (known: {', '.join(amendments())})")
        path = AMENDMENTS_DIR / f"{amend}.yaml"
        reform = reform_from_yaml(read_yaml(path), source=str(path))
        _AMENDED[key] = compile_list(apply_reform(docs_of(list_id), reform).at(max(date, reform.effective)))
    return _AMENDED[key]


def _effects(request: Request, amend: str, list_id: str, date: dt.date) -> list[AmendmentEffect]:
    amended = amended_list(amend, list_id, date)
    catalogue = services(request).catalogue()
    found = amendment_effects(catalogue.values(), compiled_list(list_id, date), amended, catalogue)
    return [e for e in found if e.caught or e.released]


@router.get("/headroom")
def headroom_page(
    request: Request, list_id: str = "us-ccl", as_of: dt.date | None = None, within: float = 0.25, amend: str = ""
) -> HTMLResponse:
    """The catalogue's tests within ``within`` of a threshold they do not meet; with ``amend``, its effects."""
    if not 0 < within <= 1:
        raise InputError(f"expected a share between 0 and 1, got {within}", where="within")
    date, catalogue = as_of or dt.date.today(), services(request).catalogue()
    base = compiled_list(docs_of(list_id).info.id, date)
    rows = closest_below(headroom(catalogue.values(), base, catalogue), within)
    context = {
        "rows": rows,
        "version": base.snapshot.version,
        "list_id": list_id,
        "as_of": date,
        "within": within,
        "amend": amend,
        "amendments": amendments(),
        "effects": _effects(request, amend, list_id, date) if amend else None,
    }
    return page(request, "assess/headroom.html", context)
