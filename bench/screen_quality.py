"""Precision and recall of screening at the documented threshold, on the labelled set.

Run: ``.venv/bin/python bench/screen_quality.py [--size 2000] [--errors 20]``.
A positive counts as found when the entry it was made from is among the hits; a query is
flagged when it has any hit; precision is the share of flags that are right (a positive
flagged with its entry). Figures are given for the held-out half (group 1), the calibration
half and both, over the variants the issue lists; then with the harder combined variants
(a slip on top of another change) added; per variant; and for thresholds around the chosen one.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from regime.screen.engine import scored_candidates
from regime.screen.index import ScreeningIndex
from regime.screen.loaders import default_index
from regime.screen.query import prepare
from regime.screen.scorer import THRESHOLD
from screen_evalset import HARDER, Case, describe, labelled_set

Outcome = tuple[Case, float, float, str]  # case, best score of its entry, best score of any other, best name


def outcomes(cases: list[Case], index: ScreeningIndex) -> list[Outcome]:
    """For each case: its entry's score (positives), the best other score, and what scored best."""
    found: list[Outcome] = []
    for case in cases:
        scored = scored_candidates(prepare(case.query), index)
        own = max((s.score for p, s in scored if index.parties[p].party.entry_id == case.source), default=0.0)
        other = max((s.score for p, s in scored if index.parties[p].party.entry_id != case.source), default=0.0)
        top = index.parties[scored[0][0]].party.name if scored else ""
        found.append((case, own, other, top))
    return found


def measure(found: list[Outcome], threshold: float) -> tuple[float, float, int, int]:
    """Precision, recall, positives and negatives at ``threshold``."""
    right = flagged = positives = 0
    for case, own, other, _ in found:
        positives += case.positive
        right += case.positive and own >= threshold
        flagged += own >= threshold or other >= threshold
    negatives = len(found) - positives
    return right / max(1, flagged), right / max(1, positives), positives, negatives


def report(found: list[Outcome], threshold: float) -> None:
    """Print the figures of the module docstring."""
    listed = [o for o in found if o[0].variant not in HARDER]
    for label, group in (("held-out test", [1]), ("calibration", [0]), ("both halves", [0, 1])):
        part = [o for o in listed if o[0].group in group]
        precision, recall, pos, neg = measure(part, threshold)
        print(f"{label:14} precision {precision:.4f}  recall {recall:.4f}  ({pos} positives, {neg} negatives)")
    precision, recall, pos, neg = measure(found, threshold)
    print(
        f"{'with harder':14} precision {precision:.4f}  recall {recall:.4f}  (adding {len(found) - len(listed)} combined variants)"
    )
    by_variant: defaultdict[str, list[Outcome]] = defaultdict(list)
    for outcome in found:
        by_variant[outcome[0].variant].append(outcome)
    for variant, part in sorted(by_variant.items()):
        if part[0][0].positive:
            share = sum(o[1] >= threshold for o in part) / len(part)
            print(f"  recall    {variant:16} {share:.4f}  ({len(part)})")
        else:
            share = sum(o[2] >= threshold for o in part) / len(part)
            print(f"  flagged   {variant:16} {share:.4f}  ({len(part)})")
    print("threshold sweep (both halves):")
    for t in sorted({round(threshold + d, 2) for d in (-0.2, -0.1, -0.05, 0.0, 0.05, 0.1, 0.15)} - {0.0}):
        if 0.0 < t < 1.0:
            precision, recall, _, _ = measure(found, t)
            print(f"  {t:.2f}: precision {precision:.4f}  recall {recall:.4f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=2000, help="positives and negatives each")
    parser.add_argument("--errors", type=int, default=0, help="print this many misses and false flags")
    args = parser.parse_args()
    index = default_index()
    cases = labelled_set(index, size=args.size)
    print(f"labelled set from the CSL ({index.version.label}): {len(cases)} cases ({describe(cases)})")
    started = time.perf_counter()
    found = outcomes(cases, index)
    print(f"screened in {time.perf_counter() - started:.1f} s; threshold {THRESHOLD}")
    report(found, THRESHOLD)
    if args.errors:
        misses = sorted((o for o in found if o[0].positive and o[1] < THRESHOLD), key=lambda o: o[1])
        flags = sorted((o for o in found if not o[0].positive and o[2] >= THRESHOLD), key=lambda o: -o[2])
        for case, own, _, top in misses[: args.errors]:
            print(f"  missed  {own:.3f} {case.variant:15} {case.query.name!r} -> {case.source} (best: {top!r})")
        for case, _, other, top in flags[: args.errors]:
            print(f"  flagged {other:.3f} {case.variant:15} {case.query.name!r} {case.query.country} -> {top!r}")


if __name__ == "__main__":
    main()
