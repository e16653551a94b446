"""``regime report``: the periodic aggregate report a member owes, generated from what it recorded."""

from __future__ import annotations

import typer

from regime.cli.db_cmd import DbUrl, RegimeOption, ServiceOptions, TokenOption, acting_as, emit
from regime.cli.errors import exits_cleanly
from regime.exchange import reports


@exits_cleanly
def report(
    period: str | None = typer.Option(None, "--period", help="e.g. 2024-H1 (default: the last complete period)"),
    member: str | None = typer.Option(None, "--member", help="another member, or 'all' (secretariat)"),
    token: TokenOption = None,
    regime: RegimeOption = None,
    db: DbUrl = None,
) -> None:
    """Your member's report for a period."""
    store, who, regime_id = acting_as(ServiceOptions(token, regime, db))
    emit(reports.report(store, who, regime_id, period, member))
