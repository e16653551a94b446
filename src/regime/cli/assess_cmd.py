"""``regime assess`` (progress against the essay's checklist) and ``regime coverage`` (who makes it).

Faces only: parse the options, call ``regime.assess``, render Rich tables, JSON or a chart.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from regime.assess.charts import compare_heatmap, save_figure, supplier_bars
from regime.assess.checklist import assess as assess_effort
from regime.assess.checklist import progress
from regime.assess.codes import country_codes
from regime.assess.context import SupplyData, load_supply_data
from regime.assess.loader import load_checklist, load_effort_by_id, load_efforts
from regime.assess.memberships import Membership, resolve_members
from regime.assess.report import (
    assessment_report,
    compare_report,
    coverage_report,
    overview_report,
    producers_summary,
    progress_report,
    suppliers_report,
)
from regime.errors import RegimeError

console = Console()
MARK = {
    "met": "[green]● met[/]",
    "partly": "[yellow]◐ partly[/]",
    "not met": "[red]✗ not met[/]",
    "unknown": "[dim]? unknown[/]",
}
SHORT = {"met": "[green]●[/]", "partly": "[yellow]◐[/]", "not met": "[red]✗[/]", "unknown": "[dim]?[/]"}


def _fail(exc: RegimeError) -> typer.Exit:
    console.print(f"[red]error:[/] {exc}")
    return typer.Exit(2)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def _dump(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def assess(
    effort: str | None = typer.Argument(None, help="effort id (chip-alliance, ttc, aukus, quad, wassenaar)"),
    as_of: str | None = typer.Option(None, "--as-of", help="score on the actions known by this date"),
    json_out: bool = typer.Option(False, "--json", help="print JSON"),
    show_progress: bool = typer.Option(True, "--progress/--no-progress", help="show progress over time"),
) -> None:
    """Score a regime-creation effort against the essay's checklist (or all efforts side by side)."""
    try:
        day = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise _fail(RegimeError(f"--as-of: expected a date as YYYY-MM-DD, got {as_of!r}")) from None
    try:
        checklist = load_checklist()
        if effort is None:
            efforts = load_efforts(vocabulary=checklist.vocabulary)
            overview = overview_report([assess_effort(e, checklist.criteria, day) for e in efforts.values()], day)
            _dump(overview) if json_out else _render_overview(overview)
            return
        chosen = load_effort_by_id(effort, vocabulary=checklist.vocabulary)
    except RegimeError as exc:
        raise _fail(exc) from None
    report = assessment_report(assess_effort(chosen, checklist.criteria, day))
    report["progress"] = progress_report(progress(chosen, checklist.criteria))
    if json_out:
        _dump(report)
        return
    _render_assessment(report)
    if show_progress:
        _render_progress(report["progress"], [c["id"] for c in report["criteria"]])
    if chosen.membership:
        _render_producers(chosen.membership)


def _render_overview(view: dict[str, Any]) -> None:
    table = Table(title=f"Regime-creation efforts against the essay's checklist (as of {view['as_of'] or 'today'})")
    table.add_column("criterion")
    for effort in view["efforts"]:
        table.add_column(effort["id"], justify="center")
    for criterion in view["criteria"]:
        table.add_row(criterion["title"], *(SHORT[e["scores"][criterion["id"]]] for e in view["efforts"]))
    table.add_row("[bold]points[/] (met 1, partly ½)", *(f"[bold]{e['points']:g}[/]" for e in view["efforts"]))
    console.print(table)
    console.print(
        "[dim]● met  ◐ partly  ✗ not met  ? unknown (no public evidence recorded). "
        "`regime assess EFFORT` shows the evidence.[/]"
    )


def _render_assessment(view: dict[str, Any]) -> None:
    effort = view["effort"]
    table = Table(title=f"{effort['name']} — as of {view['as_of'] or 'all recorded actions'}", show_lines=True)
    for name in ("criterion", "score", "evidence", "missing for 'met'"):
        table.add_column(name, overflow="fold")
    for c in view["criteria"]:
        evidence = (
            "\n".join(
                f"{e['date']} {e['summary']} [dim]({_cite(e['source'])})"
                f"{' — against' if e['level'] == 'against' else ''}[/]"
                for e in c["evidence"]
            )
            or "[dim]no public evidence recorded[/]"
        )
        table.add_row(c["title"], MARK[c["score"]], evidence, "\n".join(f"• {m}" for m in c["missing"]))
    console.print(table)
    console.print(f"[bold]Progress:[/] {view['points']:g} of {view['of']} (met 1, partly ½)")
    for gap in view["gaps"]:
        console.print(f"[dim]gap: {gap}[/]")


