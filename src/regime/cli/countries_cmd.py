"""``regime country show China``: a destination's ISO codes, EAR row, Country Groups and chart marks.

Faces only: resolve the name, ask ``regime.countries``, render a Rich panel or JSON.
"""

from __future__ import annotations

import json

import typer
from rich.console import Console

from regime.countries import COLUMNS, ChartAnswer, Destinations, Embargoed, Indeterminate, us_destinations
from regime.errors import RegimeError

app = typer.Typer(help="Destinations under the EAR: ISO codes, Country Groups, Commerce Country Chart.")
console = Console()


@app.command("show")
def show(
    name: str = typer.Argument(..., help="a country name, alias or ISO code (China, PRC, CN, CHN, Macao ...)"),
    json_out: bool = typer.Option(False, "--json", help="print JSON"),
) -> None:
    """Show how the EAR's tables treat one destination."""
    tables = us_destinations()
    try:
        country = tables.country(name)
    except RegimeError as exc:
        console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from None
    if json_out:
        typer.echo(json.dumps(_as_json(tables, name), indent=2, ensure_ascii=False))
        return
    console.print(f"[bold]{country.name}[/]  ISO {country.alpha2} / {country.alpha3} / {country.numeric or '-'}")
    console.print(f"EAR chart row: {tables.resolver.ear_name(country) or '(none)'}")
    membership = tables.membership(country)
    console.print(f"Country Groups: {', '.join(sorted(membership.groups)) or '(none listed)'}")
    if membership.treated_as:
        console.print(f"  as {membership.treated_as.name}: {membership.basis}")
    for note in membership.notes:
        console.print(f"  [dim]note:[/] {note}")
    _print_chart(tables.chart_answer(country), tables.chart.no_mark_caveat)
    console.print(f"[dim]{membership.source}[/]")


def _print_chart(answer: ChartAnswer, caveat: str) -> None:
    if isinstance(answer, Embargoed):
        console.print(f"[red]Embargoed:[/] {answer.pointer}")
    elif isinstance(answer, Indeterminate):
        console.print(f"[yellow]Indeterminate:[/] {answer.missing}")
    else:
        console.print(f"Commerce Country Chart, row {answer.row!r}:")
        console.print("  X:    " + (", ".join(c for c in COLUMNS if c in answer.marks) or "(none)"))
        console.print("  no X: " + (", ".join(c for c in COLUMNS if c not in answer.marks) or "(none)"))
        console.print(f"  [dim]{caveat}[/]")
        if answer.inherited_from:
            console.print(f"  inherited from {answer.inherited_from.name}: {answer.basis}")
        for footnote in answer.footnotes:
            console.print(f"  [dim]footnote {footnote.number}:[/] {footnote.text}")
    console.print(f"[dim]{answer.source}[/]")


def _as_json(tables: Destinations, name: str) -> dict[str, object]:
    country = tables.country(name)
    return {
        "country": country.model_dump(mode="json"),
        "earRow": tables.resolver.ear_name(country),
        "groups": tables.membership(country).model_dump(mode="json", exclude={"country"}),
        "chart": tables.chart_answer(country).model_dump(mode="json", exclude={"country"}),
    }
