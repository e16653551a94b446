"""Decide an entry's paragraphs for one item: which match, which are unknown, which fail.

A paragraph with ``combine: any|all`` is a class whose encoded children are its characteristics
(3A090.a holds when a.1 or a.2 holds). A paragraph without ``combine`` but with encoded children is
a gate: its own criterion must hold, and its children are sub-classes reported in their own right.
A paragraph with neither is a class decided by its criterion alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from regime.lists.compiled import CEntry, CParagraph
from regime.lists.expr.context import Context


def and3(a: bool | None, b: bool | None) -> bool | None:
    """Three-valued and."""
    if a is False or b is False:
        return False
    return None if a is None or b is None else True


def combine3(function: str, results: list[bool | None]) -> bool | None:
    """Three-valued any/all."""
    decisive = function == "any"
    if decisive in results:
        return decisive
    return None if None in results else not decisive


@dataclass
class EntryOutcome:
    """Paragraph ids by outcome; ``gates_unknown`` maps an undecided class to the gate that left it so."""

    matched: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


class ParagraphJudge:
    """Evaluates one entry's paragraphs over one context, with optional forced criterion results."""

    def __init__(self, entry: CEntry, ctx: Context, forced: Mapping[str, bool] | None = None) -> None:
        self.entry = entry
        self.ctx = ctx
        self.forced = forced or {}

    def own(self, p: CParagraph) -> bool | None:
        """The paragraph's own criterion (True when it has none)."""
        if self.forced and p.paragraph.id in self.forced:
            return self.forced[p.paragraph.id]
        evaluate = p.evaluate
        return True if evaluate is None else evaluate(self.ctx.values, self.ctx)

    def match(self, p: CParagraph) -> bool | None:
        """Whether a class paragraph (with its characteristics) holds."""
        own = self.own(p)
        if own is False or not (p.paragraph.combine and p.children):
            return own
        children = [self.match(self.entry.paragraphs[c]) for c in p.children]
        return and3(own, combine3(p.paragraph.combine, children))

    def collect(self, p: CParagraph, outcome: EntryOutcome, gate: bool | None = True) -> None:
        """Sort the class paragraphs under ``p`` into matched, unknown and failed."""
        pid = p.paragraph.id
        if p.is_class:
            result = self.match(p) if gate is True else and3(gate, self.match(p))
            if result is True:
                outcome.matched.append(pid)
            elif result is None:
                outcome.unknown.append(pid)
            else:
                outcome.failed.append(pid)
            return
        own = and3(gate, self.own(p))
        if own is False:
            outcome.failed.append(pid)
            return
        if own is None:
            # An undecided gate is reported once, unless every sub-class fails whatever the gate says.
            below = EntryOutcome()
            for child in p.children:
                self.collect(self.entry.paragraphs[child], below, True)
            (outcome.unknown if below.matched or below.unknown else outcome.failed).append(pid)
            return
        for child in p.children:
            self.collect(self.entry.paragraphs[child], outcome, own)

    def decide_roots(self) -> Iterator[EntryOutcome]:
        """Each top-level paragraph's classes, decided in order (the caller may stop early)."""
        for root in self.entry.roots:
            outcome = EntryOutcome()
            self.collect(self.entry.paragraphs[root], outcome)
            yield outcome

    def holds_with(self, forced: Mapping[str, bool], unit: str) -> bool | None:
        """Whether class paragraph ``unit`` (and its gates) would hold with some criteria forced."""
        judge = ParagraphJudge(self.entry, self.ctx, {**self.forced, **forced})
        outcome = EntryOutcome()
        root = [unit, *self.entry.ancestors(unit)][-1]
        judge.collect(self.entry.paragraphs[root], outcome)
        return unit in outcome.matched
