"""``regime demo``: classify the bundled catalogue of real products and print the reasoning.

Shows the list as code at work: the same products against the Commerce Control List as it stood
before and after the October 2023 advanced-computing rule, and rockets and drones against the MTCR
Annex, with near misses and the text-only entries a person must still read.
"""

from __future__ import annotations

import datetime as dt

import typer
from rich.console import Console
from rich.table import Table

from regime.classify.engine import classify
from regime.cli.errors import exits_cleanly
from regime.cli.render_classification import print_classification
from regime.lists.numbering import display_ref
from regime.lists.registry import compiled_list
from regime.model.catalogue import load_catalogue

HISTORY_DATES = (dt.date(2022, 1, 1), dt.date(2023, 1, 1), dt.date(2024, 1, 1))
MTCR_TYPES = {"rocket_system", "unmanned_aerial_vehicle"}


@exits_cleanly
def demo(
    as_of: str = typer.Option(None, "--as-of", help="the date for the detailed reasoning (default: today)"),
    brief: bool = typer.Option(False, "--brief", help="print the summary table only"),
) -> None:
    """Classify the bundled catalogue against the bundled lists and print the reasoning."""
    console = Console()
    today = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    catalogue = load_catalogue()
    dates = (*HISTORY_DATES, today)
    lists = {d: compiled_list("us-ccl", d) for d in dates}
    mtcr = compiled_list("mtcr-annex", today)
    table = Table(title=f"Catalogue of {len(catalogue)} real products, classified", show_lines=False)
    table.add_column("item")
    for d in dates:
        table.add_column(f"US CCL {d.isoformat()}")
    table.add_column("MTCR Annex")
    table.add_column("near misses (today)")
    details = []
    for item in catalogue.values():
        row = [item.name]
        for d in dates:
            result = classify(item, lists[d], catalogue=catalogue)
            cell = ", ".join(result.classes) or (result.fallback or "-")
            provisional = not result.classes and result.to_review
            row.append(cell + (" ?" if result.indeterminate else "") + (" *" if provisional else ""))
            if d == today:
                details.append((lists[d], result))
                misses = "; ".join(
                    f"{m.ref}: {m.parameter or m.test} {m.value} vs {m.threshold}" for m in result.near_misses[:2]
                )
        if item.parameters.get("item_type") in MTCR_TYPES:
            result = classify(item, mtcr, catalogue=catalogue)
            row.append(", ".join(display_ref(c, "wassenaar") for c in result.classes) or "not listed")
            details.append((mtcr, result))
        else:
            row.append("")
        row.append(misses)
        table.add_row(*row)
    console.print(table)
    console.print(
        "'?' marks an answer left indeterminate on some paragraph for want of a fact; '*' a fallback class"
        " reached while text-only entries for that kind of item remain for a person to read.\n"
    )
    if not brief:
        for clist, result in details:
            print_classification(result, console, clist.snapshot.info.numbering)
