"""``regime user``: create users who act for a member (or exporters) and issue their tokens.

A token is printed once; the store keeps only its SHA-256 digest. This is the operator's command
(it needs access to the store itself), not a member's.
"""

from __future__ import annotations

import typer

from regime.cli.db_cmd import DbUrl, service_store
from regime.cli.errors import exits_cleanly
from regime.governance.access import Role
from regime.governance.users import add_user, issue_token
from regime.store import Actor

app = typer.Typer(help="Users (a member-state official acting for one member, or an exporter) and tokens.")
OPERATOR = Actor("operator:cli")
ROLES = ", ".join(role.value for role in Role)


@app.command("add")
@exits_cleanly
def add(
    name: str,
    role: list[str] = typer.Option(..., "--role", help=f"repeat for several: {ROLES}"),
    regime: str | None = typer.Option(None, "--regime", help="the regime the member belongs to"),
    member: str | None = typer.Option(None, "--member", help="the state the user acts for (ISO code)"),
    db: DbUrl = None,
) -> None:
    """Create a user and print its token (shown only now)."""
    token = add_user(service_store(db), OPERATOR, name, role, regime, member)
    typer.echo(token)


@app.command("token")
@exits_cleanly
def token(name: str, db: DbUrl = None) -> None:
    """Issue another token for an existing user."""
    typer.echo(issue_token(service_store(db), OPERATOR, name))