def _cite(source: dict[str, Any]) -> str:
    return f"{source['ref']}: {source['where']} [{source['tag']}]"


def _render_progress(points: list[dict[str, Any]], criteria: list[str]) -> None:
    table = Table(title="Progress over time (score at each date an action became known)")
    table.add_column("date")
    table.add_column("actions", overflow="fold")
    for cid in criteria:
        table.add_column(cid.replace("-", "\n"), justify="center")
    table.add_column("points", justify="right")
    for p in points:
        table.add_row(
            p["date"], ", ".join(p["actions"]), *(SHORT[p["scores"][c]] for c in criteria), f"{p['points']:g}"
        )
    console.print(table)
    console.print(
        "[dim]● met  ◐ partly  ✗ not met  ? unknown. Partial dates count from the end of their month or year.[/]"
    )


def _render_producers(membership_id: str, target: float = 0.9) -> None:
    try:
        view = producers_summary(load_supply_data(), membership_id, target)
    except RegimeError as exc:
        console.print(f"[dim]who makes the technology: not shown ({exc})[/]")
        return
    console.print(
        f"[bold]Who makes the technology:[/] {view['membership']} holds at least {target:.0%} of world supply "
        f"in {view['reached']} of {view['known']} technologies of concern with known shares "
        f"(`regime coverage --members {membership_id}`)."
    )
    console.print(f"[dim]{view['caption']}[/]")


def coverage(
    members: str | None = typer.Option(None, "--members", help="codes or names (US,JP,NL) or a membership (quad)"),
    target: float = typer.Option(0.9, "--target", help="share of world supply to reach, 0-1"),
    compare: bool = typer.Option(False, "--compare", help="the named memberships side by side"),
    inputs: str | None = typer.Option(None, "--inputs", help="input ids (default: technologies of concern)"),
    suppliers: str | None = typer.Option(None, "--suppliers", help="input id (N19): its suppliers' shares"),
    exclude: str | None = typer.Option(None, "--exclude", help="countries a covering membership may not use"),
    table: Path | None = typer.Option(None, "--table", help="a share table of the same shape (CSV or folder)"),
    chart: Path | None = typer.Option(None, "--chart", help="write a chart (.png or .svg)"),
    json_out: bool = typer.Option(False, "--json", help="print JSON"),
) -> None:
    """Who makes the technologies of concern: members' share of world supply and covering memberships."""
    if not 0 < target <= 1:
        raise _fail(RegimeError(f"--target: expected a share between 0 and 1, got {target}"))
    if not (compare or members or suppliers):
        raise _fail(RegimeError("give --members US,JP,NL (or a membership name), --compare or --suppliers INPUT"))
    try:
        data = load_supply_data(table)
        chosen = [i.strip() for i in inputs.split(",")] if inputs else None
        membership = resolve_members(members, data.memberships) if members else None
        if suppliers:
            view = suppliers_report(data, suppliers, membership)
        elif compare:
            view = compare_report(data, [data.memberships[m] for m in data.compare], target, chosen)
        else:
            assert membership is not None
            excluded = country_codes(exclude.split(",")) if exclude else []
            view = coverage_report(data, membership, target, chosen, excluded)
        if chart:
            _write_chart(data, view, chart, membership, target)
    except RegimeError as exc:
        raise _fail(exc) from None
    if json_out:
        _dump(view)
    elif suppliers:
        _render_suppliers(view)
    elif compare:
        _render_compare(view)
    else:
        _render_coverage(view)


