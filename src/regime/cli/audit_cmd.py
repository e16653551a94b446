"""``regime audit``: verify the hash chain of the audit log, and show its latest rows."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import select

from regime.api.settings import default_db_url
from regime.cli.db_cmd import DbUrl
from regime.cli.errors import exits_cleanly
from regime.store import Store, audit
from regime.store.models import AuditEntry

app = typer.Typer(help="The audit log: who did what and when, chained by hashes.")


@app.command("verify")
@exits_cleanly
def verify(db: DbUrl = None) -> None:
    """Recompute every link; report the first broken one (exit status 1 when broken)."""
    store = Store(db or default_db_url())
    with store.read() as session:
        report = audit.verify(session)
    if report.intact:
        typer.echo(f"audit chain intact: {report.rows} rows")
        return
    typer.echo(f"audit chain BROKEN at row {report.broken_at}: {report.problem}", err=True)
    raise typer.Exit(1)


@app.command("show")
@exits_cleanly
def show(last: int = typer.Option(20, "--last"), db: DbUrl = None) -> None:
    """The latest rows of the audit log."""
    store = Store(db or default_db_url())
    with store.read() as session:
        rows = list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(last)))
    table = Table("seq", "at", "actor", "member", "action", "subject", "hash")
    for row in reversed(rows):
        table.add_row(str(row.seq), row.at, row.actor, row.member or "", row.action, row.subject, row.hash[:12])
    Console().print(table)
