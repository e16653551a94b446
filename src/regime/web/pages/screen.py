"""Screen: one name, or an uploaded CSV of parties screened in the background with a progress bar."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated, Any, cast

from fastapi import File, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from regime.errors import InputError
from regime.screen.engine import screen_batch, screen_party
from regime.screen.listdata import PartyKind
from regime.screen.query import Query
from regime.screen.results import ScreeningResult, to_csv
from regime.web.batch_jobs import jobs
from regime.web.errors import page_router, status_of
from regime.web.forms import screening_rows
from regime.web.services import services
from regime.web.templating import is_htmx, page

router = page_router()
KINDS = ("unknown", "organisation", "person", "vessel", "aircraft")


def _kind(value: str) -> PartyKind:
    """The party kind typed, or ``unknown``."""
    return cast("PartyKind", value if value in KINDS else "unknown")


@router.get("/screen")
def screen_page(request: Request, name: str = "", country: str = "", kind: str = "unknown") -> HTMLResponse:
    """The forms; with ``name`` it screens that name and explains every hit."""
    context: dict[str, Any] = {"name": name, "country": country, "kind": kind, "kinds": KINDS, "result": None}
    status = 200
    if name.strip():
        try:
            index = services(request).screen_index()
            context["result"] = screen_party(name, country=country or None, kind=_kind(kind), index=index)
        except InputError as exc:
            context["problem"], status = str(exc), status_of(exc)
    template = "screen/_result.html" if is_htmx(request) else "screen/index.html"
    return page(request, template, {"problem": None} | context, status)


@router.post("/screen/batch", response_model=None)
async def start_batch(request: Request, file: Annotated[UploadFile, File()]) -> Response:
    """Start screening an uploaded CSV (a ``name`` column; ``country``, ``aliases``, ``kind`` optional)."""
    rows = screening_rows(await file.read())
    svc = services(request)

    def work(tick: Callable[[], None]) -> Iterator[ScreeningResult]:
        queries = [
            Query(
                name=row["name"],
                country=row["country"] or None,
                aliases=tuple(a.strip() for a in row["aliases"].split(";") if a.strip()),
                address=row["address"] or None,
                kind=_kind(row["kind"]),
                reference=row["reference"] or f"line {row['line']}",
            )
            for row in rows
        ]
        return screen_batch(queries, svc.screen_index(), progress=lambda _: tick())

    job = jobs(request).start(file.filename or "upload.csv", len(rows), work)
    if is_htmx(request):
        return page(request, "screen/_batch.html", {"job": job})
    return RedirectResponse(f"/web/screen/batch/{job.id}", status_code=303)


@router.get("/screen/batch/{job_id}")
def batch(request: Request, job_id: str) -> HTMLResponse:
    """A batch's progress, then its results (htmx polls the fragment until it is done)."""
    job = jobs(request).get(job_id)
    return page(request, "screen/_batch.html" if is_htmx(request) else "screen/batch.html", {"job": job})


@router.get("/screen/batch/{job_id}/results.csv")
def batch_csv(request: Request, job_id: str) -> Response:
    """A finished batch's results as CSV (one row per hit, one per clear name)."""
    job = jobs(request).get(job_id)
    if job.running:
        raise InputError("the batch is still running")
    headers = {"Content-Disposition": f'attachment; filename="screening-{job.id}.csv"'}
    return Response(to_csv(job.results), media_type="text/csv", headers=headers)
