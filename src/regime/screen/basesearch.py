"""Which records of the screened base a list entry may match, read from the base file.

The reverse of the index's search: a new or changed list entry is the query, the base is the
list. For each word of each of the entry's names, the base's tokens sharing a lookup key
are fetched (``keys.lookup_keys``: a word also finds the base's initials) and their similarity
computed; an initial of the entry meets the records with a word starting with its letter
(``keys.starting_with``); words glued are looked for in either order on either side. The
partners are taken rarest first, and each brings in only the records light enough for it, with
the best partners not yet taken, to reach the similarity floor (``_heaviest``, MaxScore): the
common words come last, when little is left, and mostly bring in nothing. A record brought in
is bounded from the token lists (``basestore.Lists``: which of all the partners it holds, a
binary search each), initials counting fully only for records holding a word which may anchor
the names, as in ``search.py``; only the records left are read from the base, bounded from
their own name forms, and scored.
"""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from regime.screen import basestore
from regime.screen.index import IndexedParty
from regime.screen.kernels import SLACK, similarity_bound
from regime.screen.keys import lookup_keys, starting_with
from regime.screen.normalise import NameForm
from regime.screen.search import can_anchor, word_sides
from regime.screen.similarity import INITIAL_SIMILARITY, JOINED_SIMILARITY, ONE_SIDED, TWO_SIDED, dice_floor, similar
from regime.screen.words import INITIAL_WEIGHT

Sides = tuple[float, float]  # what a word may match on the list's side and on the record's
Partner = tuple[str, float, float, int]  # base token, similarity, its weight, how many records hold it
Values = npt.NDArray[np.float64]
Ids = npt.NDArray[np.int64]
EVERY_RECORD = 1 << 40  # how many records an initial's letter is taken to reach: it is read last


def _partners(db: sqlite3.Connection, form: NameForm, i: int) -> list[Partner]:
    token, key, folded, symbols = form.tokens[i], form.skeletons[i], form.folded[i], form.symbols[i]
    found = basestore.vocab_for_keys(db, list(lookup_keys(token, key, folded, symbols)))
    partners: list[Partner] = []
    for other, ((weight, skeleton, other_folded, other_symbols), df) in found.items():
        score = similar(token, symbols, key, folded, other, other_symbols, skeleton, other_folded)
        if score > 0.0:
            partners.append((other, score, weight, df))
    if len(token) == 1 and token.isalpha():  # an initial: any word with its letter, worth an initial
        partners.append((starting_with(token), INITIAL_SIMILARITY, INITIAL_WEIGHT, EVERY_RECORD))
    return partners


@dataclass
class EntryGains:
    """What each word of one list name form may add to a record, by the base's tokens.

    ``partners[i]``: word i's partners in the base with their sides not anchored, anchored, and
    whether they may anchor the names; ``split[i]``: the cuts of word i a record may hold as two
    words, with their sides; ``glued``: two words of the entry a record may write as one.
    """

    partners: list[dict[str, tuple[Sides, Sides, bool]]]
    split: list[list[tuple[str, str, Sides]]]
    glued: dict[str, Sides]
    counts: list[tuple[int, int, str, str]]  # (records holding it, word, partner or head, tail of a split)

    @classmethod
    def of(cls, db: sqlite3.Connection, form: NameForm) -> EntryGains:
        """Look the words of ``form`` up in the base."""
        tokens, weights = form.tokens, form.weights
        pairs = {
            tokens[i] + tokens[j]: weights[i] + weights[j] for i, j in itertools.permutations(range(len(tokens)), 2)
        }
        cuts = {token: [(token[:c], token[c:]) for c in range(1, len(token))] for token in tokens}
        held = basestore.token_weights(
            db, [*pairs, *(part for split in cuts.values() for cut in split for part in cut)]
        )
        found = cls([{} for _ in tokens], [[] for _ in tokens], {}, [])
        found.glued = {g: (JOINED_SIMILARITY * w, JOINED_SIMILARITY * held[g]) for g, w in pairs.items() if g in held}
        for i, (token, weight) in enumerate(zip(tokens, weights, strict=True)):
            for other, score, their_weight, df in _partners(db, form, i):
                full = word_sides(score, weight, other, their_weight, anchored=True)
                plain = word_sides(score, weight, other, their_weight, anchored=False)
                found.partners[i][other] = plain, full, can_anchor(token, weight, other, score, their_weight)
                found.counts.append((df, i, other, ""))
            for head, tail in cuts[token]:
                if head in held and tail in held:
                    glue = (JOINED_SIMILARITY * weight, JOINED_SIMILARITY * (held[head] + held[tail]))
                    found.split[i].append((head, tail, glue))
                    found.counts.append((0, i, head, tail))
        return found

    def sides(self, i: int, anchored: bool) -> list[Sides]:
        """Every way word ``i`` may meet a record, on both sides."""
        met = [full if anchored else plain for plain, full, _ in self.partners[i].values()]
        return met + [glue for *_, glue in self.split[i]]


