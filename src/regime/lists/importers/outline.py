"""A note's own numbered list (its outline): which line may come next, and when a list is complete.

Notes carry lists of their own ("3B001.h does not control: a. ...; or b. ..."), which the source
flattens to depth-1 items whose ids collide with real paragraphs. The outline keeps the position in
such a list; an incoming id continues it when it is the next id at some level, written in full
(``a.1``) or by its last part only (``a`` after ``c.1`` means ``c.1.a``). Drafting marks the last
item of a list: the item before it ends with "; or" / "; and", so once that last item has come the
list is closed and a later ``c`` is a paragraph again, not a third item of the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from regime.lists.importers.sequence import continuations, parent_of

_CONNECTOR = re.compile(r"(?:[;,]\s*|\s)(?:or|and)\s*$")
_INTRODUCES = re.compile(r":\s*$|\bfollowing\b|\bas follows\b", re.IGNORECASE)


@dataclass
class Block:
    """A note between paragraphs: its lines, where it sits, its number (if numbered) and its outline.

    ``parent`` is the note whose list this one interrupts (a note to a note), whose list may go on.
    """

    anchor: str
    number: str | None = None
    lines: list[str] = field(default_factory=list)
    position: str = ""
    letters_first: bool = True
    closed: set[str] = field(default_factory=set)
    closing: bool = False
    unintroduced: int = 0
    parent: Block | None = None

    @property
    def colon(self) -> bool:
        """True when the note's last line introduces a list ("... as follows:")."""
        return bool(self.lines) and self.lines[-1].rstrip().endswith(":")

    @property
    def introduces(self) -> bool:
        """True when the last line announces a list (a colon, "the following", "as follows")."""
        return bool(self.lines) and _INTRODUCES.search(self.lines[-1]) is not None

    @property
    def open_list(self) -> bool:
        """True when the note has a list whose top level may still go on."""
        return bool(self.position) and "" not in self.closed

    def next_position(self, label: str) -> str | None:
        """Where ``label`` would sit in the outline, or None when it does not continue it.

        An empty outline starts with ``a`` (or ``1`` for numbered notes under a line ending in a colon).
        """
        if not self.position:
            return label if label == "a" or (label == "1" and self.colon) else None
        for candidate in continuations(self.position, self.letters_first):
            parent = parent_of(candidate)
            if parent in self.closed and parent != self.position:
                continue
            if candidate == label or ("." not in label and candidate.rsplit(".", 1)[-1] == label):
                return candidate
        return None

    def starts_sublist(self, position: str) -> bool:
        """True when ``position`` would open a new list (the first child of the current position, or the first line)."""
        return not self.position or parent_of(position) == self.position

    def add(self, position: str, line: str) -> None:
        """Append a line of the outline at ``position``, closing its list when the one before said "or"/"and"."""
        if not self.position:
            self.letters_first = position[0].isalpha()
        if self.starts_sublist(position) and not self.introduces:
            self.unintroduced += 1
        if self.closing:
            self.closed.add(parent_of(position))
        self.closing = bool(_CONNECTOR.search(line))
        self.position = position
        self.lines.append(line)

    def text(self) -> str:
        """The note as one text, its numbered lines each on a line of their own."""
        head = f"{self.number}. " if self.number else ""
        return head + "\n".join(self.lines)
