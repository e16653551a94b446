"""Compiled loops of the candidate search (``search.py``): one pass over a word's or a query's postings.

Each function walks the postings once with a scratch array the size of the index (``slot``:
-1 everywhere between calls, a name's row in the output while a call runs), so a query costs
the postings it touches and never the size of the list. They are compiled by numba on first
use (and cached beside this file), hold the GIL while they run (the scratch is shared by the
threads of one process) and give exactly what the same loops would in Python.

A word's table has one row per name it reaches, sorted by name: ``[name, query side, both
sides, extra query side, extra both sides, anchor]``: what the word adds to the name, what
more it adds where the names are anchored, and 1 where the word can anchor the name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import numba
import numpy as np
import numpy.typing as npt

from regime.screen.similarity import ANCHOR, INITIAL_SIMILARITY, JOINED_SIMILARITY, ONE_SIDED, TWO_SIDED

COLUMNS = 6
SLACK = 1e-9  # sums taken in another order may differ in the last bits: a bound never drops a name for that

Table = npt.NDArray[np.float64]
Ids = npt.NDArray[np.intp]
Function = TypeVar("Function", bound=Callable[..., Any])


def _compile(function: Function) -> Function:
    """``function`` compiled to machine code on first use, the compiled code cached beside this file."""
    return cast(Function, numba.njit(cache=True)(function))


@_compile
def similarity_bound(have_q: float, have_m: float, total: float, theirs: float) -> float:
    """The most ``similarity.align`` can give two names of weights ``total`` and ``theirs`` whose
    query side matched at most ``have_q`` and list side at most ``have_m``.

    What is left unmatched costs at least ``ONE_SIDED`` on the side missing more and
    ``TWO_SIDED`` on the other.
    """
    matched = have_q + have_m
    if matched <= 0.0:
        return 0.0
    left_q, left_m = total - have_q, theirs - have_m
    return matched / (matched + ONE_SIDED * max(left_q, left_m) + TWO_SIDED * min(left_q, left_m))


@_compile
def _row_for(name: int, slot: Ids, names: Ids, count: int) -> tuple[int, int]:
    """The output row of ``name`` in a call that has ``count`` rows so far (a new one, noted in
    ``slot`` and ``names``, for a name met first), and the count after it."""
    row = slot[name]
    if row >= 0:
        return row, count
    slot[name] = count
    names[count] = name
    return count, count + 1


@_compile
def word_table(
    postings: Ids, lengths: Ids, rows: Table, anchors: npt.NDArray[np.bool_], slot: Ids
) -> tuple[Table, float, float]:
    """One query word's table from its partners, sorted by name, and the most it adds to any name
    on the query side and on the list side.

    Partner k holds the next ``lengths[k]`` names of ``postings`` and gives each ``rows[k]``
    (query and list side, not anchored, then anchored); a name reached by several partners keeps
    the largest of each; ``anchors[k]``: partner k can anchor its names.
    """
    size = postings.shape[0]
    names = np.empty(size, dtype=np.intp)
    best = np.zeros((size, 4))
    anchored = np.zeros(size, dtype=np.bool_)
    count = 0
    at = 0
    for k in range(lengths.shape[0]):
        for e in range(at, at + lengths[k]):
            row, count = _row_for(postings[e], slot, names, count)
            for c in range(4):
                best[row, c] = max(best[row, c], rows[k, c])
            anchored[row] = anchored[row] or anchors[k]
        at += lengths[k]
    most_q = 0.0
    most_m = 0.0
    for row in range(count):
        slot[names[row]] = -1
        most_q = max(most_q, best[row, 2])  # anchored, a side gets at least as much
        most_m = max(most_m, best[row, 3])
    table = np.empty((count, COLUMNS))
    for out, row in enumerate(np.argsort(names[:count])):
        plain_q, plain_both = best[row, 0], best[row, 0] + best[row, 1]
        table[out, 0], table[out, 1], table[out, 2] = names[row], plain_q, plain_both
        table[out, 3], table[out, 4] = best[row, 2] - plain_q, best[row, 2] + best[row, 3] - plain_both
        table[out, 5] = 1.0 if anchored[row] else 0.0
    return table, most_q, most_m


@_compile
def _add(table: Table, e: int, row: int, sums: Table) -> None:
    """Row ``e`` of a word table into a name's sums (the anchor mark as a maximum)."""
    for c in range(4):
        sums[row, c] += table[e, c + 1]
    sums[row, 4] = max(sums[row, 4], table[e, 5])


