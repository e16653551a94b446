"""The smallest membership that holds a target share (e.g. 90%) of every technology of concern.

Two searches over the countries with a share in the table. ``greedy_cover`` adds, one at a time,
the country that closes most of the remaining shortfall (ties: alphabetical), then drops any member
no longer needed:
quick, but not guaranteed smallest. ``exact_cover`` tries every set of 1, 2, 3 ... candidates and
so is guaranteed smallest; it runs when the number of sets to try stays under a limit. Countries
can be excluded (the country of concern). Inputs the allowed named countries cannot bring to the
target (shares unknown, too much reported only for aggregates or held by excluded countries) are
set aside and listed, never silently counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from math import comb

from regime.assess.coverage import InputShares

EPS = 1e-9


@dataclass(frozen=True)
class Cover:
    """A covering membership, how it was found, and the inputs set aside with the reason."""

    members: tuple[str, ...]
    added: tuple[str, ...]
    method: str
    target: float
    reached: dict[str, float]
    set_aside: dict[str, str]
    alternatives: int = 1


def _shortfall(inputs: Sequence[InputShares], members: set[str], target: float) -> float:
    return sum(max(0.0, target - s.member_share(members)) for s in inputs)


def _split(
    inputs: Sequence[InputShares], target: float, exclude: frozenset[str]
) -> tuple[list[InputShares], dict[str, str]]:
    usable: list[InputShares] = []
    set_aside: dict[str, str] = {}
    for shares in inputs:
        if not shares.known:
            set_aside[shares.input_id] = "no shares in the table"
            continue
        reachable = sum(f for c, f in shares.countries.items() if c not in exclude)
        if reachable + EPS < target:
            outside = f" without {', '.join(sorted(exclude))}" if exclude else ""
            set_aside[shares.input_id] = f"only {reachable:.1%} is attributed to named countries{outside}"
            continue
        usable.append(shares)
    return usable, set_aside


def _candidates(inputs: Sequence[InputShares], base: set[str], exclude: frozenset[str]) -> list[str]:
    return sorted({c for s in inputs for c, f in s.countries.items() if f > 0} - base - exclude)


def _result(
    inputs: Sequence[InputShares],
    base: set[str],
    chosen: set[str],
    method: str,
    target: float,
    set_aside: dict[str, str],
    alternatives: int = 1,
) -> Cover:
    members = base | chosen
    reached = {s.input_id: s.member_share(members) for s in inputs}
    return Cover(tuple(sorted(members)), tuple(sorted(chosen)), method, target, reached, set_aside, alternatives)


def greedy_cover(
    inputs: Sequence[InputShares], target: float, base: Sequence[str] = (), exclude: Sequence[str] = ()
) -> Cover:
    """Greedy search with pruning: a covering membership, not guaranteed to be the smallest."""
    usable, set_aside = _split(inputs, target, frozenset(exclude))
    start = set(base)
    chosen: list[str] = []
    candidates = _candidates(usable, start, frozenset(exclude))
    while (now := _shortfall(usable, start | set(chosen), target)) > EPS:
        best, best_gain = None, EPS
        for country in candidates:
            gain = now - _shortfall(usable, start | set(chosen) | {country}, target)
            if country not in chosen and gain > best_gain + EPS:
                best, best_gain = country, gain
        if best is None:
            break
        chosen.append(best)
    for country in reversed(list(chosen)):
        trial = start | (set(chosen) - {country})
        if _shortfall(usable, trial, target) <= EPS:
            chosen.remove(country)
    return _result(usable, start, set(chosen), "greedy", target, set_aside)


def exact_cover(
    inputs: Sequence[InputShares],
    target: float,
    base: Sequence[str] = (),
    exclude: Sequence[str] = (),
    limit: int = 100_000,
) -> Cover | None:
    """Exhaustive search, smallest first: the guaranteed smallest cover, or ``None`` past ``limit`` sets.

    Among the smallest sets, the one with the highest lowest share is returned; ``alternatives``
    counts how many sets of that size reach the target.
    """
    usable, set_aside = _split(inputs, target, frozenset(exclude))
    start = set(base)
    candidates = _candidates(usable, start, frozenset(exclude))
    tried = 0
    for size in range(len(candidates) + 1):
        tried += comb(len(candidates), size)
        if tried > limit:
            return None
        found = [
            set(combo)
            for combo in combinations(candidates, size)
            if _shortfall(usable, start | set(combo), target) <= EPS
        ]
        if found:
            best = max(found, key=lambda s: min((i.member_share(start | s) for i in usable), default=1.0))
            return _result(usable, start, best, "exhaustive", target, set_aside, len(found))
    return None


def smallest_cover(
    inputs: Sequence[InputShares],
    target: float,
    base: Sequence[str] = (),
    exclude: Sequence[str] = (),
    limit: int = 100_000,
) -> Cover:
    """The exhaustive answer when the search is small enough, else the greedy one (``method`` says which)."""
    return exact_cover(inputs, target, base, exclude, limit) or greedy_cover(inputs, target, base, exclude)
