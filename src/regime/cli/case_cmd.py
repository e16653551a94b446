"""``regime case``: open a case, classify, determine, screen, decide hits, approve or block, report; list changes.

regime case open case.yaml                       # reference, transaction, ship_from, ship_until
regime case submit 1 --reason "order 4711"       # draft -> screening
regime case classify 1 --list us-ccl --version 2026-07-23 --class 3A090.a
regime case determine 1 --jurisdiction us        # the determination engine, recorded
regime case screen 1 [--list-file csl.json]      # hits, decision memory, next state
regime case clear 1 7 --reason "different company, other country"
regime case approve 1 --reason "..." [--licence 3]
regime case list-changed --old old.json --new new.json    # screening list versions: re-review
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import typer

from regime.cases import rereview, screening, service
from regime.cases.listchange import ControlListChange, screening_change
from regime.cases.machine import Action, State
from regime.cases.records import Approval, CaseInput, ClassificationInput, DeterminationInput, HitDecision, Reasoned
from regime.cases.report import report
from regime.cases.screener import IndexScreener
from regime.cli.db_cmd import emit, options, read_input, service_options
from regime.cli.errors import exits_cleanly
from regime.cli.licence_cmd import caller
from regime.determine import Transaction, determine, load_jurisdiction
from regime.lists.diff import diff_dates
from regime.lists.loader import list_folder, load_docs
from regime.screen import default_list, load_list

app = typer.Typer(
    help="Compliance cases: a transaction under review, from draft to approved or blocked.", no_args_is_help=True
)
app.callback()(service_options)
Reason = typer.Option(..., "--reason", help="why (recorded with the transition)")


@app.command("open")
@exits_cleanly
def open_case(ctx: typer.Context, case: Path) -> None:
    """Open a case from YAML/JSON: reference, transaction (as for `regime determine`), shipment window."""
    store, who = caller(ctx)
    emit(service.open_case(store, who, read_input(case, CaseInput)))


@app.command("show")
@exits_cleanly
def show(ctx: typer.Context, case: int) -> None:
    """One case with its records, hits, history and notices."""
    store, who = caller(ctx)
    emit(service.get(store, who, case))


@app.command("list")
@exits_cleanly
def list_cases(ctx: typer.Context, state: State | None = typer.Option(None, "--state")) -> None:
    """Your cases, newest first."""
    store, who = caller(ctx)
    emit(service.listing(store, who, state))


@app.command("report")
@exits_cleanly
def case_report(ctx: typer.Context, case: int) -> None:
    """The case's report: checks, list versions, how each hit was settled, history."""
    store, who = caller(ctx)
    typer.echo("\n".join(report(store, who, case).lines))


MOVES = (
    ("submit", Action.SUBMIT, "Draft -> screening."),
    ("escalate", Action.ESCALATE, "Review required -> escalated."),
    ("block", Action.BLOCK, "Block a case in screening or under review."),
    ("close", Action.CLOSE, "Close an approved or blocked case."),
    ("rescreen", Action.RESCREEN, "Send a screened case back to screening."),
)


def _mover(action: Action, help_text: str) -> Callable[..., None]:
    """The command taking ``action`` on a case, with the reason."""

    def command(ctx: typer.Context, case: int, reason: str = Reason) -> None:
        store, who = caller(ctx)
        emit(service.transition(store, who, case, action, options(Reasoned, reason=reason)))

    command.__doc__ = help_text
    return exits_cleanly(command)


for _name, _action, _help in MOVES:
    app.command(_name)(_mover(_action, _help))


@app.command("approve")
@exits_cleanly
def approve(
    ctx: typer.Context, case: int, reason: str = Reason, licence: int | None = typer.Option(None, "--licence")
) -> None:
    """Approve a reviewed case (under --licence when the determination requires one)."""
    store, who = caller(ctx)
    emit(service.approve(store, who, case, options(Approval, reason=reason, licence_id=licence)))