@_compile
def _first_at_least(table: Table, start: int, end: int, name: float) -> int:
    """The first row of ``table[start:end]`` (sorted by name) whose name is ``name`` or more."""
    while start < end:
        middle = (start + end) // 2
        if table[middle, 0] < name:
            start = middle + 1
        else:
            end = middle
    return start


@_compile
def query_reach(
    table: Table,
    lengths: Ids,
    essential: int,
    heaviest: Table,
    total: float,
    totals: Table,
    floor: float,
    slot: Ids,
) -> tuple[Ids, Table, Table]:
    """Add up a query's word tables: (names, Dice bound, ``similarity_bound``) for the names whose
    Dice bound reaches ``floor``.

    Word w's rows are the ``lengths[w]`` after the words before it, sorted by name. Only the first
    ``essential`` words bring names in: the others together cannot lift a name to ``floor``
    (``search.essential_words``), so they are only looked up for the names already in, by
    binary search where they hold many more rows than there are names; and essential word w
    brings in only names no heavier than ``heaviest[w]``, the most a name met first there can
    weigh and still reach the floor with the words from w on (``search.heaviest_new``). Each
    side's matched weight is at most the sum of its words' gains and at most its total; the
    extra sides count only for names some word can anchor.
    """
    starts = np.zeros(lengths.shape[0] + 1, dtype=np.intp)
    starts[1:] = np.cumsum(lengths)
    size = starts[essential]
    names = np.empty(size, dtype=np.intp)
    sums = np.zeros((size, 5))
    count = 0
    for w in range(essential):
        for e in range(starts[w], starts[w + 1]):
            name = int(table[e, 0])
            row = slot[name]
            if row < 0:
                if totals[name] > heaviest[w]:
                    continue
                row, count = _row_for(name, slot, names, count)
            _add(table, e, row, sums)
    for w in range(essential, starts.shape[0] - 1):
        start, end = starts[w], starts[w + 1]
        if end - start > 16 * count:
            for row in range(count):
                e = _first_at_least(table, start, end, float(names[row]))
                while e < end and table[e, 0] == names[row]:
                    _add(table, e, row, sums)
                    e += 1
        else:
            for e in range(start, end):
                row = slot[int(table[e, 0])]
                if row >= 0:
                    _add(table, e, row, sums)
    found = np.empty(count, dtype=np.intp)
    dice = np.empty(count)
    most = np.empty(count)
    out = 0
    for row in range(count):
        name = names[row]
        slot[name] = -1
        theirs = totals[name]
        ours, both = sums[row, 0], sums[row, 1]
        if sums[row, 4] > 0.0:
            ours, both = ours + sums[row, 2], both + sums[row, 3]
        if both < floor * (total + theirs) - SLACK:
            continue
        matched_m = min(both - ours, theirs)
        matched_q = min(ours, total)
        value = (matched_q + matched_m) / (total + theirs)
        if value >= floor - SLACK:
            found[out], dice[out] = name, value
            most[out] = similarity_bound(matched_q, matched_m, total, theirs)
            out += 1
    return found[:out], dice[:out], most[:out]


