"""Rich renderings for ``regime list``: an entry, its history, a diff, search hits, a check report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from regime.lists.check import CheckReport
from regime.lists.diff import EntryDiff, ListDiff, PartChange, Values
from regime.lists.documents import EntryDoc
from regime.lists.importers.run import ImportReport
from regime.lists.numbering import display_ref, join_ref
from regime.lists.search import Hit
from regime.lists.snapshot import Control, Entry

_DRIFT = {
    "heading": "the heading differs",
    "changed": "the text differs",
    "not_in_file": "in the source, not in the curated file",
    "not_in_source": "in the curated file, not in the source",
    "not_in_force": "the curated entry is not in force on the source's date",
}


def print_entry(entry: Entry, doc: EntryDoc, numbering: str, console: Console, focus: str = "") -> None:
    """An entry as in force: heading, licence requirements, paragraphs with criteria, notes, history."""
    ref = display_ref(entry.id, numbering)
    console.print(Text.assemble((ref, "bold"), "  ", entry.heading))
    period = f"in force from {doc.in_force.start}" if doc.in_force.change_dates() else "in force (undated)"
    period += f" until {doc.in_force.end}" if doc.in_force.end else ""
    console.print(f"[dim]{entry.encoding.value} · {entry.kind.value} · {period}[/]")
    if entry.reasons:
        console.print(f"Reasons for control: {', '.join(entry.reasons)}")
    if entry.applies_if:
        console.print(f"Applies if: [cyan]{entry.applies_if}[/]")
    for control in entry.controls:
        console.print(
            Text.assemble("  ", (control.reason, "bold"), f"  {_control_paragraphs(control)}  →  {control.scope}")
        )
    for name, flag in entry.licence_exceptions.items():
        console.print(f"  [dim]licence exception[/] {name}: {flag}")
    if entry.related_controls:
        console.print(f"[dim]Related controls:[/] {entry.related_controls}")
    for p in entry.paragraphs:
        if focus and not (p.id == focus or p.id.startswith(f"{focus}.")):
            continue
        indent = "  " * (p.id.count(".") + 1)
        console.print(
            Text.assemble(indent, (display_ref(join_ref(entry.id, p.id), numbering), "bold"), " ", p.text or "")
        )
        if p.criterion:
            console.print(f"{indent}  [cyan]criterion:[/] {p.criterion}")
        for note in p.notes:
            console.print(f"{indent}  [dim]note:[/] {note}")
    for n in entry.notes:
        if focus and n.applies_to and not any(a == focus or a.startswith(f"{focus}.") for a in n.applies_to):
            continue
        applies = f" (to {', '.join(n.applies_to)})" if n.applies_to else ""
        console.print(Text.assemble(("• ", "dim"), (n.id, "italic"), f" [{n.kind}]{applies}: ", n.text or ""))
        if n.releases:
            console.print(f"    [cyan]releases when:[/] {n.releases}" + (f" → {n.redirect}" if n.redirect else ""))
    for h in entry.history:
        console.print(f"[dim]{h.date}  {h.citation}[/]")


def _control_paragraphs(control: Control) -> str:
    where = ", ".join(control.paragraphs) if control.paragraphs else "entire entry"
    if control.except_paragraphs:
        where += f" except {', '.join(control.except_paragraphs)}"
    return where + (" [needs reading: " + control.applies_to + "]" if control.paragraphs_unparsed else "")


def print_diff(diff: ListDiff, console: Console) -> None:
    """A list diff: entries added, removed, and each changed entry's changes."""
    console.print(f"[bold]{diff.before} → {diff.after}[/]")
    if diff.empty:
        console.print("no differences")
    for entry in diff.added:
        console.print(f"[green]+ {entry}[/] added")
    for entry in diff.removed:
        console.print(f"[red]- {entry}[/] removed")
    for change in diff.changed:
        print_entry_diff(change, console)


def print_entry_diff(change: EntryDiff, console: Console, title: str | None = None) -> None:
    """One entry's changes: fields, licence requirements, paragraphs and notes."""
    console.print(f"[yellow]~ {title or change.entry}[/]")
    for name, values in change.fields.items():
        _values(console, name, values, "    ")
    for control in change.controls_removed:
        console.print(f"    [red]- licence requirement[/] {control.applies_to} → {control.scope}")
    for control in change.controls_added:
        console.print(f"    [green]+ licence requirement[/] {control.applies_to} → {control.scope}")
    for label, parts in (("paragraph", change.paragraphs), ("note", change.notes)):
        for part in parts:
            _part(console, label, part)


def _part(console: Console, label: str, part: PartChange) -> None:
    style = {"added": "green", "removed": "red", "changed": "yellow"}[part.change]
    console.print(f"    [{style}]{part.change} {label} {part.id}[/]")
    for name, values in part.fields.items():
        _values(console, name, values, "      ")


