"""``regime consultation``: check a licence against denials in force, answer or extend consultations, grant."""

from __future__ import annotations

from pathlib import Path

import typer

from regime.cli.db_cmd import acting, emit, options, read_input, service_options
from regime.cli.errors import exits_cleanly
from regime.exchange import consultations, licences
from regime.exchange.consultations import AnswerInput, ExtensionInput
from regime.exchange.identical import Transaction
from regime.exchange.licences import GrantInput

app = typer.Typer(help="No-undercut: licence cases, consultations of denying members, grants with reasons.")
app.callback()(service_options)


@app.command("check")
@exits_cleanly
def check(ctx: typer.Context, transaction: Path) -> None:
    """Before granting: open a licence case from a YAML/JSON transaction; consultations open where required."""
    store, who, regime_id = acting(ctx)
    emit(consultations.open_case(store, who, regime_id, read_input(transaction, Transaction)))


@app.command("case")
@exits_cleanly
def case(ctx: typer.Context, case_id: int) -> None:
    """One licence case with its matches and consultations."""
    store, who, regime_id = acting(ctx)
    emit(consultations.get_case(store, who, regime_id, case_id))


@app.command("list")
@exits_cleanly
def list_consultations(ctx: typer.Context) -> None:
    """Consultations your member requested or must answer."""
    store, who, regime_id = acting(ctx)
    emit(consultations.listing(store, who, regime_id))


@app.command("answer")
@exits_cleanly
def answer(
    ctx: typer.Context,
    consultation: int,
    identical: bool = typer.Option(..., "--identical/--not-identical"),
    note: str = typer.Option("", "--note"),
) -> None:
    """Answer a consultation on your member's denial."""
    store, who, regime_id = acting(ctx)
    emit(
        consultations.answer(store, who, regime_id, consultation, options(AnswerInput, identical=identical, note=note))
    )


@app.command("extend")
@exits_cleanly
def extend(
    ctx: typer.Context,
    consultation: int,
    days: int = typer.Option(..., "--working-days", help="the whole window, in working days from the opening"),
) -> None:
    """Extend a consultation's window once, up to the regime's maximum."""
    store, who, regime_id = acting(ctx)
    emit(consultations.extend(store, who, regime_id, consultation, options(ExtensionInput, working_days=days)))


@app.command("grant")
@exits_cleanly
def grant(
    ctx: typer.Context,
    case_id: int,
    reasons: str = typer.Option("", "--reasons", help="required when the licence undercuts denials"),
) -> None:
    """Grant the licence of a case; undercut denials are notified to all members with the reasons."""
    store, who, regime_id = acting(ctx)
    emit(licences.grant(store, who, regime_id, case_id, options(GrantInput, reasons=reasons)))


@app.command("notices")
@exits_cleanly
def notices(ctx: typer.Context) -> None:
    """Licences granted despite essentially identical denials in force, with their reasons."""
    store, who, regime_id = acting(ctx)
    emit(licences.notices(store, who, regime_id))
