"""``regime screen``: a party, a customer file, or a re-screen of the kept base against a new list.

    regime screen "Huawei Technologies Co Ltd" --country CN
    regime screen --batch customers.csv [--out results.csv|.json] [--keep]
    regime screen --rescreen --list new-screening-list.json
    regime screen --batch customers.parquet --out screened/ --engine local|dask [--scheduler tcp://host:port]
    regime screen --rescreen --batch customers.parquet --list new.json --out rescreened/ --engine local|dask

Faces only: read the arguments, ask ``regime.screen``, render a Rich table, JSON or CSV.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import get_args

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from regime.cli.errors import exits_cleanly
from regime.errors import InputError
from regime.scale import rescreen_job
from regime.scale.console import run_with_progress
from regime.scale.screen_job import ScreenJob
from regime.screen import basestore
from regime.screen.batchfile import read_queries
from regime.screen.engine import screen, screen_batch
from regime.screen.index import ScreeningIndex, build_index
from regime.screen.listdata import PartyKind
from regime.screen.loaders import BUNDLED_CSL, default_index, engine_digest, load_list
from regime.screen.query import Query
from regime.screen.rescreen import RescreenReport, rescreen, screen_base
from regime.screen.results import Hit, ScreeningResult, to_csv, to_json
from regime.screen.scorer import THRESHOLD

console = Console()
KINDS = get_args(PartyKind)


def _index(list_file: Path | None, list_code: str | None) -> ScreeningIndex:
    if list_file is None or list_file.resolve() == BUNDLED_CSL.resolve():
        return default_index()
    with console.status(f"indexing {list_file} ..."):
        return build_index(load_list(list_file, code=list_code))


def _progress() -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    )


def _hit_rows(table: Table, hits: Sequence[Hit], style: str = "") -> None:
    for hit in hits:
        parts = hit.parts
        matched = "" if hit.matched_name == hit.name else f"{parts.matched_on}: {hit.matched_name}"
        sims = f"{parts.name_similarity:.2f} / {parts.alias_similarity:.2f}"
        table.add_row(
            f"{hit.score:.2f}", hit.list_code, hit.entry_id, hit.name, matched, sims,
            f"{parts.country:+.0f}", f"{parts.entity_type:+.0f}", style=style,
        )  # fmt: skip


def _show(result: ScreeningResult) -> None:
    colour = "red" if result.outcome == "hit" else "green"
    console.print(f"[{colour} bold]{result.outcome.upper()}[/] {result.statement}")
    if result.hits or result.near_misses:
        table = Table("score", "list", "entry", "listed name", "matched on", "name / alias", "country", "type")
        _hit_rows(table, result.hits)
        _hit_rows(table, result.near_misses, style="dim")
        console.print(table)
    for code in dict.fromkeys(hit.list_code for hit in result.hits):
        first = next(hit for hit in result.hits if hit.list_code == code)
        console.print(f"[bold]{code}[/] ({first.list_name}): {first.legal_effect} [dim]{first.citation}[/]")
        for hit in (h for h in result.hits if h.list_code == code):
            if hit.licence_requirement or hit.licence_policy:
                console.print(
                    f"  {hit.entry_id}: licence requirement {hit.licence_requirement or '-'}; policy {hit.licence_policy or '-'}"
                )
    if result.near_misses:
        console.print("[dim]dimmed rows: near misses, below the threshold[/]")


def _write(results: list[ScreeningResult], out: Path | None, json_out: bool) -> None:
    if out is not None:
        if out.suffix.lower() not in (".csv", ".json"):
            raise InputError("expected an output file ending in .csv or .json", source=str(out))
        out.write_text(to_json(results) if out.suffix.lower() == ".json" else to_csv(results), encoding="utf-8")
        console.print(f"results written to {out}")
    elif json_out:
        typer.echo(to_json(results))


def _batch(index: ScreeningIndex, batch: Path, out: Path | None, json_out: bool, threshold: float) -> None:
    queries = read_queries(batch)
    with _progress() as progress:
        task = progress.add_task(f"screening {batch.name}", total=len(queries))
        results = list(screen_batch(queries, index, threshold=threshold, progress=lambda n: progress.advance(task, n)))
    flagged = [r for r in results if r.outcome == "hit"]
    if not json_out:
        console.print(f"{len(results)} parties screened against {index.version.label}: {len(flagged)} with hits")
        for result in flagged:
            best = result.hits[0]
            console.print(
                f"  {result.query.reference}: {result.query.name!r} -> {best.list_code} {best.name!r} ({best.score:.2f})"
            )
    _write(results, out, json_out)


def _keep(index: ScreeningIndex, batch: Path, base: Path, threshold: float) -> None:
    queries = read_queries(batch)
    with _progress() as progress:
        task = progress.add_task(f"screening {batch.name} into the base", total=len(queries))
        size, hits = screen_base(
            queries,
            index,
            base,
            engine=engine_digest(),
            threshold=threshold,
            progress=lambda n: progress.advance(task, n),
        )
    console.print(f"{size} records screened against {index.version.label}: {hits} hits kept in {base}")


def _show_report(report: RescreenReport, json_out: bool) -> None:
    if json_out:
        typer.echo(report.model_dump_json(indent=2))
        return
    console.print(report.statement)
    for title, changes in (
        ("new hits", report.new_hits),
        ("cleared", report.cleared),
        ("changed scores", report.changed_scores),
    ):
        if changes:
            table = Table("record", "name", "list", "entry", "listed name", "before", "after", title=title)
            for c in changes:
                table.add_row(
                    c.reference, c.name, c.list_code, c.entry_id, c.entry_name, _score(c.before), _score(c.after)
                )
            console.print(table)


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


@exits_cleanly
def screen_command(
    name: str | None = typer.Argument(None, help="the party's name (any script)"),
    country: str | None = typer.Option(None, "--country", "-c", help="ISO-2, ISO-3 or name"),
    alias: list[str] = typer.Option([], "--alias", "-a", help="another name of the party (repeatable)"),
    address: str | None = typer.Option(None, "--address", help="an address; its last part may give the country"),
    kind: str = typer.Option("unknown", "--kind", help=f"one of {', '.join(KINDS)}"),
    batch: Path | None = typer.Option(
        None, "--batch", help="CSV of parties: name[,country,aliases,address,kind,reference]"
    ),
    keep: bool = typer.Option(False, "--keep", help="with --batch: keep the screened base for re-screening"),
    rescreen_base: bool = typer.Option(False, "--rescreen", help="re-screen the kept base against --list"),
    list_file: Path | None = typer.Option(
        None, "--list", help="list file: CSL JSON or FollowTheMoney lines (default: bundled CSL)"
    ),
    list_code: str | None = typer.Option(None, "--list-code", help="the list's code for a FollowTheMoney file"),
    base: Path | None = typer.Option(None, "--base", help="the screened base file (default: under REGIME_HOME)"),
    out: Path | None = typer.Option(None, "--out", "-o", help="write results to a .csv or .json file"),
    json_out: bool = typer.Option(False, "--json", help="print JSON"),
    threshold: float = typer.Option(THRESHOLD, "--threshold", min=0.0, max=1.0, help="score at which a party is a hit"),
    engine: str | None = typer.Option(None, "--engine", help="with --batch: local (all cores) or dask; --out a folder"),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="with --engine dask: the scheduler, tcp://host:port"
    ),
    workers: int | None = typer.Option(None, "--workers", help="with --engine local: worker processes"),
) -> None:
    """Screen parties against restricted-party lists (the bundled U.S. Consolidated Screening List by default)."""
    if engine is not None:
        if batch is None:
            raise InputError("--engine runs a --batch file (with --rescreen: the base's records as a --batch file)")

        def job() -> ScreenJob:
            if not rescreen_base:
                return ScreenJob(_index(list_file, list_code), threshold)
            made, change = rescreen_job.from_files(list_file, list_code, base or basestore.default_path(), threshold)
            console.print(f"re-screening: {change.summary() if change else 'no kept base, every entry'}")
            return made

        run_with_progress(job, batch, out or Path("screened"), engine, scheduler, workers)
        return
    modes = sum(bool(m) for m in (name, batch, rescreen_base))
    if modes != 1:
        raise InputError("give exactly one of: a NAME, --batch FILE, or --rescreen")
    if kind not in KINDS:
        raise InputError(f"--kind {kind!r}; expected one of {', '.join(KINDS)}")
    index = _index(list_file, list_code)
    base_file = base or basestore.default_path()
    if rescreen_base:
        _show_report(rescreen(base_file, index, engine=engine_digest()), json_out)
    elif batch is not None and keep:
        _keep(index, batch, base_file, threshold)
    elif batch is not None:
        _batch(index, batch, out, json_out, threshold)
    else:
        query = Query.model_validate(
            {"name": name or "", "aliases": tuple(alias), "country": country, "address": address, "kind": kind}
        )
        result = screen(query, index, threshold=threshold)
        if not json_out and out is None:
            _show(result)
        _write([result], out, json_out)
