"""``regime membership``: a state's application, the members' votes and the admission decision."""

from __future__ import annotations

import typer

from regime.cli.db_cmd import DbUrl, RegimeOption, TokenOption, caller, emit, options, service_store
from regime.cli.errors import exits_cleanly
from regime.governance import membership
from regime.governance.ballots import VoteInput, cast_vote
from regime.governance.decision_rules import Position
from regime.governance.membership import ApplicationInput

app = typer.Typer(help="Membership: applications by states, admission under the regime's decision rule.")


@app.command("apply")
@exits_cleanly
def apply(
    country: str,
    statement: str = typer.Option(..., "--statement", help="the applicant's statement of adherence"),
    token: TokenOption = None,
    regime: RegimeOption = None,
    db: DbUrl = None,
) -> None:
    """As secretariat, register a state's application (states only)."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(membership.apply(store, who, regime_id, options(ApplicationInput, country=country, statement=statement)))


@app.command("vote")
@exits_cleanly
def vote(
    application: int,
    position: Position,
    reason: str = typer.Option("", "--reason", help="required for no"),
    token: TokenOption = None,
    regime: RegimeOption = None,
    db: DbUrl = None,
) -> None:
    """Cast your member's vote on an admission."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(
        cast_vote(store, who, regime_id, "admission", application, options(VoteInput, position=position, reason=reason))
    )


@app.command("decide")
@exits_cleanly
def decide(application: int, token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None) -> None:
    """Close the ballot under the admission rule."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(membership.decide(store, who, regime_id, application))


@app.command("list")
@exits_cleanly
def list_applications(token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None) -> None:
    """Applications to the regime."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(membership.listing(store, who, regime_id))
