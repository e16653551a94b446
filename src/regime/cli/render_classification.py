"""Rich rendering of a classification: the classes first, then the reasoning a reviewer checks."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from regime.classify.result import Classification
from regime.lists.numbering import display_ref


def classification_panel(result: Classification, numbering: str = "eccn") -> Panel:
    """One panel per item: classes, matches with evidence, releases, near misses, open questions."""

    def show(ref: str) -> str:
        return display_ref(ref, numbering)

    parts: list[RenderableType] = []
    title = Text(result.item, style="bold")
    classes = ", ".join(show(c) for c in result.classes) or (result.fallback or "not listed")
    if result.indeterminate:
        classes = f"{classes} (indeterminate)" if result.classes else "indeterminate"
    parts.append(Text.assemble(("Class: ", "bold"), (classes, "bold cyan")))
    for d in result.derived:
        how = "stated" if d.stated else d.formula
        parts.append(Text(f"  {d.name} = {d.value}  ({how})", style="dim"))
    for match in result.matches:
        table = Table.grid(padding=(0, 1))
        table.add_row(Text(show(match.ref), style="green bold"), Text(match.text or match.heading))
        for line in match.evidence:
            table.add_row("", Text(f"• {line}", style="green"))
        for line in match.kept_by:
            table.add_row("", Text(f"• {line}", style="dim"))
        parts.append(table)
    for release in result.released:
        target = f" -> {show(release.redirect)}" if release.redirect else ""
        parts.append(Text(f"{show(release.ref)} released by {release.note}{target}", style="yellow"))
        for line in release.evidence:
            parts.append(Text(f"    • {line}", style="yellow"))
    for miss in result.near_misses:
        parts.append(Text(f"Near miss: {miss.message}", style="magenta"))
    for item in result.indeterminate:
        parts.append(Text(f"Indeterminate: {item.message}", style="red"))
    for component in result.components:
        parts.append(Text(f"Contains {component.item}: {', '.join(component.classes) or 'not listed'}", style="dim"))
    if result.to_review and not result.classes:
        shown = ", ".join(result.to_review[:12]) + (" ..." if len(result.to_review) > 12 else "")
        parts.append(Text(f"Text-only entries to read: {shown}", style="dim"))
    parts.append(Text(result.statement, style="italic"))
    return Panel(Group(*parts), title=title, subtitle=f"{result.list_id} as of {result.as_of}", expand=True)


def print_classification(result: Classification, console: Console, numbering: str = "eccn") -> None:
    """Print one classification."""
    console.print(classification_panel(result, numbering))
