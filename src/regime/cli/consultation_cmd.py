"""``regime consultation``: check a licence against denials in force, answer or extend consultations, grant."""

from __future__ import annotations

from pathlib import Path

import typer

from regime.cli.db_cmd import DbUrl, RegimeOption, TokenOption, caller, emit, options, read_input, service_store
from regime.cli.errors import exits_cleanly
from regime.exchange import consultations, licences
from regime.exchange.consultations import AnswerInput, ExtensionInput
from regime.exchange.identical import Transaction
from regime.exchange.licences import GrantInput

app = typer.Typer(help="No-undercut: licence cases, consultations of denying members, grants with reasons.")


@app.command("check")
@exits_cleanly
def check(transaction: Path, token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None) -> None:
    """Before granting: open a licence case from a YAML/JSON transaction; consultations open where required."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(consultations.open_case(store, who, regime_id, read_input(transaction, Transaction)))


@app.command("case")
@exits_cleanly
def case(case_id: int, token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None) -> None:
    """One licence case with its matches and consultations."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(consultations.get_case(store, who, regime_id, case_id))


@app.command("list")
@exits_cleanly
def list_consultations(token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None) -> None:
    """Consultations your member requested or must answer."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(consultations.listing(store, who, regime_id))


@app.command("answer")
@exits_cleanly
def answer(
    consultation: int,
    identical: bool = typer.Option(..., "--identical/--not-identical"),
    note: str = typer.Option("", "--note"),
    token: TokenOption = None,
    regime: RegimeOption = None,
    db: DbUrl = None,
) -> None:
    """Answer a consultation on your member's denial."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(
        consultations.answer(store, who, regime_id, consultation, options(AnswerInput, identical=identical, note=note))
    )


@app.command("extend")
@exits_cleanly
def extend(
    consultation: int,
    days: int = typer.Option(..., "--working-days", help="the whole window, in working days from the opening"),
    token: TokenOption = None,
    regime: RegimeOption = None,
    db: DbUrl = None,
) -> None:
    """Extend a consultation's window once, up to the regime's maximum."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(consultations.extend(store, who, regime_id, consultation, options(ExtensionInput, working_days=days)))


@app.command("grant")
@exits_cleanly
def grant(
    case_id: int,
    reasons: str = typer.Option("", "--reasons", help="required when the licence undercuts denials"),
    token: TokenOption = None,
    regime: RegimeOption = None,
    db: DbUrl = None,
) -> None:
    """Grant the licence of a case; undercut denials are notified to all members with the reasons."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(licences.grant(store, who, regime_id, case_id, options(GrantInput, reasons=reasons)))


@app.command("notices")
@exits_cleanly
def notices(token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None) -> None:
    """Licences granted despite essentially identical denials in force, with their reasons."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(licences.notices(store, who, regime_id))