@app.command("classify")
@exits_cleanly
def classify(
    ctx: typer.Context,
    case: int,
    list_id: str = typer.Option(..., "--list"),
    version: str = typer.Option(..., "--version", help="the list's version or the date read as of"),
    classes: list[str] = typer.Option(..., "--class", help="an entry or paragraph (repeat); EAR99 if none"),
    basis: str = typer.Option("", "--basis"),
) -> None:
    """Record the items' classification."""
    store, who = caller(ctx)
    data = options(ClassificationInput, list_id=list_id, version=version, classes=classes, basis=basis)
    emit(service.classify(store, who, case, data))


@app.command("determine")
@exits_cleanly
def determine_case(
    ctx: typer.Context, case: int, jurisdictions: list[str] = typer.Option(["us"], "--jurisdiction")
) -> None:
    """Run the determination engine on the case's transaction (with its recorded classification) and record it."""
    store, who = caller(ctx)
    found = service.get(store, who, case)
    tx = Transaction.model_validate(found.transaction)
    if found.classification and tx.item is None and tx.classification is None:
        tx = tx.model_copy(update={"classification": tuple(found.classification["classes"])})
    dets = tuple(determine(tx, load_jurisdiction(j)) for j in jurisdictions)
    emit(service.record_determinations(store, who, case, DeterminationInput(determinations=dets)))


@app.command("screen")
@exits_cleanly
def screen(ctx: typer.Context, case: int, list_file: Path | None = typer.Option(None, "--list-file")) -> None:
    """Screen the parties (against --list-file, or the bundled Consolidated Screening List)."""
    store, who = caller(ctx)
    version = load_list(list_file) if list_file else default_list()
    emit(screening.screen(store, who, case, IndexScreener.of(version)))


@app.command("clear")
@exits_cleanly
def clear(ctx: typer.Context, case: int, hit: int, reason: str = Reason) -> None:
    """Clear a hit as a false positive (remembered for the same name and entry)."""
    store, who = caller(ctx)
    emit(screening.clear(store, who, case, hit, options(HitDecision, reason=reason)))


@app.command("confirm")
@exits_cleanly
def confirm(ctx: typer.Context, case: int, hit: int, reason: str = Reason) -> None:
    """Confirm a hit as a true match (a prohibited party blocks the case)."""
    store, who = caller(ctx)
    emit(screening.confirm(store, who, case, hit, options(HitDecision, reason=reason)))


@app.command("notices")
@exits_cleanly
def notices(ctx: typer.Context, all_: bool = typer.Option(False, "--all", help="acknowledged ones too")) -> None:
    """Notices list changes raised on your cases, urgent first."""
    store, who = caller(ctx)
    emit(rereview.notices(store, who, open_only=not all_))


@app.command("ack")
@exits_cleanly
def ack(ctx: typer.Context, notice: int) -> None:
    """Acknowledge a notice."""
    store, who = caller(ctx)
    emit(rereview.acknowledge(store, who, notice))


@app.command("list-changed")
@exits_cleanly
def list_changed(
    ctx: typer.Context, old: Path = typer.Option(..., "--old"), new: Path = typer.Option(..., "--new")
) -> None:
    """A screening list has a new version (two list files): re-review the cases checked against it."""
    store, who = caller(ctx)
    emit(rereview.on_screening_change(store, who, screening_change(load_list(old), load_list(new))))


@app.command("control-changed")
@exits_cleanly
def control_changed(
    ctx: typer.Context,
    list_id: str = typer.Option(..., "--list"),
    start: dt.datetime = typer.Option(..., "--from", formats=["%Y-%m-%d"]),
    end: dt.datetime = typer.Option(..., "--to", formats=["%Y-%m-%d"]),
) -> None:
    """A control list changed between two dates: re-review the cases classified against it."""
    store, who = caller(ctx)
    found = diff_dates(load_docs(list_folder(list_id)), start.date(), end.date())
    emit(rereview.on_control_change(store, who, ControlListChange.of(list_id, found)))
