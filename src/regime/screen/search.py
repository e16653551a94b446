"""Candidate search over a set of names: which names may reach a similarity floor with a query.

``NameSearch.reach`` gives, for every name whose bound reaches the floor, an upper bound of
its similarity with the query, as a Dice coefficient (``similarity.dice_floor``) and as the
most ``similarity.align`` can give (``similarity_bound``), without aligning anything:

* each query word adds its best partner in the name, on each side (its weight, the
  partner's weight, times their similarity), glued words (in any order) what a join could.
  Initials are words like the others: a query word finds the list's initials through its
  first letter (``keys.lookup_keys``), and a query initial finds every name with a word
  starting with its letter (``keys.starting_with``); a word meeting an initial counts as the
  initial unless a distinctive pair of words may anchor the names (``similarity._anchor``);
* what one query word gives each name it reaches (``WordGains``: every name holding one of
  its partners, with the best gain there) is worked out once per distinct word and kept,
  as numpy arrays: words repeat across queries far more than names do;
* a query's bounds are then the sum of its words' arrays (``numpy.bincount``), each side
  capped at its total weight; only the names that reach the floor are returned. Nothing is
  cut before the sum, and every pair of tokens the ladder scores above 0 shares a key, so
  the bound is never below the alignment (``tests/screen/test_search.py``).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from regime.screen.keys import TokenKeys, starting_with
from regime.screen.normalise import NameForm
from regime.screen.similarity import ANCHOR, JOINED_SIMILARITY, ONE_SIDED, TWO_SIDED, dice_floor

Ids = npt.NDArray[np.intp]
Values = npt.NDArray[np.float64]
EMPTY: tuple[Ids, Values] = (np.zeros(0, dtype=np.intp), np.zeros(0))
SLACK = 1e-9  # sums taken in another order may differ in the last bits: a bound never drops a name for that


def word_gain(score: float, weight: float, partner: str, their_weight: float) -> float:
    """The most a query word of ``weight`` gets from ``partner`` at ``score`` (``similarity.align``),
    the names anchored or not: both weights times the score."""
    ours, theirs = word_sides(score, weight, partner, their_weight, anchored=True)
    return ours + theirs


def word_sides(
    score: float, weight: float, partner: str, their_weight: float, *, anchored: bool
) -> tuple[float, float]:
    """What the query side and the list side can have matched through one pair of words.

    Unless the names are ``anchored`` (``similarity._anchor``), a word meeting an initial counts
    only as the initial; anchored, it counts fully (a list word may weigh 1).
    """
    if partner[0] == "^":  # the query's initial meets a word of its letter
        return score * weight, score * (1.0 if anchored else weight)
    if len(partner) == 1:  # a query word meets the list's initial (or an equal initial)
        return score * (weight if anchored else min(weight, their_weight)), score * their_weight
    return score * weight, score * their_weight


@dataclass(frozen=True, slots=True)
class WordReach:
    """What one query word can add to the names it reaches: ``ours`` (query side) and ``both``
    (both sides) as if the names were not anchored; ``extra_*`` what more it adds to names that
    are; ``anchors`` the names it can anchor (a distinctive partner at ``ANCHOR`` or better)."""

    ids: Ids
    ours: Values
    both: Values
    extra_ids: Ids
    extra_ours: Values
    extra_both: Values
    anchors: Ids


NO_IDS = np.zeros(0, dtype=np.intp)
NO_VALUES = np.zeros(0)
NOTHING = WordReach(NO_IDS, NO_VALUES, NO_VALUES, NO_IDS, NO_VALUES, NO_VALUES, NO_IDS)


def _best(ids: list[Ids], values: list[list[Values]]) -> tuple[Ids, list[Values]]:
    """Per name (no name twice): the largest of each of ``values``' columns."""
    if len(ids) == 1:
        return ids[0], [column[0] for column in values]
    every = np.concatenate(ids)
    order = np.argsort(every, kind="stable")
    every = every[order]
    starts = np.flatnonzero(np.concatenate(([True], every[1:] != every[:-1])))
    return every[starts], [np.maximum.reduceat(np.concatenate(column)[order], starts) for column in values]


