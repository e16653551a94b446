"""``regime diverge``: where members' rules diverge on a standard set of transactions (Rich table or JSON)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from regime.assess.diverge import divergence, divergence_report, parse_members
from regime.cli.errors import exits_cleanly
from regime.determine import default_party_index, load_members, member_ids
from regime.model.catalogue import load_catalogue


@exits_cleanly
def diverge_command(
    members: str = typer.Option("US,NL,JP", "--members", "-m", help="two or more members (us, eu, nl, jp)"),
    as_of: str = typer.Option(None, "--as-of", help="the date the rules are read as of (default: today)"),
    show: int = typer.Option(10, "--show", help="leaks listed per pair (the counts cover all of them)"),
    as_json: bool = typer.Option(False, "--json", help="print the whole report as JSON"),
) -> None:
    """For each pair of members, the standard transactions one lets go freely and the other refuses, and why."""
    date = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    chosen = load_members(parse_members(members, member_ids()))
    view = divergence_report(divergence(chosen, date, default_party_index(), load_catalogue()))
    if as_json:
        typer.echo(json.dumps(view, indent=2, ensure_ascii=False))
        return
    _render(Console(), view, show)


def _render(console: Console, view: dict[str, Any], show: int) -> None:
    sizes = view["standard_set"]
    names = {m["id"]: m["name"].split(" (")[0] for m in view["members"]}
    summary = Table(title=f"Where members diverge: {sizes['transactions']} standard transactions on {view['date']}")
    for column in ("pair", "leaks", "through the first", "through the second", "agree", "differ", "unresolved"):
        summary.add_column(column, justify="left" if column == "pair" else "right")
    for pair in view["pairs"]:
        a, b = pair["members"]
        summary.add_row(
            f"{names[a]} / {names[b]}",
            f"[bold]{pair['leaks']}[/]",
            f"{pair['through'][a]} via {a}",
            f"{pair['through'][b]} via {b}",
            str(pair["agree"]),
            str(pair["differ_on_terms"]),
            str(pair["unresolved"]),
        )
    console.print(summary)
    for pair in view["pairs"]:
        if not pair["leaks"]:
            continue
        a, b = pair["members"]
        table = Table(title=f"{names[a]} / {names[b]}: allowed by one, refused by the other", show_lines=False)
        for column in ("item", "to", "allowed by", "as", "refused by", "as", "list entries"):
            table.add_column(column, overflow="fold")
        for leak in pair["details"][:show]:
            table.add_row(
                leak["item"],
                leak["destination"],
                leak["permissive"],
                f"{leak['allowed']} [dim]({', '.join(leak['permissive_classes'])})[/]",
                leak["strict"],
                leak["refused"],
                ", ".join(leak["entries"]),
            )
        console.print(table)
        more = pair["leaks"] - min(show, pair["leaks"])
        causes = ", ".join(f"{entry} ({n})" for entry, n in pair["entries"].items())
        console.print(
            f"[bold]entries behind the leaks:[/] {causes}" + (f"  [dim](+{more} more rows: --show)[/]" if more else "")
        )
    for member, needs in view["open"].items():
        for need in needs[:2]:
            console.print(f"[dim]open under {member} ({need['lines']} lines): {need['needs']}[/]")
    console.print(f"[dim]Decided in {view['seconds']:.1f} s ({sizes['decisions']} decisions).[/]")
    console.print(f"[dim]{view['caption']}[/]")
    for reading in view["readings"]:
        console.print(f"[dim]reading: {reading}[/]")
