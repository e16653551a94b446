"""The standard set decided under each member's rules: the engine's decide-then-conclude path, one memo per run.

A run classifies each item once per list version (the memo), decides every line under every
member, and keeps the verdicts with the list versions and tables each member read. Faces that show
the report repeatedly use ``cached_divergence``: one run per members, date and inputs.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from regime.assess.diverge.compare import PairDivergence, Verdict, compare_members
from regime.assess.diverge.transactions import DESTINATIONS, StandardTransaction, standard_set
from regime.assess.diverge.variants import with_variants
from regime.determine.engine import determine
from regime.determine.jurisdiction import Jurisdiction
from regime.determine.memo import Memo
from regime.determine.parties import PartyIndex
from regime.determine.result import Determination, Outcome
from regime.errors import InputError, RegimeError
from regime.model.item import Item


@dataclass(frozen=True)
class Divergence:
    """The standard set's verdicts under each member, compared pair by pair, with what they were based on."""

    date: dt.date
    members: tuple[Jurisdiction, ...]
    transactions: tuple[StandardTransaction, ...]
    verdicts: tuple[Verdict, ...]
    pairs: tuple[PairDivergence, ...]
    basis: Mapping[str, tuple[str, ...]]
    items: Mapping[str, Item]
    seconds: float


def verdict_of(det: Determination, transaction: str, member: str) -> Verdict:
    """What the comparison keeps of a determination (requirement ids name the list and paragraph)."""
    return Verdict(
        transaction=transaction,
        member=member,
        outcome=det.outcome,
        at_least=det.at_least,
        exceptions=tuple(det.exceptions),
        requirements=tuple(dict.fromkeys(r.id.split(" (")[0] for r in det.requirements)),
        classes=tuple(det.classes),
        missing=tuple(det.missing),
    )


def decide_set(
    lines: Sequence[StandardTransaction],
    members: Sequence[Jurisdiction],
    date: dt.date,
    index: PartyIndex,
    catalogue: Mapping[str, Item],
) -> tuple[list[Verdict], dict[str, tuple[str, ...]]]:
    """Every line under every member; a line the engine cannot take is an open verdict naming why."""
    memo = Memo()
    verdicts: list[Verdict] = []
    basis: dict[str, dict[str, None]] = {m.id: {} for m in members}
    for line in lines:
        tx = line.transaction(date)
        for member in members:
            try:
                det = determine(tx, member, parties_index=index, catalogue=catalogue, memo=memo)
            except RegimeError as exc:
                verdicts.append(Verdict(line.id, member.id, Outcome.INDETERMINATE, missing=(f"engine: {exc}",)))
                continue
            verdicts.append(verdict_of(det, line.id, member.id))
            basis[member.id].update(dict.fromkeys(det.basis))
    return verdicts, {m: tuple(found) for m, found in basis.items()}


def divergence(
    members: Sequence[Jurisdiction],
    date: dt.date,
    index: PartyIndex,
    catalogue: Mapping[str, Item],
    destinations: tuple[str, ...] = DESTINATIONS,
) -> Divergence:
    """Decide the standard set (the catalogue with the threshold variants) and compare every pair of members."""
    start = time.perf_counter()
    items = with_variants(catalogue)
    lines = standard_set(items, date, destinations)
    verdicts, basis = decide_set(lines, members, date, index, items)
    pairs = compare_members(verdicts, [m.id for m in members])
    seconds = time.perf_counter() - start
    return Divergence(date, tuple(members), tuple(lines), tuple(verdicts), tuple(pairs), basis, items, seconds)


_RUNS: dict[tuple[tuple[str, ...], dt.date, int, int], Divergence] = {}


def cached_divergence(
    members: Sequence[Jurisdiction], date: dt.date, index: PartyIndex, catalogue: Mapping[str, Item]
) -> Divergence:
    """``divergence`` once per members, date, party index and catalogue (pages and the API ask repeatedly)."""
    key = (tuple(m.id for m in members), date, id(index), id(catalogue))
    found = _RUNS.get(key)
    if found is None:
        if len(_RUNS) >= 32:
            _RUNS.pop(next(iter(_RUNS)))
        found = _RUNS[key] = divergence(members, date, index, catalogue)
    return found


def parse_members(text: str, known: Sequence[str]) -> tuple[str, ...]:
    """``"US,NL,JP"`` -> ``("us", "nl", "jp")``: at least two members, each one of ``known``."""
    chosen = tuple(dict.fromkeys(m.strip().lower() for m in text.split(",") if m.strip()))
    unknown = [m for m in chosen if m not in known]
    if unknown:
        raise InputError(f"unknown member {', '.join(unknown)}; members: {', '.join(known)}", where="members")
    if len(chosen) < 2:
        raise InputError(f"expected two or more members separated by commas, got {text!r}", where="members")
    return chosen