class WordGains:
    """Per distinct query word: the names it reaches and the most it adds to each side (remembered).

    Up to ``MEMO_SIZE`` words are remembered; the memo and the postings as arrays are not pickled.
    """

    MEMO_SIZE = 50_000

    def __init__(self, keys: TokenKeys) -> None:
        self.keys = keys
        self._memo: dict[tuple[str, float, str, str, frozenset[str]], WordReach] = {}
        self._arrays: dict[str, Ids] = {}

    def __getstate__(self) -> tuple[object, ...]:
        return (self.keys,)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        self.__init__(*state)  # type: ignore[misc]

    def postings(self, token: str) -> Ids:
        """The names holding ``token`` (a word, a glued pair or a letter's marker), as an array."""
        found = self._arrays.get(token)
        if found is None:
            found = self._arrays[token] = np.asarray(self.keys.postings.get(token, ()), dtype=np.intp)
        return found

    def of(self, form: NameForm, i: int) -> WordReach:
        """What word ``i`` of ``form`` can add to the names it reaches (no name twice)."""
        key = (form.tokens[i], form.weights[i], form.skeletons[i], form.folded[i], form.symbols[i])
        known = self._memo.get(key)
        if known is None:
            if len(self._memo) >= self.MEMO_SIZE:
                self._memo.clear()
            known = self._memo[key] = self._reach(form, i)
        return known

    def _reach(self, form: NameForm, i: int) -> WordReach:
        token, weight, vocabulary = form.tokens[i], form.weights[i], self.keys.vocabulary
        ids: list[Ids] = []
        sides: list[list[Values]] = [[], [], [], []]  # query and list side, not anchored and anchored
        anchors: list[Ids] = []
        distinctive = weight >= 1.0 and len(token) > 1
        for partner, score, their_weight, found, _ in self.keys.partners(form, i).by_score:
            ids.append(self.postings(partner))
            plain = word_sides(score, weight, partner, their_weight, anchored=False)
            anchored = word_sides(score, weight, partner, their_weight, anchored=True)
            for column, value in zip(sides, plain + anchored, strict=True):
                column.append(np.full(len(found), value))
            if distinctive and score >= ANCHOR and len(partner) > 1 and partner[0] != "^" and their_weight >= 1.0:
                anchors.append(ids[-1])
        for cut in range(1, len(token)):  # a query word the list writes as two (in any order: ``similarity.align``)
            head, tail = token[:cut], token[cut:]
            if head in vocabulary and tail in vocabulary:
                joined = np.intersect1d(self.postings(head), self.postings(tail), assume_unique=True)
                if len(joined):
                    ids.append(joined)
                    ours = JOINED_SIMILARITY * weight
                    theirs = JOINED_SIMILARITY * (vocabulary[head].weight + vocabulary[tail].weight)
                    for column, value in zip(sides, (ours, theirs, ours, theirs), strict=True):
                        column.append(np.full(len(joined), value))
        if not ids:
            return NOTHING
        names, (q_plain, m_plain, q_anchored, m_anchored) = _best(ids, sides)
        both = q_plain + m_plain
        extra_ours, extra_both = q_anchored - q_plain, q_anchored + m_anchored - both
        more = np.flatnonzero((extra_ours > 0.0) | (extra_both > 0.0))
        return WordReach(
            names,
            q_plain,
            both,
            names[more],
            extra_ours[more],
            extra_both[more],
            np.unique(np.concatenate(anchors)) if anchors else NO_IDS,
        )


