"""``regime determine``: does a transaction need a licence, under one member's rules or each member's?

regime determine tx.yaml                 the exporter's rules, with the trace
regime determine tx.yaml --all-members   side by side, undercut risks marked
regime determine tx.yaml --json
regime determine --batch orders.csv --out decisions.parquet
regime determine --batch orders.parquet --out decisions/ --engine local|dask [--scheduler tcp://host:port]
"""

from __future__ import annotations

import functools
import json
import time
from collections import Counter
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from regime.cli.errors import exits_cleanly
from regime.determine.batch import decide_orders
from regime.determine.engine import determine, determine_all
from regime.determine.files import read_transactions
from regime.determine.loader import default_party_index, load_jurisdiction, load_members
from regime.determine.orders import read_orders
from regime.determine.result import Comparison, Determination, Outcome
from regime.errors import InputError
from regime.model.catalogue import load_catalogue
from regime.scale import determine_job
from regime.scale.console import run_with_progress

STYLE = {
    Outcome.NO_LICENCE_REQUIRED: "green",
    Outcome.EXCEPTION_AVAILABLE: "cyan",
    Outcome.LICENCE_REQUIRED: "yellow",
    Outcome.PRESUMPTION_OF_DENIAL: "red",
    Outcome.PROHIBITED: "bold red",
    Outcome.INDETERMINATE: "magenta",
}
EFFECT = {"requires": "yellow", "prohibits": "bold red", "open": "magenta", "clear": "green", "restricts": "red"}


@exits_cleanly
def determine_command(
    target: Path = typer.Argument(None, help="a transaction file (YAML or JSON; one transaction or a list)"),
    member: str = typer.Option(None, "--member", "-m", help="the member whose rules apply (default: the exporter)"),
    all_members: bool = typer.Option(False, "--all-members", help="decide under every member, side by side"),
    as_json: bool = typer.Option(False, "--json", help="print the determination(s) as JSON"),
    batch: Path = typer.Option(None, "--batch", help="an order book (CSV or Parquet) to decide"),
    out: Path = typer.Option(None, "--out", help="where --batch writes its decisions (.parquet or .csv)"),
    trace: bool = typer.Option(True, "--trace/--no-trace", help="show each determination's steps"),
    engine: str = typer.Option(
        None, "--engine", help="with --batch: local (all cores) or dask; --out is then a folder"
    ),
    scheduler: str = typer.Option(None, "--scheduler", help="with --engine dask: the scheduler, tcp://host:port"),
    workers: int = typer.Option(None, "--workers", help="with --engine local: worker processes (default: all cores)"),
) -> None:
    """Decide whether a transaction needs a licence, and show why."""
    if batch is not None and (engine is not None or (out is not None and not out.suffix)):
        build = functools.partial(determine_job.build, member, all_members)  # built once the options are checked
        run_with_progress(build, batch, out or Path("decisions"), engine, scheduler, workers)
        return
    if batch is not None:
        _batch(batch, out, member, all_members)
        return
    if target is None:
        raise InputError("give a transaction file, or --batch with an order book")
    console = Console()
    results: list[Comparison | Determination] = []
    for tx in read_transactions(target):
        if all_members:
            results.append(determine_all(tx, load_members()))
        else:
            results.append(determine(tx, load_jurisdiction(member or tx.exporter)))
    if as_json:
        payload = [r.model_dump(mode="json") for r in results]
        typer.echo(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2, ensure_ascii=False))
        return
    for result in results:
        if isinstance(result, Comparison):
            _side_by_side(result, console)
        else:
            _one(result, console, trace)


def _outcome(outcome: Outcome) -> Text:
    return Text(outcome.label, style=STYLE[outcome])


def _one(det: Determination, console: Console, trace: bool) -> None:
    console.rule(f"{det.transaction} — {det.jurisdiction_name}")
    console.print(Text("Outcome: ") + _outcome(det.outcome) + Text(f"  {', '.join(det.exceptions)}"))
    console.print(det.statement, highlight=False)
    if trace:
        steps = Table("rule", "citation", "finding", show_lines=False, expand=True)
        for step in det.trace:
            steps.add_row(step.rule, step.citation, Text(step.finding, style=EFFECT.get(step.effect, "")))
        console.print(steps)
    if det.trials:
        trials = Table("exception", "available", "why not / conditions", expand=True)
        for t in det.trials:
            detail = "; ".join(t.why) if not t.available else "; ".join(t.conditions)
            trials.add_row(f"{t.code} ({t.citation})", "yes" if t.available else "no", detail)
        console.print(trials)
    for missing in det.missing:
        console.print(Text("needs: ", style="magenta") + Text(missing))


def _side_by_side(comparison: Comparison, console: Console) -> None:
    table = Table("member", "outcome", "why", "review policy", title=comparison.transaction, expand=True)
    for det in comparison.determinations:
        why = ", ".join(det.exceptions) or "; ".join(r.id for r in det.requirements) or "; ".join(det.missing[:1])
        why = why if len(why) <= 140 else why[:139] + "…"
        policy = det.review_policy.level.replace("_", " ") if det.review_policy else ""
        name = det.jurisdiction_name.split(" (")[0]
        table.add_row(name, _outcome(det.outcome), why or "no requirement", policy)
    console.print(table)
    for risk in comparison.undercut_risks:
        console.print(Text("! ", style="bold red") + Text(risk))
    if not comparison.undercut_risks:
        open_ = [d.jurisdiction for d in comparison.determinations if d.outcome is Outcome.INDETERMINATE]
        tail = f" (indeterminate under {', '.join(open_)}: see what each needs)" if open_ else ""
        console.print(f"No undercut risk found: no member is licence-free where another requires a licence{tail}.")


def _batch(path: Path, out: Path | None, member: str | None, all_members: bool) -> None:
    console = Console(stderr=True)
    start = time.perf_counter()
    frame = read_orders(path)
    members = {j.id: j for j in load_members()}
    with Progress(
        TextColumn("deciding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    ) as bar:
        task = bar.add_task("decide", total=None)
        result = decide_orders(
            frame,
            members,
            default_member=member or "us",
            all_members=all_members,
            index=default_party_index(),
            catalogue=load_catalogue(),
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    if out is not None:
        if out.suffix == ".csv":
            result.decisions.write_csv(out)
        else:
            result.decisions.write_parquet(out)
    seconds = time.perf_counter() - start
    counts = Counter(result.decisions.get_column("outcome").to_list())
    console.print(
        f"{result.lines:,} lines, {result.distinct:,} distinct, {len(result.bad):,} bad, decided in {seconds:.1f} s"
        + (f"; written to {out}" if out else "")
    )
    for outcome, count in sorted(counts.items()):
        console.print(f"  {outcome}: {count:,}")
    for bad in result.bad[:50]:
        console.print(Text(f"line {bad.line}: ", style="red") + Text(bad.message))
    if len(result.bad) > 50:
        console.print(f"... and {len(result.bad) - 50} more bad lines")
    if out is None:
        typer.echo(result.decisions.write_csv())
