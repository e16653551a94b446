"""Where two members decide the same transaction differently: one lets it go, the other refuses it.

Pure over verdicts. A member *allows* a transaction when its answer is no licence required or a
licence exception; it *refuses* when it requires a licence, presumes denial or prohibits (or when
an indeterminate answer has already established at least a licence requirement). A *leak* is a
transaction one member allows and the other refuses: the controlled item can leave through the
more permissive member. A pair where either side is still open (indeterminate, not yet refusing)
is *unresolved*, never counted as agreement or as a leak.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Literal

from regime.determine.result import Outcome

Stance = Literal["allows", "refuses", "open"]
ALLOWS = frozenset({Outcome.NO_LICENCE_REQUIRED, Outcome.EXCEPTION_AVAILABLE})


@dataclass(frozen=True)
class Verdict:
    """One member's answer on one standard transaction, reduced to what the comparison reads."""

    transaction: str
    member: str
    outcome: Outcome
    at_least: Outcome | None = None
    exceptions: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def stance(self) -> Stance:
        """Allows, refuses or still open."""
        if self.outcome in ALLOWS:
            return "allows"
        if self.outcome.rank >= Outcome.LICENCE_REQUIRED.rank:
            return "refuses"
        if self.at_least is not None and self.at_least.rank >= Outcome.LICENCE_REQUIRED.rank:
            return "refuses"
        return "open"

    @property
    def how(self) -> str:
        """How a person reads the answer: the outcome, with the exceptions or requirements behind it."""
        if self.exceptions:
            return f"{self.outcome.label} ({', '.join(self.exceptions)})"
        return self.outcome.label


@dataclass(frozen=True)
class Leak:
    """A transaction ``permissive`` allows and ``strict`` refuses, and the list entries that make it refuse."""

    transaction: str
    permissive: str
    strict: str
    allowed: str
    refused: Outcome
    entries: tuple[str, ...]
    permissive_classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class PairDivergence:
    """Two members over the same transactions: leaks each way, agreements, and what is unresolved."""

    first: str
    second: str
    leaks: tuple[Leak, ...] = ()
    agree: int = 0
    differ: int = 0
    unresolved: tuple[str, ...] = field(default=())

    def through(self, member: str) -> tuple[Leak, ...]:
        """The leaks where ``member`` is the permissive one."""
        return tuple(leak for leak in self.leaks if leak.permissive == member)


def leak(a: Verdict, b: Verdict) -> Leak | None:
    """The leak when ``a`` allows what ``b`` refuses (the same transaction), else None."""
    if a.transaction != b.transaction:
        raise ValueError(f"different transactions: {a.transaction!r} and {b.transaction!r}")
    if a.stance != "allows" or b.stance != "refuses":
        return None
    refused = b.outcome if b.outcome is not Outcome.INDETERMINATE else b.at_least or b.outcome
    return Leak(a.transaction, a.member, b.member, a.how, refused, b.requirements, a.classes)


def compare_pair(
    first_member: str, second_member: str, first: Sequence[Verdict], second: Sequence[Verdict]
) -> PairDivergence:
    """Two members' verdicts on the same transactions (matched by transaction id)."""
    others = {v.transaction: v for v in second}
    if len(others) != len(second) or {v.transaction for v in first} != set(others):
        raise ValueError("both members must have exactly one verdict per transaction")
    leaks: list[Leak] = []
    agree = differ = 0
    unresolved: list[str] = []
    for a in first:
        b = others[a.transaction]
        found = leak(a, b) or leak(b, a)
        if found is not None:
            leaks.append(found)
        elif "open" in (a.stance, b.stance):
            unresolved.append(a.transaction)
        elif a.outcome == b.outcome:
            agree += 1
        else:
            differ += 1  # both allow, or both refuse, on different terms
    return PairDivergence(first_member, second_member, tuple(leaks), agree, differ, tuple(unresolved))


def compare_members(verdicts: Iterable[Verdict], members: Sequence[str]) -> list[PairDivergence]:
    """Every pair of ``members`` (in the order given) over the verdicts."""
    by_member: dict[str, list[Verdict]] = {m: [] for m in members}
    for verdict in verdicts:
        if verdict.member in by_member:
            by_member[verdict.member].append(verdict)
    return [compare_pair(a, b, by_member[a], by_member[b]) for a, b in combinations(members, 2)]


def leak_entries(pairs: Iterable[PairDivergence]) -> Mapping[str, int]:
    """How many leaks each refusing list entry (requirement) accounts for, most first."""
    counts: dict[str, int] = {}
    for pair in pairs:
        for found in pair.leaks:
            for entry in found.entries:
                counts[entry] = counts.get(entry, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