class Left:
    """What each word may still add, on each side, to a record no partner read so far holds."""

    def __init__(self, words: list[list[Sides]], glued: list[Sides]) -> None:
        self.q = [sorted(q for q, _ in word) for word in words]
        self.m = [sorted(m for _, m in word) for word in words]
        self.glued = glued

    def most(self) -> Sides:
        """The most that is left on each side: every word's best partner not read, every glued pair."""
        return (
            sum(word[-1] for word in self.q if word) + sum(q for q, _ in self.glued),
            sum(word[-1] for word in self.m if word) + sum(m for _, m in self.glued),
        )

    def take(self, i: int, sides: Sides) -> None:
        """Word ``i`` has read a partner of these ``sides`` (``i`` -1: a glued pair)."""
        if i < 0:
            self.glued.remove(sides)
        else:
            self.q[i].remove(sides[0])
            self.m[i].remove(sides[1])


@dataclass(frozen=True, slots=True)
class Read:
    """One way a word of a list name form may meet a record: the group it adds to (``group``: the
    word, or a glued pair past the words), its sides not anchored and anchored, the heaviest record
    it brings in (``cut``; -1: none) and the tokens a record must hold (a partner, or two halves)."""

    group: int
    plain: Sides
    full: Sides
    cut: float
    tokens: tuple[str, ...]


def form_candidates(db: sqlite3.Connection, form: NameForm, floor: float, lists: basestore.Lists) -> set[int]:
    """The records whose similarity with one list name form may reach ``floor``.

    The partners are taken rarest first, each bringing in the records it could lift to the floor
    with what the partners not yet taken may add (MaxScore: ``_heaviest``); the common ones come
    when little is left and most bring in nothing. Each record brought in is then bounded from
    the token lists (``_bounded``), and only those left are read from the base and bounded from
    their own name forms (``_any_may_reach``).
    """
    entry = EntryGains.of(db, form)
    words, glued = range(len(form.tokens)), list(entry.glued.values())
    plain = Left([entry.sides(i, anchored=False) for i in words], list(glued))
    full = Left([entry.sides(i, anchored=True) for i in words], list(glued))
    anchoring = {other for word in entry.partners for other, (*_, anchors) in word.items() if anchors}
    reads: list[Read] = []

    def step(i: int, unanchored: Sides, anchoring: Sides) -> float:
        """Word ``i`` (-1: a glued pair) takes a partner: the heaviest record it may lift."""
        plain.take(i, unanchored)
        full.take(i, anchoring)
        ours = _heaviest(_plus(unanchored, plain.most()), form.total, floor)
        return max(ours, _heaviest(_plus(anchoring, full.most()), form.total, floor))

    for group, (token, glue) in enumerate(entry.glued.items(), start=len(form.tokens)):  # two words as one
        reads.append(Read(group, glue, glue, step(-1, glue, glue), (token,)))
    for _, i, other, tail in sorted(entry.counts):  # rarest first
        tokens: tuple[str, ...] = (other, tail) if tail else (other,)
        if tail:  # one word of the entry a record writes as two
            glue = next(glue for h, t, glue in entry.split[i] if h == other and t == tail)
            unanchored = anchored_sides = glue
        else:
            unanchored, anchored_sides, _ = entry.partners[i][other]
        reads.append(Read(i, unanchored, anchored_sides, step(i, unanchored, anchored_sides), tokens))
    kept = _bounded(lists, reads, anchoring, form.total, floor)
    found = basestore.forms_of(db, kept.tolist())
    return {rid for rid, forms in found.items() if _any_may_reach(entry, form, forms, floor)}


