"""Candidate search over a set of names: which names may reach a similarity floor with a query.

``NameSearch.reach`` gives, for every name whose bound reaches the floor, an upper bound of
its similarity with the query, as a Dice coefficient (``similarity.dice_floor``) and as the
most ``similarity.align`` can give (``kernels.similarity_bound``), without aligning anything:

* each query word adds its best partner in the name, on each side (its weight, the
  partner's weight, times their similarity), glued words (in any order) what a join could.
  Initials are words like the others: a query word finds the list's initials through its
  first letter (``keys.lookup_keys``), and a query initial finds every name with a word
  starting with its letter (``keys.starting_with``); a word meeting an initial counts as the
  initial unless a distinctive pair of words may anchor the names (``similarity._anchor``);
* what one query word gives each name it reaches (``WordTable``: every name holding one of
  its partners, with the best gain there, sorted by name) is worked out once per distinct
  word and kept: words repeat across queries far more than names do;
* a query's bounds are then the sum of its words' tables (``kernels.query_reach``), each side
  capped at its total weight; only the names that reach the floor are returned. The words
  that together cannot lift a name to the floor (``essential_words``: a generic word, an
  initial) bring no name in and are only looked up for the names the others brought. Every
  pair of tokens the ladder scores above 0 shares a key, so the bound is never below the
  alignment (``tests/screen/test_search.py``), and the pruned sum is the full sum for every
  name that reaches the floor (``tests/screen/test_kernels.py``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from regime.screen.kernels import COLUMNS, SLACK, Ids, Table, partner_table, query_reach
from regime.screen.keys import starting_with
from regime.screen.normalise import NameForm
from regime.screen.similarity import ANCHOR, JOINED_SIMILARITY, dice_floor
from regime.screen.tokenkeys import TokenKeys

Values = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class WordTable:
    """What one query word can add to the names it reaches (``kernels.word_table``: sorted by name),
    and the most it adds to any of them on the query side and on the list side."""

    rows: Table
    most_q: float
    most_m: float


def essential_words(words: list[WordTable], total: float, floor: float) -> tuple[list[WordTable], int]:
    """``words`` reordered so that those a name must hold to reach ``floor`` come first, and how many.

    The weakest words are left out as long as, together, they cannot lift a name to ``floor``:
    a name holding only them matches at most their query sides (and ``total``) and their list
    sides, and the Dice bound grows with the list side matched (``kernels.query_reach``).
    """
    order = sorted(words, key=lambda word: word.most_q + word.most_m)
    have_q = have_m = 0.0
    weak = 0
    for word in order:
        have_q, have_m = have_q + word.most_q, have_m + word.most_m
        if (min(have_q, total) + have_m) / (total + have_m) >= floor - SLACK:
            break
        weak += 1
    strong = sorted(order[weak:], key=lambda word: len(word.rows))  # the longest last: ``heaviest_new`` cuts it most
    return strong + order[:weak], len(order) - weak


def heaviest_new(words: list[WordTable], essential: int, total: float, floor: float) -> Values:
    """For each of the first ``essential`` of ``words``: the heaviest name met first at that word
    (holding none of the words before it) that can still reach the Dice ``floor``.

    Such a name matches at most ``a = min(Q, total)`` on the query side and ``min(M, T)`` on its
    own, Q and M the sums of the most the words from there on add; for a name heavier than M the
    bound ``(a + M) / (total + T)`` falls as its weight T grows.
    """
    if floor <= 0.0:
        return np.full(essential, np.inf)
    heaviest = [0.0] * essential
    most_q = most_m = 0.0
    for at in range(len(words) - 1, -1, -1):  # the sums from the last word back (a loop: the lists are short)
        most_q, most_m = most_q + words[at].most_q, most_m + words[at].most_m
        if at < essential:
            heaviest[at] = max(most_m, (min(most_q, total) + most_m) / floor - total) + SLACK
    return np.array(heaviest)


def can_anchor(token: str, weight: float, partner: str, score: float, their_weight: float) -> bool:
    """Whether a query word meeting ``partner`` at ``score`` anchors the names (``similarity._anchor``):
    two distinctive words, neither an initial, agreeing at ``ANCHOR`` or better."""
    distinctive = weight >= 1.0 and len(token) > 1
    return distinctive and score >= ANCHOR and len(partner) > 1 and partner[0] != "^" and their_weight >= 1.0


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


class WordGains:
    """Per distinct query word: the names it reaches and the most it adds to each side (remembered).

    Up to ``MEMO_SIZE`` words are remembered, holding up to ``MEMO_ROWS`` rows (about 580 MB;
    100,000 queries of the hard mix leave 37,000 words and 7.8 million rows, and a cap below
    that cost a sixth of the speed); then all are forgotten. The memo and the scratch are not
    pickled.
    """

    MEMO_SIZE = 50_000
    MEMO_ROWS = 12_000_000

    def __init__(self, keys: TokenKeys, names: int) -> None:
        self.keys = keys
        self._memo: dict[tuple[str, float, str, str, frozenset[str]], WordTable] = {}
        self.rows_held = 0
        self.slot: Ids = np.full(names, -1, dtype=np.intp)  # scratch of the kernels

    def __getstate__(self) -> tuple[object, ...]:
        return self.keys, len(self.slot)

    def __setstate__(self, state: tuple[object, ...]) -> None:
        self.__init__(*state)  # type: ignore[misc]

    def of(self, form: NameForm, i: int) -> WordTable:
        """What word ``i`` of ``form`` can add to the names it reaches, as a table (``kernels``)."""
        key = (form.tokens[i], form.weights[i], form.skeletons[i], form.folded[i], form.symbols[i])
        known = self._memo.get(key)
        if known is None:
            if len(self._memo) >= self.MEMO_SIZE or self.rows_held >= self.MEMO_ROWS:
                self._memo.clear()
                self.rows_held = 0
            known = self._memo[key] = self._reach(form, i)
            self.rows_held += len(known.rows)
        return known

    def _reach(self, form: NameForm, i: int) -> WordTable:
        token, tables = form.tokens[i], self.keys.tables
        partners = self.keys.partners(form, i)
        table = partner_table(
            partners.ids,
            partners.scores,
            partners.split_ids,
            form.weights[i],
            ord(token) if len(token) == 1 else -1,
            tables.posting_start,
            tables.posting_ids,
            tables.token_weight,
            tables.token_length,
            self.slot,
        )
        return WordTable(*table)


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
    def build(cls, ids: Sequence[int], forms: Sequence[NameForm], within: NameSearch | None = None) -> NameSearch:
        """Index ``forms`` (numbered ``ids`` by the caller); ``within``: a search holding all of them."""
        totals = tuple(form.total for form in forms)
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for at, form in enumerate(forms):
            letters = {starting_with(t[0]) for t in form.tokens if len(t) > 1 and t[0].isalpha()}
            for token in set(form.tokens) | letters:
                postings[token].append(at)
        parent = within.keys if within is not None else None
        keys = TokenKeys.build(forms, {token: tuple(found) for token, found in postings.items()}, parent)
        return cls(
            ids=tuple(ids),
            totals=totals,
            keys=keys,
            gains=WordGains(keys, len(forms)),
            id_array=np.asarray(ids, dtype=np.intp),
            total_array=np.asarray(totals, dtype=np.float64),
        )

    def reach(self, form: NameForm, floor: float) -> list[tuple[int, float, float]]:
        """(name by the caller's id, Dice bound, the most the similarity can be: ``similarity_bound``)
        for the names whose Dice bound against ``form`` reaches ``floor``.

        Each side's matched weight is at most the sum of its words' gains and at most its total
        (``kernels.query_reach``).
        """
        words = [self.gains.of(form, i) for i in range(len(form.tokens))]
        weights, keys = form.weights, self.keys
        for i, j, number in keys.glued(form.tokens):  # two query words the list writes as one
            glued = keys.names_holding(number)
            side = JOINED_SIMILARITY * (weights[i] + weights[j])
            theirs = JOINED_SIMILARITY * keys.vocabulary[keys.tokens[number]].weight
            rows = np.zeros((len(glued), COLUMNS))
            rows[:, 0], rows[:, 1], rows[:, 2] = glued, side, side + theirs
            words.append(WordTable(rows, side, theirs))
        words = [word for word in words if len(word.rows)]
        ordered, essential = essential_words(words, form.total, floor)
        if not essential:
            return []
        lengths = np.array([len(word.rows) for word in ordered], dtype=np.intp)
        table = np.concatenate([word.rows for word in ordered]) if len(ordered) > 1 else ordered[0].rows
        heaviest = heaviest_new(ordered, essential, form.total, floor)
        found = query_reach(table, lengths, essential, heaviest, form.total, self.total_array, floor, self.gains.slot)
        names, dice, most = found
        return list(zip(self.id_array[names].tolist(), dice.tolist(), most.tolist(), strict=True))

    def bounds(self, form: NameForm, floor: float) -> dict[int, float]:
        """The names (by the caller's ids) whose bound against ``form`` reaches ``floor``, with that
        bound as a Dice coefficient."""
        return {at: dice for at, dice, _ in self.reach(form, floor)}

    def similarities(self, form: NameForm, floor: float) -> dict[int, float]:
        """The names (by the caller's ids) whose similarity with ``form`` may reach ``floor``, with
        the most it can be."""
        return {at: most for at, _, most in self.reach(form, dice_floor(floor)) if most >= floor - SLACK}
