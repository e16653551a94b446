"""``regime licence``: record licences, show them with their balance and flags, draw shipments, restore, cover.

regime licence add licence.yaml                       # terms in YAML/JSON (see regime.licensing.terms)
regime licence use 3 shipment.yaml --rates rates.csv  # draw a shipment; an over-draw is refused
regime licence restore 12 --reason "returned"         # a return or cancellation (all, or --quantity/--value)
regime licence grant grant.yaml --regime wassenaar    # a member's grant, after the no-undercut check
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import typer

from regime.cli.db_cmd import ServiceOptions, acting, emit, options, read_input, service_options, service_store
from regime.cli.errors import exits_cleanly
from regime.determine import Outcome
from regime.exchange.denials import DenialInput
from regime.exchange.licences import GrantInput
from regime.governance.access import Principal
from regime.governance.users import authenticate
from regime.licensing import ledger, member, register
from regime.licensing.cover import Shipment
from regime.licensing.ledger import DrawInput, RestoreInput
from regime.licensing.member import MemberGrant
from regime.licensing.rates import RateTable, load_rates
from regime.licensing.terms import LicenceInput
from regime.store import Store

app = typer.Typer(help="Licences you hold: terms, balance, flags, shipments drawn and restored.", no_args_is_help=True)
app.callback()(service_options)

RatesOption = typer.Option(None, "--rates", help="exchange rates, CSV (from,to,rate,date) or YAML")


def caller(ctx: typer.Context) -> tuple[Store, Principal]:
    """The store and the user of --token (no regime needed: exporters keep licences too)."""
    opts = ctx.find_object(ServiceOptions) or ServiceOptions(None, None, None)
    store = service_store(opts.db)
    return store, authenticate(store, opts.token)


def _rates(path: Path | None) -> RateTable:
    return load_rates(path) if path is not None else RateTable()


@app.command("add")
@exits_cleanly
def add(ctx: typer.Context, licence: Path) -> None:
    """Record a licence (or a general authorisation registration, or an exception use) from YAML/JSON."""
    store, who = caller(ctx)
    emit(register.add(store, who, read_input(licence, LicenceInput)))


@app.command("show")
@exits_cleanly
def show(
    ctx: typer.Context, licence: int, usage: bool = typer.Option(False, "--usage", help="with its ledger")
) -> None:
    """One licence with its balance and flags (and, with --usage, every draw and restore)."""
    store, who = caller(ctx)
    view = register.get(store, who, licence)
    emit({"licence": view, "usage": ledger.history(store, who, licence)} if usage else view)


@app.command("list")
@exits_cleanly
def list_licences(
    ctx: typer.Context, flagged: bool = typer.Option(False, "--flagged", help="only flagged ones")
) -> None:
    """Your licences, soonest expiry first; flags say near expiry, near exhaustion or not active."""
    store, who = caller(ctx)
    emit(register.listing(store, who, flagged_only=flagged))


@app.command("use")
@exits_cleanly
def use(ctx: typer.Context, licence: int, shipment: Path, rates: Path | None = RatesOption) -> None:
    """Draw a shipment (YAML/JSON: shipment, quantity, value, destination, parties ...) on a licence."""
    store, who = caller(ctx)
    emit(ledger.draw(store, who, licence, read_input(shipment, DrawInput), _rates(rates)))


@app.command("restore")
@exits_cleanly
def restore(
    ctx: typer.Context,
    draw: int,
    reason: str = typer.Option(..., "--reason", help="returned, cancelled ..."),
    quantity: int | None = typer.Option(None, "--quantity", help="units back (default: all not yet restored)"),
    value: str | None = typer.Option(None, "--value", help="value back in the licence's currency"),
) -> None:
    """Restore (part of) a draw after a return or a cancelled shipment."""
    store, who = caller(ctx)
    data = options(RestoreInput, quantity=quantity, value=Decimal(value) if value else None, reason=reason)
    emit(ledger.restore(store, who, draw, data))


@app.command("revoke")
@exits_cleanly
def revoke(ctx: typer.Context, licence: int, reason: str = typer.Option(..., "--reason")) -> None:
    """Mark a licence revoked or surrendered."""
    store, who = caller(ctx)
    emit(register.revoke(store, who, licence, reason))


@app.command("cover")
@exits_cleanly
def cover(
    ctx: typer.Context,
    shipment: Path,
    outcome: Outcome = typer.Option(Outcome.LICENCE_REQUIRED, "--outcome", help="the determination's outcome"),
    rates: Path | None = RatesOption,
) -> None:
    """Which of your licences covers a shipment (YAML/JSON), or why each one does not."""
    store, who = caller(ctx)
    emit(register.cover(store, who, read_input(shipment, Shipment), _rates(rates), outcome))


@app.command("grant")
@exits_cleanly
def grant(ctx: typer.Context, grant_file: Path) -> None:
    """Record a licence your member granted (transaction, licence, reasons); identical denials are checked first."""
    store, who, regime_id = acting(ctx)
    emit(member.grant(store, who, regime_id, read_input(grant_file, MemberGrant)))


@app.command("complete")
@exits_cleanly
def complete(ctx: typer.Context, case: int, reasons: str = typer.Option("", "--reasons")) -> None:
    """Grant a licence once its consultations are over, and activate it."""
    store, who, regime_id = acting(ctx)
    emit(member.complete(store, who, regime_id, case, options(GrantInput, reasons=reasons)))


@app.command("deny")
@exits_cleanly
def deny(ctx: typer.Context, denial: Path) -> None:
    """Record a licence your member denied: notified to the regime's members."""
    store, who, regime_id = acting(ctx)
    emit(member.deny(store, who, regime_id, read_input(denial, DenialInput)))