def _held(lists: basestore.Lists, tokens: tuple[str, ...]) -> tuple[Ids, Values]:
    """The records holding every one of ``tokens``, with the least a name form holding them weighs."""
    rids, totals = lists.of(tokens[0])
    for token in tokens[1:]:
        other, weights = lists.of(token)
        rids, mine, theirs = np.intersect1d(rids, other, assume_unique=True, return_indices=True)
        totals = np.maximum(totals[mine], weights[theirs])
    return rids, totals


def _positions(held: Ids, rids: Ids) -> tuple[Ids, npt.NDArray[np.bool_]]:
    """Where each of ``rids`` is in the sorted ``held``, and whether it is there at all."""
    at = np.minimum(np.searchsorted(held, rids), max(len(held) - 1, 0))
    return at, (held[at] == rids) if len(held) else np.zeros(len(rids), dtype=np.bool_)


def _bounded(lists: basestore.Lists, reads: list[Read], anchoring: set[str], total: float, floor: float) -> Ids:
    """The records some read brings in whose bound may reach ``floor`` against a name of weight ``total``.

    A record gets in each group, on each side, the best of the reads it holds (anchored sides if it
    holds an anchoring word), each side capped at its total; it weighs at least the lightest of its
    name forms the reads met. Both bounds of ``_may_reach`` must let it through; they are largest
    where the record weighs what it matched (``_weighing``).
    """
    brought = []
    for read in reads:
        if read.cut >= 0.0:
            held, totals = _held(lists, read.tokens)
            brought.append(held[totals <= read.cut])
    rids = np.unique(np.concatenate(brought)) if brought else np.zeros(0, dtype=np.int64)
    if not len(rids):
        return rids
    lightest = np.full(len(rids), np.inf)
    have = np.zeros((4, len(rids)))  # query and list side not anchored, then anchored
    groups: dict[int, list[Read]] = {}
    for read in reads:
        groups.setdefault(read.group, []).append(read)
    for members in groups.values():
        best = np.zeros((4, len(rids)))
        for read in members:
            held, totals = _held(lists, read.tokens)
            at, there = _positions(held, rids)
            best[:, there] = np.maximum(best[:, there], np.array(read.plain + read.full)[:, None])
            lightest[there] = np.minimum(lightest[there], totals[at[there]])
        have += best
    anchored = np.zeros(len(rids), dtype=np.bool_)
    for token in anchoring:
        anchored |= _positions(lists.of(token)[0], rids)[1]
    have_q = np.minimum(np.where(anchored, have[2], have[0]), total)
    have_m = np.where(anchored, have[3], have[1])
    may = _may_reach_all(have_q, have_m, total, _weighing(lightest, have_m), floor)
    return rids[may]


def _weighing(lightest: Values, have_m: Values) -> Values:
    """The weight at which a record at least ``lightest`` heavy that matched at most ``have_m`` is bounded
    highest: both bounds grow with its weight up to what it matched, and fall beyond."""
    return np.maximum(lightest, have_m)


def _may_reach_all(have_q: Values, have_m: Values, total: float, theirs: Values, floor: float) -> npt.NDArray[np.bool_]:
    """``_may_reach`` over arrays of records (``have_q`` already capped at ``total``)."""
    have_m = np.minimum(have_m, theirs)
    dice = (have_q + have_m) / (total + theirs)
    return (dice >= dice_floor(floor) - SLACK) & (similarity_bounds(have_q, have_m, total, theirs) >= floor - SLACK)


