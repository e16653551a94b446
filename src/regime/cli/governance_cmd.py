"""``regime proposal``: list amendment from the command line — draft, circulate, amend, minimum, review, vote, decide.

White papers and amendments are YAML or JSON files (``list_id``, ``title``, ``rationale``,
``changes: {entries: [...], remove: [...]}``, ``effective``), checked field by field.
"""

from __future__ import annotations

from pathlib import Path

import typer

from regime.cli.db_cmd import acting, emit, options, read_input, service_options
from regime.cli.errors import exits_cleanly
from regime.governance import positions, proposals
from regime.governance.ballots import VoteInput, cast_vote
from regime.governance.decision_rules import Position
from regime.governance.positions import PositionInput
from regime.governance.proposals import ProposalInput
from regime.governance.review import AmendmentDecision, AmendmentInput, ReviewInput, review, table_amendment

app = typer.Typer(help="List amendment: white papers, amendments, private minimums, review, votes, decisions.")
app.callback()(service_options)


@app.command("draft")
@exits_cleanly
def draft(ctx: typer.Context, paper: Path) -> None:
    """Draft a white paper from a YAML/JSON file (seen by your member only until circulated)."""
    store, who, regime_id = acting(ctx)
    emit(proposals.draft(store, who, regime_id, read_input(paper, ProposalInput)))


@app.command("circulate")
@exits_cleanly
def circulate(ctx: typer.Context, proposal: int) -> None:
    """Share your draft with all members."""
    store, who, regime_id = acting(ctx)
    emit(proposals.circulate(store, who, regime_id, proposal))


@app.command("withdraw")
@exits_cleanly
def withdraw(ctx: typer.Context, proposal: int) -> None:
    """Withdraw your proposal before the plenary decides."""
    store, who, regime_id = acting(ctx)
    emit(proposals.withdraw(store, who, regime_id, proposal))


@app.command("amend")
@exits_cleanly
def amend(ctx: typer.Context, proposal: int, amendment: Path) -> None:
    """Table an amendment (a YAML/JSON file with ``changes`` and ``rationale``)."""
    store, who, regime_id = acting(ctx)
    emit(table_amendment(store, who, regime_id, proposal, read_input(amendment, AmendmentInput)))


@app.command("minimum")
@exits_cleanly
def minimum(
    ctx: typer.Context,
    proposal: int,
    text: str | None = typer.Option(None, "--set", help="record this as your member's minimum"),
    require: list[str] = typer.Option([], "--require", help="an entry your member cannot do without"),
) -> None:
    """Show (or with --set, record) your member's private minimum on a proposal."""
    store, who, regime_id = acting(ctx)
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
    ctx: typer.Context,
    proposal: int,
    accept: list[int] = typer.Option([], "--accept", help="an amendment to accept"),
    reject: list[int] = typer.Option([], "--reject", help="an amendment to reject"),
    note: str = typer.Option("", "--note"),
) -> None:
    """As working group chair, decide every amendment and send the proposal to the plenary."""
    store, who, regime_id = acting(ctx)
    decisions = [AmendmentDecision(amendment=a, accept=True) for a in accept]
    decisions += [AmendmentDecision(amendment=a, accept=False) for a in reject]
    emit(review(store, who, regime_id, proposal, options(ReviewInput, decisions=decisions, note=note)))


@app.command("vote")
@exits_cleanly
def vote(
    ctx: typer.Context,
    proposal: int,
    position: Position,
    reason: str = typer.Option("", "--reason", help="required for no"),
) -> None:
    """Cast your member's vote on a proposal before the plenary."""
    store, who, regime_id = acting(ctx)
    emit(
        cast_vote(
            store, who, regime_id, "list_amendment", proposal, options(VoteInput, position=position, reason=reason)
        )
    )


@app.command("decide")
@exits_cleanly
def decide(ctx: typer.Context, proposal: int) -> None:
    """As plenary chair, close the ballot: adopted proposals become a list release."""
    store, who, regime_id = acting(ctx)
    emit(proposals.decide(store, who, regime_id, proposal))


@app.command("show")
@exits_cleanly
def show(ctx: typer.Context, proposal: int) -> None:
    """One proposal with its amendments, diff, ballot and release."""
    store, who, regime_id = acting(ctx)
    emit(proposals.get(store, who, regime_id, proposal))


@app.command("list")
@exits_cleanly
def list_proposals(ctx: typer.Context, status: str | None = None) -> None:
    """The proposals your member may see."""
    store, who, regime_id = acting(ctx)
    emit(proposals.listing(store, who, regime_id, status))
