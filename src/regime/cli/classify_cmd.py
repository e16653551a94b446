"""``regime classify``: classify an item file (or a catalogue item) against a control list."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import typer
from rich.console import Console

from regime.classify.engine import classify
from regime.cli.errors import exits_cleanly
from regime.cli.render_classification import print_classification
from regime.lists.registry import compiled_list
from regime.model.catalogue import load_catalogue, read_item
from regime.model.item import Item


def _item(target: str) -> Item:
    path = Path(target)
    if path.is_file():
        return read_item(path)
    catalogue = load_catalogue()
    if target in catalogue:
        return catalogue[target]
    known = ", ".join(sorted(catalogue))
    raise typer.BadParameter(f"{target!r} is neither an item file nor a catalogue id ({known})")


@exits_cleanly
def classify_command(
    target: str = typer.Argument(..., help="an item YAML/JSON file, or a catalogue id such as nvidia-h100-sxm"),
    list_id: list[str] = typer.Option(["us-ccl"], "--list", "-l", help="control list(s) to classify against"),
    as_of: str = typer.Option(None, "--as-of", help="the date the list is read as of (default: today)"),
    as_json: bool = typer.Option(False, "--json", help="print the classification as JSON"),
) -> None:
    """Classify an item: every matching entry and paragraph, with the values that decided it."""
    date = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    item = _item(target)
    results = []
    for lid in list_id:
        clist = compiled_list(lid, date)
        results.append((clist, classify(item, clist, catalogue=load_catalogue())))
    if as_json:
        payload = [result.model_dump(mode="json") for _, result in results]
        typer.echo(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2))
        return
    console = Console()
    for clist, result in results:
        print_classification(result, console, clist.snapshot.info.numbering)