def _write_chart(
    data: SupplyData, view: dict[str, Any], path: Path, membership: Membership | None, target: float
) -> None:
    if "suppliers" in view:
        members = membership.members if membership else frozenset()
        label = membership.name if membership else "no membership given"
        fig = supplier_bars(data.shares(view["input"]), members, view["caption"], label)
    else:
        columns = [data.memberships[m] for m in data.compare]
        if membership is not None and membership.id not in data.compare:
            columns.insert(0, membership)
        inputs = [r["input"] for r in view["technologies"]]
        fig = compare_heatmap(compare_report(data, columns, target, inputs))
    save_figure(fig, path)
    console.print(f"chart written to {path}")


def _render_suppliers(view: dict[str, Any]) -> None:
    who = view["membership"]["name"] if view["membership"] else "no membership given"
    table = Table(title=f"{view['name']} ({view['input']}, {view['year']}): suppliers; member = {who}")
    for name in ("supplier", "share", "member"):
        table.add_column(name)
    for s in view["suppliers"]:
        table.add_row(f"{s['name']} ({s['country']})", _pct(s["share"]), "yes" if s["member"] else "")
    for a in view["aggregates"]:
        table.add_row(f"[dim]{a['provider']}[/]", _pct(a["share"]), "[dim]unattributed[/]")
    console.print(table)
    if view["listed_without_share"]:
        console.print(f"[dim]listed without a share: {', '.join(view['listed_without_share'])}[/]")
    console.print(f"[dim]{view['caption']}[/]")


def _render_compare(view: dict[str, Any]) -> None:
    table = Table(title=f"Members' share of world supply (bold: at least {view['target']:.0%})")
    table.add_column("technology (control entries)", overflow="fold")
    table.add_column("year")
    for m in view["memberships"]:
        table.add_column(f"{m['id']}\n({m['size']})", justify="right")
    for row in view["technologies"]:
        cells = [
            f"[bold]{_pct(v)}[/]" if v is not None and v >= view["target"] - 1e-9 else _pct(v)
            for v in row["shares"].values()
        ]
        table.add_row(f"{row['name']} [dim]({', '.join(row['controls'])})[/]", str(row["year"] or ""), *cells)
    summary = view["summary"]
    table.add_row(
        "[bold]reaching the target[/]",
        "",
        *(f"[bold]{summary[m['id']]['meets_target']} of {summary[m['id']]['known']}[/]" for m in view["memberships"]),
    )
    console.print(table)
    console.print("[dim]" + "; ".join(f"{m['id']}: {m['name']}" for m in view["memberships"]) + "[/]")
    console.print(f"[dim]{view['caption']}[/]")


def _render_coverage(view: dict[str, Any]) -> None:
    membership = view["membership"]
    table = Table(title=f"{membership['name']}: share of world supply of each technology of concern")
    for name in (
        "technology (control entries)",
        "year",
        "members",
        "largest non-member suppliers",
        "unattributed",
    ):
        table.add_column(name, overflow="fold")
    for row in view["technologies"]:
        share = _pct(row["member_share"])
        share = f"[bold]{share}[/]" if row["meets_target"] else share
        outside = ", ".join(f"{s['name']} {s['share']:.1%}" for s in row["top_outside"]) or "—"
        if row["member_share"] is None:
            outside = f"[dim]no shares; listed: {', '.join(row['listed_without_share']) or 'none'}[/]"
        approx = " ~" if row["approximate"] else ""
        table.add_row(
            f"{row['name']} [dim]({', '.join(row['controls'])}{approx})[/]",
            str(row["year"] or ""),
            share,
            outside,
            _pct(row["unattributed_share"]),
        )
    console.print(table)
    best, extra = view["smallest_cover"], view["extension"]
    console.print(
        f"[bold]Smallest membership[/] reaching {view['target']:.0%} of every listed technology: "
        f"{', '.join(best['members'])} ({best['size']} states; {best['how']})"
    )
    console.print(
        f"[bold]Smallest additions to {membership['name']}:[/] {', '.join(extra['added']) or 'none needed'} "
        f"(+{len(extra['added'])}, {extra['size']} states in all; {extra['method']} search)"
    )
    for input_id, why in view["smallest_cover"]["set_aside"].items():
        console.print(f"[dim]set aside: {input_id} — {why}[/]")
    console.print(
        "[dim]~ the control mapping is approximate: the share counts the whole market "
        "(see data/assessments/technologies.yaml).[/]"
    )
    console.print(f"[dim]{view['caption']}[/]")
