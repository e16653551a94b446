"""The source's flat item list turned into a paragraph tree and the note blocks between paragraphs.

The compiled CCL flattens each entry into ``{paragraph, kind, depth, text}`` lines and mislabels
some: a note's own lettered list arrives as depth-1 "items" (``a``, ``b`` ... colliding with real
paragraphs), some paragraph ids sit only in the text ("z.1.b Commodities ..."), reserved paragraphs
come as ranges ("through y. [Reserved]"). A line becomes paragraph ``p`` only when ``p`` follows the
paragraph sequence (``sequence.follows``); a line continuing an open note's own list belongs to the
note; anything else is note text. A line that could be either is settled by ``choose.py``, which
plays both readings out; ``Builder.contested`` gives the preference on a tie. Nothing is dropped:
a line with an id that fits neither is kept as note text and counted as a stray.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from regime.lists.importers.outline import Block
from regime.lists.importers.sequence import expand_range, follows, gap, parent_of, well_formed

RESERVED = "[Reserved]"
Choice = Literal["paragraph", "note"]
_TEXT_ID = re.compile(r"^(?P<id>[a-z](?:\.(?:\d{1,2}|[a-z]))+)\.?\s+(?P<rest>\S.*)$", re.DOTALL)
_TEXT_RANGE = re.compile(r"^(?P<first>[a-z](?:\.\w+)*)\.?\s*-\s*(?P<last>[a-z](?:\.\w+)*)\.\s*\[Reserved\]\.?$")
_ITEM_RANGE = re.compile(r"^(?P<how>to|through|and)\s+(?P<last>[a-z0-9]+(?:\.[a-z0-9]+)*)\.?\s*\[Reserved\][.;]?$")
_ENUMERATOR = re.compile(r"^(?:\((?:\d{1,2}|[ivx]{1,5}|[a-zA-Z])\)|[A-Z]\.\s)")


@dataclass(frozen=True)
class Line:
    """One source item, tidied: its kind, its id (if any) and its text on one line."""

    kind: Literal["item", "text", "note"]
    label: str
    text: str


@dataclass
class Placed:
    """A paragraph recovered from the source, and the plain notes that sit under it."""

    id: str
    text: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Tree:
    """What one entry's items became, with a count of where each source line went."""

    paragraphs: list[Placed] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    strays: list[tuple[str, str]] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)
    skipped_levels: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    contested: list[tuple[str, Choice]] = field(default_factory=list)
    fates: Counter[str] = field(default_factory=Counter)

    @property
    def last(self) -> str:
        """The id of the last paragraph placed (``""`` before the first)."""
        return self.paragraphs[-1].id if self.paragraphs else ""

    def cost(self) -> int:
        """How badly a reading fits: a stray weighs ten gaps, skipped levels or lists no line announced."""
        unannounced = sum(block.unintroduced for block in self.blocks)
        return 10 * len(self.strays) + len(self.gaps) + len(self.skipped_levels) + unannounced


