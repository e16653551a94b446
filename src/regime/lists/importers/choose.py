"""Reading an entry's items into a tree, settling each doubtful line by playing both readings out.

A line such as ``b`` right after a note's own ``a`` may be the note's second item or the entry's
paragraph ``b``. Both readings are followed to the end of the entry (later doubtful lines take their
tie-break choice); the reading with the lower cost (strays, gaps, skipped levels) wins. On a tie the
builder's own preference decides: a list closed by "; or" ends the note, a paragraph the entry's
text refers to ("1C010.c.1.a") is a paragraph, a note's list goes on rather than be cut short.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable

from regime.lists.importers.source import SourceItem
from regime.lists.importers.tree import Builder, Choice, Line, Tree


def lines_of(items: Iterable[SourceItem]) -> list[Line]:
    """The source items with their text on one line and their id trimmed."""
    return [
        Line(
            item.kind,
            (item.paragraph or "").strip().strip(".") if item.kind != "text" else "",
            " ".join(item.text.split()),
        )
        for item in items
    ]


def referenced_paragraphs(eccn: str, texts: Iterable[str]) -> frozenset[str]:
    """Every paragraph of ``eccn`` its own texts refer to (``3B001.f.1.b`` gives f, f.1, f.1.b)."""
    found: set[str] = set()
    for text in texts:
        for match in re.finditer(rf"\b{eccn}\.([a-z](?:\.(?:\d{{1,2}}|[a-z])\b)*)", text):
            parts = match.group(1).split(".")
            found.update(".".join(parts[: n + 1]) for n in range(len(parts)))
    return frozenset(found)


def build_tree(items: Iterable[SourceItem], referenced: frozenset[str] = frozenset()) -> Tree:
    """Place every item of one entry: as a paragraph, a line of a note, or a counted stray."""
    lines = lines_of(items)
    builder = Builder(referenced)
    for index, line in enumerate(lines):
        preferred = builder.contested(line)
        choice = _best(builder, lines[index:], preferred) if preferred else None
        builder.tree.fates[builder.feed(line, choice)] += 1
    return builder.tree


def _best(builder: Builder, rest: list[Line], preferred: Choice) -> Choice:
    other: Choice = "note" if preferred == "paragraph" else "paragraph"
    costs = {choice: _play(builder, rest, choice) for choice in (preferred, other)}
    return preferred if costs[preferred] <= costs[other] else other


def _play(builder: Builder, rest: list[Line], choice: Choice) -> int:
    trial = copy.deepcopy(builder)
    trial.feed(rest[0], choice)
    for line in rest[1:]:
        trial.feed(line, trial.contested(line, tie_break=False))
    return trial.tree.cost()
