"""Candidate search over a set of names: which names may reach a similarity floor with a query.

``NameSearch.bounds`` gives, for every name sharing a key with the query, an upper bound of
their similarity as a Dice coefficient (``similarity.align`` never exceeds what it bounds:
``similarity.dice_floor``), without aligning anything:

* each query word adds its best partner in the name (both weights times their similarity),
  glued pairs add what a join could. Initials are words like the others: a query word finds
  the list's initials through its first letter (``keys.lookup_keys``), and a query initial
  finds every name with a word starting with its letter (``keys.starting_with``), that word
  worth no more than the initial (``similarity.align``);
* words are read rarest first, and a word only adds a new name (one none of the rarer words
  found) if it and the words after it could lift that name to the floor: the MaxScore idea,
  made exact per name by its total weight. Posting lists are sorted by the names' total
  weight, so the names a word may add are a prefix of its postings. A particle ("al",
  "and", "de") adds no name: what it shares with a name is never enough on its own.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from regime.screen.keys import Partners, TokenKeys, starting_with
from regime.screen.normalise import NameForm
from regime.screen.similarity import JOINED_SIMILARITY
from regime.screen.words import PARTICLE_WEIGHT


def word_gain(score: float, weight: float, partner: str, their_weight: float) -> float:
    """The most a query word of ``weight`` gets from ``partner`` at ``score`` (``similarity.align``):
    both weights times the score, except that a word meeting an initial counts as the initial."""
    if partner[0] == "^":  # the query's initial meets a word of its letter
        return score * 2.0 * weight
    if len(partner) == 1:  # a query word meets the list's initial (or an equal initial)
        return score * (min(weight, their_weight) + their_weight)
    return score * (weight + their_weight)


@dataclass(frozen=True, slots=True)
class Reach:
    """What the query words after the current one could still add, to cut postings by weight."""

    more: float
    floor: float
    total: float
    creates: bool

    def line(self) -> tuple[float, float]:
        """(a, b) such that the heaviest name a word's gain g could lift to the floor weighs a*g + b.

        A word that ``creates`` nothing lifts no name (-1); with no floor, every name (infinity).
        """
        if not self.creates:
            return 0.0, -1.0
        if self.floor <= 0.0:
            return 0.0, float("inf")
        return 1.0 / self.floor, self.more / self.floor - self.total


@dataclass(frozen=True, slots=True)
class NameSearch:
    """Searchable names: ``ids`` are the callers' numbers for them, in the same order as ``forms``."""

    ids: tuple[int, ...]
    totals: tuple[float, ...]  # per name: the sum of its token weights
    tokens: tuple[frozenset[str], ...]  # per name: its tokens and the postings of its words' first letters
    keys: TokenKeys
    joins: dict[str, tuple[int, ...]]  # a glued pair of a name's words -> names

    @classmethod
    def build(cls, ids: Sequence[int], forms: Sequence[NameForm]) -> NameSearch:
        """Index ``forms`` (numbered ``ids`` by the caller); postings sorted by total weight."""
        totals = tuple(form.total for form in forms)
        postings: defaultdict[str, list[int]] = defaultdict(list)
        joins: defaultdict[str, list[int]] = defaultdict(list)
        tokens: list[frozenset[str]] = []
        for at, form in enumerate(forms):
            letters = {starting_with(t[0]) for t in form.tokens if len(t) > 1 and t[0].isalpha()}
            tokens.append(frozenset(form.tokens) | letters)
            for token in tokens[-1]:
                postings[token].append(at)
            for glued in dict.fromkeys(form.joins):
                joins[glued].append(at)
        ordered = {token: tuple(sorted(found, key=lambda at: (totals[at], at))) for token, found in postings.items()}
        return cls(
            ids=tuple(ids),
            totals=totals,
            tokens=tuple(tokens),
            keys=TokenKeys.build(forms, ordered, totals),
            joins={glued: tuple(found) for glued, found in joins.items()},
        )

    def bounds(self, form: NameForm, floor: float) -> dict[int, float]:
        """For names sharing a key with ``form`` (by the caller's ids): their bound, see the module."""
        tokens, weights = form.tokens, form.weights
        looked = [(self.keys.partners(form, i), i) for i in range(len(tokens))]
        looked.sort(key=lambda item: (item[0].size, item[1]))
        top = [  # the most each word can add: a partner of weight 1, or two the list glued together
            max(w + 1.0, JOINED_SIMILARITY * (w + 2.0)) if t in self.joins else w + 1.0
            for t, w in zip(tokens, weights, strict=True)
        ]
        more = sum(top)
        shared: dict[int, float] = {}
        for glued in form.joins:  # two query words the list writes as one
            for at in self.keys.postings.get(glued, ()):
                shared[at] = shared.get(at, 0.0) + JOINED_SIMILARITY * 3.0
        for found, i in looked:
            more -= top[i]
            creates = weights[i] > PARTICLE_WEIGHT  # a particle ("al", "and") never brings a name in alone
            best = self._gains(found, weights[i], shared, Reach(more, floor, form.total, creates))
            for at in self.joins.get(tokens[i], ()):  # a query word the list writes as two
                best[at] = max(best.get(at, 0.0), JOINED_SIMILARITY * (weights[i] + 2.0))
            for at, gain in best.items():
                shared[at] = shared.get(at, 0.0) + gain
        total, totals, ids = form.total, self.totals, self.ids
        return {ids[at]: min(1.0, gain / (total + totals[at])) for at, gain in shared.items()}

    def _gains(self, found: Partners, weight: float, shared: dict[int, float], reach: Reach) -> dict[int, float]:
        """The best gain of one query word in each name that holds one of its partners.

        A name not ``shared`` yet got nothing from the rarer words: it is only added if this
        word's gain and the most the words after it could add lift it to the floor, which
        depends on its total weight. Postings are sorted by that weight, so the names added
        are a prefix of them; the names already shared are looked up in the rest.
        """
        best: dict[int, float] = {}
        names = self.tokens
        ranked = sorted(
            (
                (word_gain(score, weight, partner, theirs), partner, postings, totals)
                for partner, score, theirs, postings, totals in found.by_score
            ),
            key=lambda entry: entry[0],
        )
        scale, base = reach.line()
        for gain, partner, postings, totals in ranked:  # the best partner last: it wins
            cut = bisect_right(totals, gain * scale + base) if totals[0] <= gain * scale + base else 0
            if cut:
                best.update(dict.fromkeys(postings[:cut], gain))
            rest = len(postings) - cut
            if not shared or not rest:
                continue
            if rest <= 4 * len(shared):
                for at in postings[cut:]:
                    if at in shared:
                        best[at] = gain
            else:
                for at in shared:
                    if partner in names[at]:
                        best[at] = gain
        return best
