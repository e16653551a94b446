"""``regime proposal``: list amendment from the command line — draft, circulate, amend, minimum, review, vote, decide.

White papers and amendments are YAML or JSON files (``list_id``, ``title``, ``rationale``,
``changes: {entries: [...], remove: [...]}``, ``effective``), checked field by field.
"""

from __future__ import annotations

from pathlib import Path

import typer

from regime.cli.db_cmd import DbUrl, RegimeOption, TokenOption, caller, emit, options, read_input, service_store
from regime.cli.errors import exits_cleanly
from regime.governance import positions, proposals
from regime.governance.ballots import VoteInput, cast_vote
from regime.governance.decision_rules import Position
from regime.governance.positions import PositionInput
from regime.governance.proposals import ProposalInput
from regime.governance.review import AmendmentDecision, AmendmentInput, ReviewInput, review, table_amendment

app = typer.Typer(help="List amendment: white papers, amendments, private minimums, review, votes, decisions.")


@app.command("draft")
@exits_cleanly
def draft(paper: Path, token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None) -> None:
    """Draft a white paper from a YAML/JSON file (seen by your member only until circulated)."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(proposals.draft(store, who, regime_id, read_input(paper, ProposalInput)))


@app.command("circulate")
@exits_cleanly
def circulate(proposal: int, token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None) -> None:
    """Share your draft with all members."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(proposals.circulate(store, who, regime_id, proposal))


@app.command("withdraw")
@exits_cleanly
def withdraw(proposal: int, token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None) -> None:
    """Withdraw your proposal before the plenary decides."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(proposals.withdraw(store, who, regime_id, proposal))


@app.command("amend")
@exits_cleanly
def amend(
    proposal: int, amendment: Path, token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None
) -> None:
    """Table an amendment (a YAML/JSON file with ``changes`` and ``rationale``)."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(table_amendment(store, who, regime_id, proposal, read_input(amendment, AmendmentInput)))


@app.command("minimum")
@exits_cleanly
def minimum(
    proposal: int,
    text: str | None = typer.Option(None, "--set", help="record this as your member's minimum"),
    require: list[str] = typer.Option([], "--require", help="an entry your member cannot do without"),
    token: TokenOption = None,
    regime: RegimeOption = None,
    db: DbUrl = None,
) -> None:
    """Show (or with --set, record) your member's private minimum on a proposal."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    if text is None:
        emit(positions.read(store, who, regime_id, proposal))
    else:
        emit(
            positions.record(
                store, who, regime_id, proposal, options(PositionInput, minimum=text, required_entries=require)
            )
        )


@app.command("review")
@exits_cleanly
def review_command(
    proposal: int,
    accept: list[int] = typer.Option([], "--accept", help="an amendment to accept"),
    reject: list[int] = typer.Option([], "--reject", help="an amendment to reject"),
    note: str = typer.Option("", "--note"),
    token: TokenOption = None,
    regime: RegimeOption = None,
    db: DbUrl = None,
) -> None:
    """As working group chair, decide every amendment and send the proposal to the plenary."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    decisions = [AmendmentDecision(amendment=a, accept=True) for a in accept]
    decisions += [AmendmentDecision(amendment=a, accept=False) for a in reject]
    emit(review(store, who, regime_id, proposal, options(ReviewInput, decisions=decisions, note=note)))


@app.command("vote")
@exits_cleanly
def vote(
    proposal: int,
    position: Position,
    reason: str = typer.Option("", "--reason", help="required for no"),
    token: TokenOption = None,
    regime: RegimeOption = None,
    db: DbUrl = None,
) -> None:
    """Cast your member's vote on a proposal before the plenary."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(
        cast_vote(
            store, who, regime_id, "list_amendment", proposal, options(VoteInput, position=position, reason=reason)
        )
    )


@app.command("decide")
@exits_cleanly
def decide(proposal: int, token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None) -> None:
    """As plenary chair, close the ballot: adopted proposals become a list release."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(proposals.decide(store, who, regime_id, proposal))


@app.command("show")
@exits_cleanly
def show(proposal: int, token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None) -> None:
    """One proposal with its amendments, diff, ballot and release."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(proposals.get(store, who, regime_id, proposal))


@app.command("list")
@exits_cleanly
def list_proposals(
    status: str | None = None, token: TokenOption = None, regime: RegimeOption = None, db: DbUrl = None
) -> None:
    """The proposals your member may see."""
    store = service_store(db)
    who, regime_id = caller(store, token, regime)
    emit(proposals.listing(store, who, regime_id, status))