def similarity_bounds(have_q: Values, have_m: Values, total: float, theirs: Values) -> Values:
    """``kernels.similarity_bound`` over arrays of names."""
    matched = have_q + have_m
    left_q, left_m = total - have_q, theirs - have_m
    cost = matched + ONE_SIDED * np.maximum(left_q, left_m) + TWO_SIDED * np.minimum(left_q, left_m)
    return np.where(matched > 0.0, matched / np.where(cost > 0.0, cost, 1.0), 0.0)


def _any_may_reach(entry: EntryGains, form: NameForm, forms: list[tuple[float, frozenset[str]]], floor: float) -> bool:
    """Whether any of a record's ``forms`` (total weight, tokens) may reach ``floor`` against ``form``."""
    for total, record in forms:
        letters = {starting_with(t[0]) for t in record if len(t) > 1}
        met = [[g for other, g in word.items() if other in record or other in letters] for word in entry.partners]
        anchored = any(anchors for word in met for *_, anchors in word)
        have = [glue for token, glue in entry.glued.items() if token in record]
        for word, halves in zip(met, entry.split, strict=True):  # each word meets one partner: its best on each side
            options = [full if anchored else plain for plain, full, _ in word]
            options += [glue for h, t, glue in halves if h in record and t in record]
            if options:
                have.append((max(q for q, _ in options), max(m for _, m in options)))
        if _may_reach(have, form.total, total, floor):
            return True
    return False


def _plus(a: Sides, b: Sides) -> Sides:
    return a[0] + b[0], a[1] + b[1]


def _heaviest(most: Sides, total: float, floor: float) -> float:
    """The heaviest record that may reach the similarity ``floor`` against an entry of weight ``total``
    when at most ``most`` can match on the entry's side and on the record's (-1 when none may).

    The most ``similarity.align`` gives is ``M / (M + ONE_SIDED max(u_q, u_m) + TWO_SIDED min(u_q, u_m))``
    (``kernels.similarity_bound``), and no more than the Dice coefficient allows (``dice_floor``);
    a heavier record only leaves more of itself unmatched.
    """
    if floor <= 0:
        return float("inf")
    have_q, have_m = min(most[0], total), most[1]
    matched, left_q = have_q + have_m, total - have_q
    room = matched * (1.0 / floor - 1.0)  # what the unmatched weight may cost
    if ONE_SIDED * left_q > room + SLACK:
        return -1.0
    left_m = (room - TWO_SIDED * left_q) / ONE_SIDED  # the record misses more than the entry
    if left_m < left_q:
        left_m = (room - ONE_SIDED * left_q) / TWO_SIDED  # the record misses less
    return min(have_m + left_m, matched / dice_floor(floor) - total) + SLACK


def _may_reach(gains: list[tuple[float, float]], total: float, theirs: float, floor: float) -> bool:
    """Whether names of weights ``total`` and ``theirs`` that matched at most the sum of ``gains``
    on each side (each capped at its total) may reach the similarity ``floor``: both bounds of
    ``search.NameSearch.reach`` must let them."""
    have_q = min(sum(q for q, _ in gains), total)
    have_m = min(sum(m for _, m in gains), theirs)
    dice = (have_q + have_m) / (total + theirs)
    return dice >= dice_floor(floor) - SLACK and similarity_bound(have_q, have_m, total, theirs) >= floor - SLACK


def party_candidates(
    db: sqlite3.Connection, party: IndexedParty, floor: float, lists: basestore.Lists | None = None
) -> set[int]:
    """The records whose similarity may reach ``floor`` against any name of ``party`` (``lists``: the
    base's token lists, shared by the entries of one re-screen)."""
    lists = lists or basestore.Lists(db)
    found: set[int] = set()
    for name in party.names:
        found |= form_candidates(db, name.form, floor, lists)
    return found
