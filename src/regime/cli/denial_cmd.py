"""``regime denial``: notify a denial (from a YAML/JSON file), list, show, review and renew or revoke."""

from __future__ import annotations

from pathlib import Path

import typer

from regime.cli.db_cmd import DbUrl, RegimeOption, TokenOption, caller, emit, options, read_input, service_store
from regime.cli.errors import exits_cleanly
from regime.exchange import denials
from regime.exchange.denials import DenialInput, DenialReview

app = typer.Typer(help="Denial notifications: shared among members only, valid for the regime's period.")


@app.command("notify")
@exits_cleanly
def notify(denial: Path, token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None) -> None:
    """Notify a denial: list_id, entry_id, parameters, consignee, end_user, destination, reason, denied_on."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(denials.notify(store, who, regime_id, read_input(denial, DenialInput)))


@app.command("list")
@exits_cleanly
def list_denials(
    include_lapsed: bool = typer.Option(False, "--all", help="expired and revoked ones too"),
    token: TokenOption = None,
    regime: RegimeOption = None,
    db: DbUrl = None,
) -> None:
    """The regime's denials in force."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(denials.listing(store, who, regime_id, include_lapsed=include_lapsed))


@app.command("due")
@exits_cleanly
def due(
    within: int = typer.Option(90, "--within", help="days"),
    token: TokenOption = None,
    regime: RegimeOption = None,
    db: DbUrl = None,
) -> None:
    """Your member's denials that expire soon and need review."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(denials.due_for_review(store, who, regime_id, within))


@app.command("review")
@exits_cleanly
def review(
    denial: int,
    maintain: bool = typer.Option(..., "--maintain/--revoke", help="renew it, or revoke it today"),
    note: str = typer.Option(..., "--note"),
    token: TokenOption = None,
    regime: RegimeOption = None,
    db: DbUrl = None,
) -> None:
    """Review your member's denial."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(denials.review(store, who, regime_id, denial, options(DenialReview, maintain=maintain, note=note)))