def _values(console: Console, name: str, values: Values, indent: str) -> None:
    before, after = values.before, values.after
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*before, *(k for k in after if k not in before)]:
            if before.get(key) != after.get(key):
                _values(console, f"{name} {key}", Values(before=before.get(key), after=after.get(key)), indent)
        return
    if values.before not in (None, [], {}, ""):
        console.print(Text.assemble(indent, (f"- {name}: ", "red"), str(values.before)))
    if values.after not in (None, [], {}, ""):
        console.print(Text.assemble(indent, (f"+ {name}: ", "green"), str(values.after)))


def print_history(
    entry_id: str, steps: Iterable[tuple[dt.date, EntryDiff | None, Entry | None]], doc: EntryDoc, console: Console
) -> None:
    """Each change date of an entry and what changed, with the public actions that did it."""
    actions = {h.date: h for h in doc.history}
    found = False
    for date, change, after in steps:
        found = True
        action = actions.get(date.isoformat())
        head = f"{date}" + (f"  {action.citation}" if action else "")
        if change is None:
            console.print(f"[bold]{head}[/]  {entry_id} {'comes into force' if after else 'leaves force'}")
        else:
            print_entry_diff(change, console, title=head)
        if action:
            console.print(f"    [dim]{action.summary}[/]")
    if not found:
        console.print(f"{entry_id} has no dated changes (its text is undated)")


def print_hits(hits: list[Hit], numbering: str, console: Console) -> None:
    """Search hits with the matched words in bold."""
    if not hits:
        console.print("no matches")
    for hit in hits:
        snippet = Text(hit.snippet)
        for start, end in hit.marks:
            snippet.stylize("bold yellow", start, end)
        where = f" {hit.label}" if hit.field == "note" else (" heading" if hit.field == "heading" else "")
        console.print(Text.assemble((display_ref(hit.ref, numbering), "bold"), (f"{where}  {hit.score:.2f}", "dim")))
        console.print(Text.assemble("    ", snippet))


def print_check(report: CheckReport, console: Console) -> None:
    """Counts of entries by encoding, then every error and warning."""
    table = Table(
        "encoding", "entries", title=f"{report.list_id}: {report.entries} entries, {len(report.dates)} dates checked"
    )
    for encoding, count in report.encodings.items():
        table.add_row(encoding, str(count))
    console.print(table)
    for problem in report.errors:
        console.print(Text.assemble(("error ", "red"), f"{problem.entry} {problem.date or ''}: ", problem.message))
    for problem in report.warnings:
        console.print(Text.assemble(("warning ", "yellow"), f"{problem.entry}: ", problem.message))
    console.print("[green]ok[/]" if report.ok else f"[red]{len(report.errors)} error(s)[/]")


def print_import(report: ImportReport, console: Console) -> None:
    """What an import wrote, skipped and found: files, paragraphs, notes, fragments, licence lines, drift."""
    counts = report.counts
    placed = counts["items_paragraph"] + counts["items_note"]
    parsed = counts["controls"] - counts["controls_unparsed"]
    table = Table("", "count", title="CCL import" + (" (dry run: nothing written)" if report.dry_run else ""))
    rows = [
        ("source entries", report.entries),
        ("files written" if not report.dry_run else "files to write", len(report.written)),
        ("files unchanged", len(report.unchanged)),
        ("curated files skipped", len(report.curated)),
        ("generated files removed", len(report.removed)),
        ("drift against curated files", len(report.drift)),
        ("paragraphs", counts["paragraphs"]),
        ("  of which recovered from text", counts["recovered_from_text"]),
        ("entry notes", counts["entry_notes"]),
        ("paragraph notes", counts["paragraph_notes"]),
        ("source fragments placed", placed),
        ("source fragments unplaced (kept as note text)", counts["items_stray"]),
        ("licence-requirement lines", counts["controls"]),
        ("  paragraphs parsed", parsed),
        ("  paragraphs unparsed (marked)", counts["controls_unparsed"]),
    ]
    for label, value in rows:
        table.add_row(label, str(value))
    console.print(table)
    for eccn, pid, text in report.strays:
        console.print(f"[yellow]unplaced[/] {eccn} {pid}: {text[:100]}")
    for drift in report.drift:
        where = f"{drift.entry}.{drift.paragraph}" if drift.paragraph else f"{drift.entry} heading"
        console.print(f"[magenta]drift[/] {where}: {_DRIFT[drift.kind]}")
        if drift.source_text:
            console.print(f"    [dim]source:[/] {drift.source_text}")
        if drift.file_text:
            console.print(f"    [dim]file:  [/] {drift.file_text}")
