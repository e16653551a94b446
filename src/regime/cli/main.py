"""Entry point of the ``regime`` command: each command group lives in its own module."""

from __future__ import annotations

import typer

from regime.cli import (
    assess_cmd,
    audit_cmd,
    case_cmd,
    classify_cmd,
    consultation_cmd,
    countries_cmd,
    db_cmd,
    demo_cmd,
    denial_cmd,
    determine_cmd,
    diverge_cmd,
    governance_cmd,
    headroom_cmd,
    licence_cmd,
    list_cmd,
    membership_cmd,
    regime_cmd,
    report_cmd,
    screen_cmd,
    serve_cmd,
    user_cmd,
)

app = typer.Typer(
    name="regime",
    help="A multilateral export-control regime, run as software.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)


@app.callback()
def main() -> None:
    """Control lists as code, classification, licence determination, screening and the regime's machinery."""


app.command("classify")(classify_cmd.classify_command)
app.command("determine")(determine_cmd.determine_command)
app.command("screen")(screen_cmd.screen_command)
app.command("demo")(demo_cmd.demo)
app.command("assess")(assess_cmd.assess)
app.command("coverage")(assess_cmd.coverage)
app.command("headroom")(headroom_cmd.headroom_command)
app.command("diverge")(diverge_cmd.diverge_command)
app.add_typer(countries_cmd.app, name="country")
app.add_typer(list_cmd.app, name="list")
app.command("serve")(serve_cmd.serve)
app.command("report")(report_cmd.report)
app.add_typer(db_cmd.app, name="db")
app.add_typer(regime_cmd.app, name="regime")
app.add_typer(user_cmd.app, name="user")
app.add_typer(governance_cmd.app, name="proposal")
app.add_typer(membership_cmd.app, name="membership")
app.add_typer(denial_cmd.app, name="denial")
app.add_typer(consultation_cmd.app, name="consultation")
app.add_typer(audit_cmd.app, name="audit")
app.add_typer(licence_cmd.app, name="licence")
app.add_typer(case_cmd.app, name="case")


if __name__ == "__main__":
    app()
