"""``regime membership``: a state's application, the members' votes and the admission decision."""

from __future__ import annotations

import typer

from regime.cli.db_cmd import acting, emit, options, service_options
from regime.cli.errors import exits_cleanly
from regime.governance import membership
from regime.governance.ballots import VoteInput, cast_vote
from regime.governance.decision_rules import Position
from regime.governance.membership import ApplicationInput

app = typer.Typer(help="Membership: applications by states, admission under the regime's decision rule.")
app.callback()(service_options)


@app.command("apply")
@exits_cleanly
def apply(
    ctx: typer.Context,
    country: str,
    statement: str = typer.Option(..., "--statement", help="the applicant's statement of adherence"),
) -> None:
    """As secretariat, register a state's application (states only)."""
    store, who, regime_id = acting(ctx)
    emit(membership.apply(store, who, regime_id, options(ApplicationInput, country=country, statement=statement)))


@app.command("vote")
@exits_cleanly
def vote(
    ctx: typer.Context,
    application: int,
    position: Position,
    reason: str = typer.Option("", "--reason", help="required for no"),
) -> None:
    """Cast your member's vote on an admission."""
    store, who, regime_id = acting(ctx)
    emit(
        cast_vote(store, who, regime_id, "admission", application, options(VoteInput, position=position, reason=reason))
    )


@app.command("decide")
@exits_cleanly
def decide(ctx: typer.Context, application: int) -> None:
    """Close the ballot under the admission rule."""
    store, who, regime_id = acting(ctx)
    emit(membership.decide(store, who, regime_id, application))


@app.command("list")
@exits_cleanly
def list_applications(ctx: typer.Context) -> None:
    """Applications to the regime."""
    store, who, regime_id = acting(ctx)
    emit(membership.listing(store, who, regime_id))
