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
from dataclasses import dataclass

from regime.screen.features import NameMatch, alias_match, country_agreement, name_match, type_agreement
from regime.screen.index import IndexedParty
from regime.screen.query import PreparedQuery


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


def score_party(query: PreparedQuery, party: IndexedParty) -> Scored:
    """Score ``party`` against ``query`` from all four features."""
    by_name = name_match(query, party)
    by_alias = alias_match(query, party)
    best = by_alias if by_alias.similarity > by_name.similarity else by_name
    country = country_agreement(query.countries, party.party.countries)
    kind = type_agreement(query.kind, party.party.kind)
    return Scored(combine(best.similarity, country, kind), by_name, by_alias, country, kind)


def similarity_floor(threshold: float = THRESHOLD, weights: Coefficients = COEFFICIENTS) -> float:
    """The lowest name similarity that can reach ``threshold`` with the other features at their best.

    The best case is the countries agreeing and the kinds not disagreeing. The index prunes
    with this bound (as a Dice coefficient, ``similarity.dice_floor``); nothing below it can
    score ``threshold``.
    """
    logit = math.log(threshold / (1.0 - threshold))
    best_rest = weights.bias + abs(weights.country)  # kind agreement is at best 0
    return max(0.0, (logit - best_rest) / weights.similarity)
