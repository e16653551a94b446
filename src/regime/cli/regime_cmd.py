"""``regime regime``: the regime definitions — check a file, load definitions, list and show regimes."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from regime.cli.db_cmd import DbUrl, emit, service_store
from regime.cli.errors import exits_cleanly
from regime.governance import public
from regime.governance.chairs import chair_warnings
from regime.governance.loader import read_definition
from regime.governance.registry import load_definition
from regime.store import Actor

app = typer.Typer(help="Regime definitions: members, decision rules, chairs, calendar, information exchange.")
OPERATOR = Actor("operator:cli")


@app.command("check")
@exits_cleanly
def check(path: Path) -> None:
    """Validate a definition file and print its warnings (chairs all held by one member ...)."""
    definition = read_definition(path)
    typer.echo(f"{path}: {definition.name}, {len(definition.members)} members, valid")
    for warning in chair_warnings(definition):
        typer.echo(f"warning: {warning}")


@app.command("load")
@exits_cleanly
def load(paths: list[Path], db: DbUrl = None) -> None:
    """Load (or update) regimes from definition files into the store."""
    store = service_store(db)
    for path in paths:
        report = load_definition(store, OPERATOR, read_definition(path))
        typer.echo(f"{report.regime_id}: {report.status}; added {', '.join(report.added_members) or 'no members'}")
        for warning in report.warnings:
            typer.echo(f"warning: {warning}")


@app.command("list")
@exits_cleanly
def list_regimes(db: DbUrl = None) -> None:
    """The regimes in the store."""
    table = Table("id", "name", "status", "founded", "members", "chairs")
    for regime in public.regimes(service_store(db)):
        chairs = ", ".join(f"{post}: {state}" for post, state in regime.chairs.items()) or "-"
        table.add_row(regime.id, regime.name, regime.status, str(regime.founded), str(len(regime.members)), chairs)
    Console().print(table)


@app.command("show")
@exits_cleanly
def show(regime_id: str, db: DbUrl = None) -> None:
    """One regime as JSON: definition, members, chairs and warnings."""
    emit(public.regime(service_store(db), regime_id))