class Builder:
    """Feeds lines one by one into a ``Tree``; ``choice`` settles a line that could be either."""

    def __init__(self, referenced: frozenset[str] = frozenset()) -> None:
        self.tree = Tree()
        self.block: Block | None = None
        self.placed: set[str] = set()
        self.referenced = referenced

    def contested(self, line: Line, *, tie_break: bool = True) -> Choice | None:
        """The preferred choice when ``line`` could be a paragraph or a line of a note, else None.

        ``tie_break=False`` gives the plain preference used while playing a reading out: a note's
        list goes on while it can, and a paragraph is not taken for a list nothing announced.
        """
        if line.kind != "item" or _ITEM_RANGE.match(line.text) or not self._follows(line.label):
            return None
        target = self._note_target(line.label)
        if target is None:
            return None
        block, position = target
        if block.closing:
            return "note"
        if tie_break and line.label in self.referenced:
            return "paragraph"
        return "paragraph" if block.starts_sublist(position) and not block.colon else "note"

    def feed(self, line: Line, choice: Choice | None = None) -> str:
        """Place one line; returns its fate (paragraph, note or stray)."""
        if line.kind == "note":
            return self._numbered_note(line.label, line.text)
        if line.kind == "item":
            return self._item(line.label, line.text, choice)
        return self._text(line.text)

    def _item(self, pid: str, text: str, choice: Choice | None) -> str:
        ranged = _ITEM_RANGE.match(text)
        if ranged and self._reserved_range(pid, ranged["last"], ranged["how"]):
            return "paragraph"
        target = self._note_target(pid)
        if target is not None and (choice == "note" or not self._follows(pid)):
            if choice:
                self.tree.contested.append((pid, choice))
            block, position = target
            block.add(position, f"{position}. {text}")
            self.block = block
            return "note"
        if self._follows(pid):
            if choice:
                self.tree.contested.append((pid, choice))
            self._paragraph(pid, text)
            return "paragraph"
        if self.block is None and pid == "a":
            self._open().add(pid, f"{pid}. {text}")
            return "note"
        self.tree.strays.append((pid, text))
        self._line(f"{pid}. {text}", new_block=self.block is None)
        return "stray"

    def _text(self, text: str) -> str:
        ranged = _TEXT_RANGE.match(text)
        if ranged and self._reserved_range(ranged["first"], ranged["last"], "to"):
            return "paragraph"
        found = _TEXT_ID.match(text)
        if found and self._follows(found["id"], strict=True):
            self.tree.recovered.append(found["id"])
            self._paragraph(found["id"], found["rest"])
            return "paragraph"
        block = self.block
        joins = block is not None and (_ENUMERATOR.match(text) is not None or (block.colon and not block.position))
        self._line(text, new_block=not joins)
        return "note"

    def _numbered_note(self, number: str, text: str) -> str:
        target = self._note_target(number)
        if target is not None and not (target[0].number is not None and "." not in target[1]):
            block, position = target
            block.add(position, f"{position}. {text}")
            self.block = block
            return "note"
        self.block = Block(anchor=self.tree.last, number=number, position=number, letters_first=False)
        self.tree.blocks.append(self.block)
        self.block.lines.append(text)
        return "note"

    def _note_target(self, label: str) -> tuple[Block, str] | None:
        """The note whose list ``label`` continues: the current note, or one whose list it interrupted."""
        block = self.block
        while block is not None:
            position = block.next_position(label)
            if position is not None and (block is self.block or block.open_list):
                return block, position
            block = block.parent
        return None

    def _reserved_range(self, first: str, last: str, how: str) -> bool:
        parts, tail = first.split("."), last.split(".")
        end = ".".join(parts[: len(parts) - len(tail)] + tail) if len(tail) <= len(parts) else last
        ids = [first, end] if how == "and" else expand_range(first, end)
        if len(ids) < 2 or not self._follows(ids[0]):
            return False
        for pid in ids:
            self._paragraph(pid, RESERVED)
        return True

    def _follows(self, pid: str, *, strict: bool = False) -> bool:
        return well_formed(pid, strict=strict) and follows(pid, self.tree.last, frozenset(self.placed))

    def _paragraph(self, pid: str, text: str) -> None:
        if parent_of(pid) and parent_of(pid) not in self.placed:
            self.tree.skipped_levels.append(pid)
        elif gap(pid, self.tree.last):
            self.tree.gaps.append(pid)
        self.tree.paragraphs.append(Placed(pid, text))
        self.placed.add(pid)
        self.block = None

    def _open(self) -> Block:
        current = self.block
        parent = current if current is not None and current.open_list else (current.parent if current else None)
        self.block = Block(anchor=self.tree.last, parent=parent)
        self.tree.blocks.append(self.block)
        return self.block

    def _line(self, line: str, *, new_block: bool) -> None:
        block = self._open() if new_block or self.block is None else self.block
        block.lines.append(line)
