"""``regime denial``: notify a denial (from a YAML/JSON file), list, show, review and renew or revoke."""

from __future__ import annotations

from pathlib import Path

import typer

from regime.cli.db_cmd import acting, emit, options, read_input, service_options
from regime.cli.errors import exits_cleanly
from regime.exchange import denials
from regime.exchange.denials import DenialInput, DenialReview

app = typer.Typer(help="Denial notifications: shared among members only, valid for the regime's period.")
app.callback()(service_options)


@app.command("notify")
@exits_cleanly
def notify(ctx: typer.Context, denial: Path) -> None:
    """Notify a denial: list_id, entry_id, parameters, consignee, end_user, destination, reason, denied_on."""
    store, who, regime_id = acting(ctx)
    emit(denials.notify(store, who, regime_id, read_input(denial, DenialInput)))


@app.command("list")
@exits_cleanly
def list_denials(
    ctx: typer.Context, include_lapsed: bool = typer.Option(False, "--all", help="expired and revoked ones too")
) -> None:
    """The regime's denials in force."""
    store, who, regime_id = acting(ctx)
    emit(denials.listing(store, who, regime_id, include_lapsed=include_lapsed))


@app.command("due")
@exits_cleanly
def due(ctx: typer.Context, within: int = typer.Option(90, "--within", help="days")) -> None:
    """Your member's denials that expire soon and need review."""
    store, who, regime_id = acting(ctx)
    emit(denials.due_for_review(store, who, regime_id, within))


@app.command("review")
@exits_cleanly
def review(
    ctx: typer.Context,
    denial: int,
    maintain: bool = typer.Option(..., "--maintain/--revoke", help="renew it, or revoke it today"),
    note: str = typer.Option(..., "--note"),
) -> None:
    """Review your member's denial."""
    store, who, regime_id = acting(ctx)
    emit(denials.review(store, who, regime_id, denial, options(DenialReview, maintain=maintain, note=note)))