@dataclass(frozen=True, slots=True)
class NameSearch:
    """Searchable names: ``ids`` are the callers' numbers for them, in the same order as ``forms``."""

    ids: tuple[int, ...]
    totals: tuple[float, ...]  # per name: the sum of its token weights
    keys: TokenKeys
    gains: WordGains
    id_array: Ids
    total_array: Values

    @classmethod
    def build(cls, ids: Sequence[int], forms: Sequence[NameForm]) -> NameSearch:
        """Index ``forms`` (numbered ``ids`` by the caller); postings sorted by total weight."""
        totals = tuple(form.total for form in forms)
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for at, form in enumerate(forms):
            letters = {starting_with(t[0]) for t in form.tokens if len(t) > 1 and t[0].isalpha()}
            for token in set(form.tokens) | letters:
                postings[token].append(at)
        ordered = {token: tuple(sorted(found, key=lambda at: (totals[at], at))) for token, found in postings.items()}
        keys = TokenKeys.build(forms, ordered, totals)
        return cls(
            ids=tuple(ids),
            totals=totals,
            keys=keys,
            gains=WordGains(keys),
            id_array=np.asarray(ids, dtype=np.intp),
            total_array=np.asarray(totals, dtype=np.float64),
        )

    def reach(self, form: NameForm, floor: float) -> list[tuple[int, float, float]]:
        """(name by the caller's id, Dice bound, the most the similarity can be: ``similarity_bound``)
        for the names whose Dice bound against ``form`` reaches ``floor``.

        Each side's matched weight is at most the sum of its words' gains and at most its total.
        """
        words = [self.gains.of(form, i) for i in range(len(form.tokens))]
        parts = [(word.ids, word.ours, word.both) for word in words]
        extras = [word for word in words if len(word.extra_ids)]
        anchors = [word.anchors for word in words if len(word.anchors)]
        if extras and anchors:  # what initials add where a distinctive pair may anchor the names
            anchored = np.zeros(len(self.ids), dtype=bool)
            for reached in anchors:
                anchored[reached] = True
            for word in extras:
                keep = anchored[word.extra_ids]
                parts.append((word.extra_ids[keep], word.extra_ours[keep], word.extra_both[keep]))
        tokens, weights, vocabulary = form.tokens, form.weights, self.keys.vocabulary
        for i, j in itertools.permutations(range(len(tokens)), 2):  # two query words the list writes as one
            known = vocabulary.get(tokens[i] + tokens[j])
            if known is not None:
                glued = self.gains.postings(tokens[i] + tokens[j])
                side = JOINED_SIMILARITY * (weights[i] + weights[j])
                both_sides = side + JOINED_SIMILARITY * known.weight
                parts.append((glued, np.full(len(glued), side), np.full(len(glued), both_sides)))
        parts = [part for part in parts if len(part[0])]
        if not parts:
            return []
        at: Ids
        names: Ids
        if len(parts) == 1:  # one word: no name twice, its arrays are the sums
            every, ours, shared = parts[0]
            at = np.flatnonzero(shared >= floor * (form.total + self.total_array[every]) - SLACK)
            names = every[at]
        else:
            every = np.concatenate([p[0] for p in parts])
            q_side, both = np.concatenate([p[1] for p in parts]), np.concatenate([p[2] for p in parts])
            dense: Values = np.bincount(every, weights=both).astype(np.float64, copy=False)
            reach = dense[every] >= floor * (form.total + self.total_array[every]) - SLACK
            if not reach.any():
                return []
            at = names = np.unique(every[reach])
            ours, shared = np.bincount(every, weights=q_side).astype(np.float64, copy=False), dense
        found: list[tuple[int, float, float]] = []
        total = form.total
        for nid, have_q, have, theirs in zip(
            self.id_array[names].tolist(),
            ours[at].tolist(),
            shared[at].tolist(),
            self.total_array[names].tolist(),
            strict=True,
        ):
            have_m = min(have - have_q, theirs)
            have_q = min(have_q, total)
            dice = (have_q + have_m) / (total + theirs)
            if dice >= floor - SLACK:
                found.append((nid, dice, similarity_bound(have_q, have_m, total, theirs)))
        return found

    def bounds(self, form: NameForm, floor: float) -> dict[int, float]:
        """The names (by the caller's ids) whose bound against ``form`` reaches ``floor``, with that
        bound as a Dice coefficient."""
        return {at: dice for at, dice, _ in self.reach(form, floor)}

    def similarities(self, form: NameForm, floor: float) -> dict[int, float]:
        """The names (by the caller's ids) whose similarity with ``form`` may reach ``floor``, with
        the most it can be."""
        return {at: most for at, _, most in self.reach(form, dice_floor(floor)) if most >= floor - SLACK}


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
