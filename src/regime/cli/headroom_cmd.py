"""``regime headroom``: how close the catalogue sits to each threshold, and what an amendment would catch."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from regime.assess.headroom import amendment_effects, closest_below, headroom
from regime.cli.errors import exits_cleanly
from regime.lists.compiled import compile_list
from regime.lists.loader import list_folder, load_docs, read_yaml
from regime.lists.reform import apply_reform, reform_from_yaml
from regime.lists.registry import compiled_list
from regime.model.catalogue import load_catalogue


@exits_cleanly
def headroom_command(
    list_id: str = typer.Option("us-ccl", "--list", "-l", help="the reference list"),
    as_of: str = typer.Option(None, "--as-of", help="the date the reference list is read as of (default: today)"),
    amend: Path = typer.Option(None, "--amend", help="a proposed amendment (reform YAML) to compare against"),
    within: float = typer.Option(0.25, "--within", help="show tests the products are short of by at most this share"),
    as_json: bool = typer.Option(False, "--json", help="print the rows as JSON"),
) -> None:
    """Threshold headroom of the catalogue, and the products an amendment would newly catch or release."""
    date = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    catalogue = load_catalogue()
    items = list(catalogue.values())
    base = compiled_list(list_id, date)
    rows = closest_below(headroom(items, base, catalogue), within)
    effects = []
    if amend is not None:
        reform = reform_from_yaml(read_yaml(amend), source=str(amend))
        reformed = apply_reform(load_docs(list_folder(list_id)), reform)
        amended = compile_list(reformed.at(max(date, reform.effective)))
        effects = [e for e in amendment_effects(items, base, amended, catalogue) if e.caught or e.released]
    if as_json:
        payload = {
            "list": base.snapshot.version,
            "headroom": [dataclasses.asdict(r) for r in rows],
            "amendment": [{"item": e.item, "caught": e.caught, "released": e.released} for e in effects],
        }
        typer.echo(json.dumps(payload, indent=2))
        return
    console = Console()
    table = Table(title=f"Products within {within:.0%} of a threshold they do not meet ({base.snapshot.version})")
    for column in ("item", "paragraph", "test", "value", "threshold", "short by"):
        table.add_column(column)
    for r in rows:
        table.add_row(r.item, r.ref, r.test, r.value, r.threshold, f"{-r.gap:.1%}")
    console.print(table)
    if amend is not None:
        changes = Table(title=f"What the amendment changes ({amend.name})")
        for column in ("item", "newly caught", "released"):
            changes.add_column(column)
        for e in effects:
            changes.add_row(e.item, ", ".join(e.caught) or "-", ", ".join(e.released) or "-")
        console.print(changes if effects else "The amendment changes no product's classes.")
