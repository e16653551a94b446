"""Entry point of the ``regime`` command: each command group lives in its own module."""

from __future__ import annotations

import typer

from regime.cli import assess_cmd, classify_cmd, countries_cmd, demo_cmd

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
app.command("demo")(demo_cmd.demo)
app.command("assess")(assess_cmd.assess)
app.command("coverage")(assess_cmd.coverage)
app.add_typer(countries_cmd.app, name="country")


if __name__ == "__main__":
    app()
