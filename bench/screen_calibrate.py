"""Fit the scorer's logistic coefficients and choose its threshold on the calibration half.

Run: ``.venv/bin/python bench/screen_calibrate.py [--size 2000]``. Prints the coefficients
and threshold to put in ``src/regime/screen/scorer.py``, and what they give on both halves.
Training pairs: each positive query with the entry it must find (label 1); each negative
query with its five most similar candidates (label 0). The harder combined variants
(``HARDER``, a slip on top of another change) are left out: they are reported, not fitted.
The country and entity-type weights are not fitted: the set holds too few type conflicts,
and its negatives (near neighbours of listed names, in the listed party's country) agree on
country as often as its positives, so it cannot tell what a country is worth. They are
priors, ``COUNTRY_PRIOR`` and ``KIND_PRIOR``, entered as offsets. The threshold is the one with the highest query-level recall on the calibration
half among those whose precision there is at least ``PRECISION_FLOOR`` (ties: the higher).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from regime.screen.index import ScreeningIndex
from regime.screen.loaders import default_index
from regime.screen.query import prepare
from regime.screen.scorer import Coefficients, Scored, combine, score_party
from screen_evalset import HARDER, Case, describe, labelled_set

PRECISION_FLOOR = 0.99
COUNTRY_PRIOR = 1.0
KIND_PRIOR = 3.0


@dataclass(frozen=True)
class Pair:
    """One query-party pair as features, with its label and the case it came from."""

    case: int
    features: tuple[float, float, float]
    label: int
    group: int


def features(scored: Scored) -> tuple[float, float, float]:
    """The three inputs of the logistic combination."""
    return (scored.best.similarity, scored.country, scored.kind)


def pairs(cases: list[Case], index: ScreeningIndex) -> list[Pair]:
    """Training pairs for every case (see the module docstring)."""
    by_id = {p.party.entry_id: p for p in index.parties}
    found: list[Pair] = []
    for number, case in enumerate(cases):
        prepared = prepare(case.query)
        if case.positive and case.source:
            found.append(Pair(number, features(score_party(prepared, by_id[case.source])), 1, case.group))
            continue
        positions = index.candidates(prepared.forms, floor=0.3, limit=200, literal=prepared.literal)
        scored = [score_party(prepared, index.parties[p]) for p in positions]
        scored.sort(key=lambda s: -s.best.similarity)
        found.extend(Pair(number, features(s), 0, case.group) for s in scored[:5])
    return found


def fit(x: np.ndarray, y: np.ndarray, offset: np.ndarray, l2: float = 1e-2, steps: int = 50) -> np.ndarray:
    """Logistic regression with a fixed offset, by Newton's method with a small ridge (bias unpenalised)."""
    design = np.hstack([np.ones((len(x), 1)), x])
    beta = np.zeros(design.shape[1])
    ridge = np.eye(design.shape[1]) * l2
    ridge[0, 0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(design @ beta + offset)))
        gradient = design.T @ (p - y) + ridge @ beta
        hessian = (design * (p * (1 - p))[:, None]).T @ design + ridge
        beta -= np.linalg.solve(hessian, gradient)
    return beta


def query_scores(found: list[Pair], weights: Coefficients, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Per case: the score of the entry a positive must find, or a negative's best score."""
    best = np.zeros(count)
    label = np.zeros(count, dtype=bool)
    for pair in found:
        best[pair.case] = max(best[pair.case], combine(*pair.features, weights=weights))
        label[pair.case] = bool(pair.label)
    return best, label


def precision_recall(best: np.ndarray, label: np.ndarray, threshold: float) -> tuple[float, float]:
    """Query-level precision and recall at ``threshold``."""
    flagged = best >= threshold
    true = int(np.sum(flagged & label))
    return true / max(1, int(np.sum(flagged))), true / max(1, int(np.sum(label)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=2000, help="positives and negatives each")
    args = parser.parse_args()
    index = default_index()
    started = time.perf_counter()
    cases = [c for c in labelled_set(index, size=args.size) if c.variant not in HARDER]
    print(f"labelled set: {len(cases)} cases in {time.perf_counter() - started:.1f} s ({describe(cases)})")
    found = pairs(cases, index)
    train = [p for p in found if p.group == 0]
    x = np.array([p.features[:1] for p in train])
    offset = np.array([COUNTRY_PRIOR * p.features[1] + KIND_PRIOR * p.features[2] for p in train])
    bias, similarity = (round(float(b), 3) for b in fit(x, np.array([p.label for p in train], dtype=float), offset))
    weights = Coefficients(bias=bias, similarity=similarity, country=COUNTRY_PRIOR, kind=KIND_PRIOR)
    print(f"COEFFICIENTS = {weights!r}")
    groups = {g: [p for p in found if p.group == g] for g in (0, 1)}
    best0, label0 = query_scores(groups[0], weights, len(cases))
    mask0 = np.isin(np.arange(len(cases)), [p.case for p in groups[0]])
    sweep = [(precision_recall(best0[mask0], label0[mask0], t), t) for t in np.arange(0.05, 0.96, 0.01)]
    allowed = [(recall, t) for (precision, recall), t in sweep if precision >= PRECISION_FLOOR]
    threshold = round(float(max(allowed)[1]), 2) if allowed else 0.5
    print(f"THRESHOLD = {threshold}")
    for group, name in ((0, "calibration"), (1, "held-out test")):
        best, label = query_scores(groups[group], weights, len(cases))
        mask = np.isin(np.arange(len(cases)), [p.case for p in groups[group]])
        p, r = precision_recall(best[mask], label[mask], threshold)
        print(f"{name:14}: precision {p:.4f}  recall {r:.4f}  ({int(mask.sum())} cases)")


if __name__ == "__main__":
    main()