@_compile
def partner_table(
    ids: Ids,
    scores: Table,
    splits: Ids,
    weight: float,
    letter: int,
    posting_start: Ids,
    posting_ids: Ids,
    token_weight: Table,
    token_length: Ids,
    slot: Ids,
) -> tuple[Table, float, float]:
    """A query word's table (``word_table``) from its partners in the vocabulary.

    Partner k (vocabulary number ``ids[k]``, similarity ``scores[k]``) reaches the names of its
    postings (``posting_ids[posting_start[t]:posting_start[t + 1]]``, ascending) with what
    ``search.word_sides`` gives and anchors them where ``search.can_anchor`` says. A query
    initial (``letter``: the code point of a one-character query token, else -1) also reaches,
    as an initial, the names with a word starting with it (the postings after the
    vocabulary's, one per letter a-z); each split ``[head, tail]`` of the query word reaches the
    names holding both at ``JOINED_SIMILARITY``.
    """
    partners = ids.shape[0]
    marker = token_length.shape[0] + letter - 97 if 97 <= letter <= 122 else -1
    chunks = partners + 1 + splits.shape[0]
    lengths = np.zeros(chunks, dtype=np.intp)
    rows = np.zeros((chunks, 4))
    anchors = np.zeros(chunks, dtype=np.bool_)
    runs = np.zeros((chunks, 2), dtype=np.intp)  # where each chunk's names are read from
    for k in range(partners):
        token, score, theirs = ids[k], scores[k], token_weight[ids[k]]
        runs[k, 0], runs[k, 1] = posting_start[token], posting_start[token + 1]
        if token_length[token] == 1:  # the list's initial: counts as the initial unless anchored
            rows[k, 0], rows[k, 1] = score * min(weight, theirs), score * theirs
        else:
            rows[k, 0], rows[k, 1] = score * weight, score * theirs
            anchors[k] = weight >= 1.0 and letter < 0 and score >= ANCHOR and theirs >= 1.0
        rows[k, 2], rows[k, 3] = score * weight, score * theirs
    if marker >= 0:
        runs[partners, 0], runs[partners, 1] = posting_start[marker], posting_start[marker + 1]
        score = INITIAL_SIMILARITY
        rows[partners, 0], rows[partners, 1] = score * weight, score * weight
        rows[partners, 2], rows[partners, 3] = score * weight, score * 1.0
    size = 0
    for k in range(partners + 1):
        lengths[k] = runs[k, 1] - runs[k, 0]
        size += lengths[k]
    for s in range(splits.shape[0]):
        head, tail = splits[s, 0], splits[s, 1]
        size += min(posting_start[head + 1] - posting_start[head], posting_start[tail + 1] - posting_start[tail])
    postings = np.empty(size, dtype=np.intp)
    at = 0
    for k in range(partners + 1):
        postings[at : at + lengths[k]] = posting_ids[runs[k, 0] : runs[k, 1]]
        at += lengths[k]
    for s in range(splits.shape[0]):
        head, tail = splits[s, 0], splits[s, 1]
        k = partners + 1 + s
        lengths[k] = _both(posting_ids, posting_start[head : head + 2], posting_start[tail : tail + 2], postings, at)
        ours, theirs = JOINED_SIMILARITY * weight, JOINED_SIMILARITY * (token_weight[head] + token_weight[tail])
        rows[k, 0], rows[k, 1], rows[k, 2], rows[k, 3] = ours, theirs, ours, theirs
        at += lengths[k]
    return word_table(postings[:at], lengths, rows, anchors, slot)


@_compile
def _both(postings: Ids, first: Ids, second: Ids, out: Ids, at: int) -> int:
    """Write the names in both ascending runs of ``postings`` (from ``first[0]`` to ``first[1]``,
    from ``second[0]`` to ``second[1]``) to ``out`` from ``at``; how many there are."""
    a, a_end, b, b_end = first[0], first[1], second[0], second[1]
    count = 0
    while a < a_end and b < b_end:
        if postings[a] < postings[b]:
            a += 1
        elif postings[a] > postings[b]:
            b += 1
        else:
            out[at + count] = postings[a]
            count += 1
            a += 1
            b += 1
    return count
