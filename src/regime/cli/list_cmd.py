"""``regime list``: import the CCL, search, diff, show, history and check a control list.

Faces only: resolve the list and the entry (ECCN ``3A090`` or Wassenaar ``3.A.90.`` form), call
``regime.lists``, render with Rich or print JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from regime.cli.errors import exits_cleanly
from regime.cli.list_render import print_check, print_diff, print_entry, print_history, print_hits, print_import
from regime.errors import NotFoundError
from regime.lists.check import check_list
from regime.lists.diff import diff_dates, entry_history
from regime.lists.importers.run import import_ccl
from regime.lists.loader import ListDocs, clear_caches, list_folder, load_docs
from regime.lists.numbering import parse_ref
from regime.lists.search import index_for, search
from regime.lists.snapshot import entry_at
from regime.paths import US_EAR_DIR

app = typer.Typer(
    help="Control lists: import the CCL, search, compare dates, show and check entries.", no_args_is_help=True
)
LIST = typer.Option("us-ccl", "--list", "-l", help="a list id (us-ccl, mtcr-annex ...) or a list folder")
AS_OF = typer.Option(None, "--as-of", help="the date the list is read as of (YYYY-MM-DD, default: today)")
JSON = typer.Option(False, "--json", help="print JSON")


def _folder(list_id: str) -> Path:
    path = Path(list_id)
    return path.resolve() if (path / "list.yaml").is_file() else list_folder(list_id)


def _docs(list_id: str) -> ListDocs:
    return load_docs(_folder(list_id))


def _date(text: str | None) -> dt.date:
    return dt.date.fromisoformat(text) if text else dt.date.today()


def _entry(docs: ListDocs, ref: str) -> tuple[str, str]:
    parsed = parse_ref(ref)
    if parsed.entry not in docs.entries:
        raise NotFoundError(f"no entry {parsed.entry} in list {docs.info.id}")
    return parsed.entry, parsed.paragraph


def _echo_json(payload: Any) -> None:
    typer.echo(json.dumps(payload, indent=2, ensure_ascii=False, default=str))


@app.command("import")
@exits_cleanly
def import_command(
    source: Path = typer.Option(US_EAR_DIR / "ccl.json", "--source", help="the compiled CCL (ccl.json)"),
    folder: str = LIST,
    dry_run: bool = typer.Option(False, "--dry-run", help="report what would change, write nothing"),
) -> None:
    """Write one text-only entry file per ECCN; curated files are left alone and checked for drift."""
    report = import_ccl(source, _folder(folder), dry_run=dry_run)
    clear_caches()
    print_import(report, Console())


@app.command("search")
@exits_cleanly
def search_command(
    query: str = typer.Argument(..., help='words to find; "in quotes" for a phrase'),
    list_id: str = LIST,
    as_of: str = AS_OF,
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="how many hits"),
    as_json: bool = JSON,
) -> None:
    """Full-text search over headings, paragraphs and notes of the list in force on a date."""
    docs = _docs(list_id)
    hits = search(index_for(docs, _date(as_of)), query, limit)
    if as_json:
        _echo_json([hit.model_dump(mode="json") for hit in hits])
        return
    print_hits(hits, docs.info.numbering, Console())


@app.command("diff")
@exits_cleanly
def diff_command(
    start: str = typer.Option(..., "--from", help="the earlier date (YYYY-MM-DD)"),
    end: str = typer.Option(..., "--to", help="the later date (YYYY-MM-DD)"),
    list_id: str = LIST,
    entry: list[str] = typer.Option([], "--entry", "-e", help="only these entries (3A090 or 3.A.90.)"),
    as_json: bool = JSON,
) -> None:
    """What changed in the list between two dates, entry by entry."""
    docs = _docs(list_id)
    only = [_entry(docs, ref)[0] for ref in entry] or None
    result = diff_dates(docs, _date(start), _date(end), only)
    if as_json:
        _echo_json(result.model_dump(mode="json"))
        return
    print_diff(result, Console())


@app.command("show")
@exits_cleanly
def show_command(
    ref: str = typer.Argument(..., help="an entry or paragraph: 3A090, 3A090.a, 3.A.90.a."),
    list_id: str = LIST,
    as_of: str = AS_OF,
    as_json: bool = JSON,
) -> None:
    """An entry as in force on a date: heading, licence requirements, paragraphs with criteria, notes."""
    docs = _docs(list_id)
    entry_id, paragraph = _entry(docs, ref)
    date, doc = _date(as_of), docs.entries[entry_id]
    entry = entry_at(doc, date)
    if entry is None:
        message = f"{entry_id} is not in force on {date}"
        if doc.in_force.change_dates():
            message += f" (in force from {doc.in_force.start}" + (
                f" until {doc.in_force.end})" if doc.in_force.end else ")"
            )
        _echo_json({"entry": entry_id, "as_of": date, "in_force": False}) if as_json else typer.echo(message)
        return
    if paragraph and entry.paragraph(paragraph) is None:
        raise NotFoundError(f"{entry_id} has no paragraph {paragraph!r} in force on {date}")
    if as_json:
        _echo_json({"as_of": date, "in_force": True, **entry.model_dump(mode="json")})
        return
    print_entry(entry, doc, docs.info.numbering, Console(), focus=paragraph)


@app.command("history")
@exits_cleanly
def history_command(
    ref: str = typer.Argument(..., help="an entry: 3A090 or 3.A.90."),
    list_id: str = LIST,
    as_json: bool = JSON,
) -> None:
    """Each date the entry changed, and what changed."""
    docs = _docs(list_id)
    entry_id, _ = _entry(docs, ref)
    doc = docs.entries[entry_id]
    steps = entry_history(doc)
    if as_json:
        _echo_json(
            [
                {
                    "date": date,
                    "in_force": after is not None,
                    "change": None if change is None else change.model_dump(mode="json"),
                }
                for date, change, after in steps
            ]
        )
        return
    print_history(entry_id, steps, doc, Console())


@app.command("check")
@exits_cleanly
def check_command(
    list_id: str = typer.Argument("us-ccl", help="a list id or a list folder"),
    as_json: bool = JSON,
) -> None:
    """Read every entry file and compile every criterion on every change date; exit 1 on errors."""
    report = check_list(_folder(list_id))
    if as_json:
        _echo_json(report.model_dump(mode="json"))
    else:
        print_check(report, Console())
    if not report.ok:
        raise typer.Exit(1)
