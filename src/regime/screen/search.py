"""Candidate search over a set of names: which names may reach a similarity floor with a query.

``NameSearch.bounds`` gives, for every name sharing a key with the query, an upper bound of
their similarity (``similarity.align``), without aligning anything:

* each query word adds its best partner in the name (both weights times their similarity),
  glued pairs add what a join could, and initials on either side add what they could against
  words of the other side starting with the same letter;
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

from regime.screen.keys import Partners, TokenKeys
from regime.screen.normalise import NameForm
from regime.screen.similarity import INITIAL_SIMILARITY, JOINED_SIMILARITY
from regime.screen.words import INITIAL_WEIGHT, PARTICLE_WEIGHT

LIST_INITIAL_SLACK = INITIAL_SIMILARITY * (INITIAL_WEIGHT + 1.0)
Bound = tuple[float, float]  # the bound, and the part of it that words alone account for


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
    letters: tuple[str, ...]  # per name: the first letters of its tokens
    initials: tuple[str, ...]  # per name: its one-letter tokens
    tokens: tuple[tuple[str, ...], ...]
    keys: TokenKeys
    joins: dict[str, tuple[int, ...]]  # a glued pair of a name's words -> names

    @classmethod
    def build(cls, ids: Sequence[int], forms: Sequence[NameForm]) -> NameSearch:
        """Index ``forms`` (numbered ``ids`` by the caller); postings sorted by total weight."""
        totals = tuple(form.total for form in forms)
        postings: defaultdict[str, list[int]] = defaultdict(list)
        joins: defaultdict[str, list[int]] = defaultdict(list)
        for at, form in enumerate(forms):
            for token in dict.fromkeys(form.tokens):
                postings[token].append(at)
            for glued in dict.fromkeys(form.joins):
                joins[glued].append(at)
        ordered = {token: tuple(sorted(found, key=lambda at: (totals[at], at))) for token, found in postings.items()}
        return cls(
            ids=tuple(ids),
            totals=totals,
            letters=tuple("".join(sorted({t[0] for t in form.tokens})) for form in forms),
            initials=tuple("".join(t for t in form.tokens if len(t) == 1) for form in forms),
            tokens=tuple(form.tokens for form in forms),
            keys=TokenKeys.build(forms, ordered, totals),
            joins={glued: tuple(found) for glued, found in joins.items()},
        )

    def bounds(self, form: NameForm, floor: float) -> dict[int, Bound]:
        """For names sharing a key with ``form`` (by the caller's ids): their bound, see the module."""
        tokens, weights = form.tokens, form.weights
        looked = [(self.keys.partners(form, i), i) for i, token in enumerate(tokens) if len(token) > 1]
        looked.sort(key=lambda item: (item[0].size, item[1]))
        initials = [(t, w) for t, w in zip(tokens, weights, strict=True) if len(t) == 1]
        more = sum(weights[i] + 1.0 for _, i in looked) + INITIAL_SIMILARITY * sum(w + 1.0 for _, w in initials)
        shared: dict[int, float] = {}
        for glued in form.joins:  # two query words the list writes as one
            for at in self.keys.postings.get(glued, ()):
                shared[at] = shared.get(at, 0.0) + JOINED_SIMILARITY * 3.0
        for found, i in looked:
            more -= weights[i] + 1.0
            creates = weights[i] > PARTICLE_WEIGHT  # a particle ("al", "and") never brings a name in alone
            best = self._gains(found, weights[i], shared, Reach(more, floor, form.total, creates))
            for at in self.joins.get(tokens[i], ()):  # a query word the list writes as two
                best[at] = max(best.get(at, 0.0), JOINED_SIMILARITY * (weights[i] + 2.0))
            for at, gain in best.items():
                shared[at] = shared.get(at, 0.0) + gain
        return self._bounded(form, shared, initials)

    def _gains(self, found: Partners, weight: float, shared: dict[int, float], reach: Reach) -> dict[int, float]:
        """The best gain of one query word in each name that holds one of its partners.

        A name not ``shared`` yet got nothing from the rarer words: it is only added if this
        word's gain and the most the words after it could add lift it to the floor, which
        depends on its total weight. Postings are sorted by that weight, so the names added
        are a prefix of them; the names already shared are looked up in the rest.
        """
        best: dict[int, float] = {}
        names = self.tokens
        ranked = sorted(found.by_score, key=lambda entry: entry[1] * (weight + entry[2]))
        scale, base = reach.line()
        for partner, score, their_weight, postings, totals in ranked:  # the best partner last: it wins
            gain = score * (weight + their_weight)
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

    def _bounded(self, form: NameForm, shared: dict[int, float], initials: list[tuple[str, float]]) -> dict[int, Bound]:
        """Each name's bound: shared gains plus what initials could add, over both weights."""
        totals, total, ids, their_initials, letters = self.totals, form.total, self.ids, self.initials, self.letters
        query_letters = {t[0] for t in form.tokens}
        found: dict[int, Bound] = {}
        for at, gain in shared.items():
            extra = 0.0
            for letter, weight in initials:
                if letter in letters[at]:
                    extra += INITIAL_SIMILARITY * (weight + 1.0)
            for letter in their_initials[at]:
                if letter in query_letters:
                    extra += LIST_INITIAL_SLACK
            both = total + totals[at]
            found[ids[at]] = (min(1.0, (gain + extra) / both), gain / both)
        return found
