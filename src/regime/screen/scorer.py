"""The score of one party against one query: the features combined and calibrated to 0-1.

The combination is logistic: ``score = 1 / (1 + exp(-z))`` with
``z = bias + similarity*s + country*k + kind*t``, where ``similarity`` is the best of the
name and alias features (``features/``, ``similarity.Agreement``), and ``country`` and
``kind`` are -1/0/+1 agreements. A score reads as the probability that the query names
the listed party, on the evaluation set of ``bench/screen_quality.py``.

The coefficients were fitted by ``bench/screen_calibrate.py`` (logistic regression on the
calibration half of the labelled set built from the real CSL). THRESHOLD is the score at
and above which a party is a hit; it was chosen on the calibration half (the highest recall
there among thresholds whose precision is at least 0.99) and checked on the held-out half
(figures in ``docs/screening.md``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from regime.screen.alignkernel import NO_NAME, best_names
from regime.screen.features import (
    NO_MATCH,
    NameMatch,
    alias_match,
    country_agreement,
    either_alias,
    name_match,
    type_agreement,
)
from regime.screen.index import WEAK_ALIAS_DISCOUNT, IndexedParty, ScreeningIndex
from regime.screen.query import PreparedQuery
from regime.screen.querytokens import QueryTokens
from regime.screen.similarity import Agreement


@dataclass(frozen=True, slots=True)
class Coefficients:
    """The weights of the logistic combination."""

    bias: float
    similarity: float
    country: float
    kind: float


COEFFICIENTS = Coefficients(bias=-28.713, similarity=35.307, country=1.0, kind=3.0)
THRESHOLD = 0.54


@dataclass(frozen=True, slots=True)
class Scored:
    """A party's score against a query, with every part that made it."""

    score: float
    name: NameMatch
    alias: NameMatch
    country: float
    kind: float

    @property
    def best(self) -> NameMatch:
        """The name or alias match the score was built on."""
        return self.alias if self.alias.similarity > self.name.similarity else self.name


def combine(similarity: float, country: float, kind: float, weights: Coefficients = COEFFICIENTS) -> float:
    """The calibrated score of one set of feature values."""
    z = weights.bias + weights.similarity * similarity + weights.country * country + weights.kind * kind
    return 1.0 / (1.0 + math.exp(-z))


def _scored(query: PreparedQuery, party: IndexedParty, by_name: NameMatch, by_alias: NameMatch) -> Scored:
    best = by_alias if by_alias.similarity > by_name.similarity else by_name
    country = country_agreement(query.countries, party.party.countries)
    kind = type_agreement(query.kind, party.party.kind)
    return Scored(combine(best.similarity, country, kind), by_name, by_alias, country, kind)


def score_party(query: PreparedQuery, party: IndexedParty) -> Scored:
    """Score ``party`` against ``query`` from all four features (``similarity.align``, one pair at a time)."""
    return _scored(query, party, name_match(query, party), alias_match(query, party))


STRENGTHS = np.array([1.0, 1.0, WEAK_ALIAS_DISCOUNT])  # by label: name, alias, weak alias


class PartyScorer:
    """Scores parties of ``index`` against one query, all of a party's names at once
    (``alignkernel``): what ``score_party`` gives, compiled."""

    def __init__(self, query: PreparedQuery, index: ScreeningIndex) -> None:
        self.query = query
        self.index = index
        self.forms = query.forms + query.literal  # a party of any kind meets a prefix of these
        self._numbers: dict[int, QueryTokens] = {}

    def numbers(self, count: int) -> QueryTokens:
        """The query's first ``count`` forms as numbers."""
        known = self._numbers.get(count)
        if known is None:
            known = self._numbers[count] = QueryTokens.build(self.forms[:count], self.index.search.keys)
        return known

    def __call__(self, positions: Sequence[int]) -> list[Scored]:
        """The parties at ``positions``, scored."""
        index, names = self.index, self.index.tokens
        counts = [len(self.query.forms_for(index.parties[p].party.kind)) for p in positions]
        numbers = self.numbers(max(counts, default=len(self.query.forms)))
        best = best_names(
            numbers.q_tokens,
            numbers.q_weight,
            numbers.q_forms,
            numbers.q_total,
            numbers.glue,
            numbers.partner_ids,
            numbers.partner_scores,
            numbers.split_ids,
            names.name_start,
            names.token_id,
            names.token_weight,
            names.name_total,
            names.name_label,
            names.party_first,
            names.vocabulary,
            np.asarray(positions, dtype=np.intp),
            np.asarray(counts, dtype=np.intp),
            STRENGTHS,
        ).tolist()
        scored = []
        for position, (name, alias, weak) in zip(positions, best, strict=True):
            party = index.parties[position]
            if not names.party_exact[position]:
                scored.append(score_party(self.query, party))
                continue
            by_alias = either_alias(self._match(alias, 1.0), self._match(weak, WEAK_ALIAS_DISCOUNT))
            scored.append(_scored(self.query, party, self._match(name, 1.0), by_alias))
        return scored

    def _match(self, row: list[float], strength: float) -> NameMatch:
        if row[0] == NO_NAME:
            return NO_MATCH
        agreement = Agreement(row[2], row[3], row[4])
        return NameMatch(agreement, self.index.names[int(row[0])], self.forms[int(row[1])], strength)


def similarity_floor(threshold: float = THRESHOLD, weights: Coefficients = COEFFICIENTS) -> float:
    """The lowest name similarity that can reach ``threshold`` with the other features at their best.

    The best case is the countries agreeing and the kinds not disagreeing. The index prunes
    with this bound (as a Dice coefficient, ``similarity.dice_floor``); nothing below it can
    score ``threshold``.
    """
    logit = math.log(threshold / (1.0 - threshold))
    best_rest = weights.bias + abs(weights.country)  # kind agreement is at best 0
    return max(0.0, (logit - best_rest) / weights.similarity)
