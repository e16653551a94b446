"""Scoring an effort against the essay's checklist (pure): actions + criteria + as-of date -> scores.

Each criterion is *met* when its ``met`` level holds, *partly* when its ``partly`` level does, and
*unknown* when the public record shows neither: a missing fact is never read as a failure or a pass.
Contrary evidence (``against``) lowers the score to its cap; with no other evidence it makes the
criterion *not met*. Progress over time is the same scoring at each date an action became known.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from regime.assess.model import Action, Criterion, Effort, Rule, Score
from regime.assess.rules import level_outcome, matching


@dataclass(frozen=True)
class Evidence:
    """An action that counted, what it counted for, and at which level (met, partly, against)."""

    action: Action
    supports: str
    level: str


@dataclass(frozen=True)
class CriterionScore:
    """A criterion's score with the evidence behind it and what is still missing for *met*."""

    criterion: Criterion
    score: Score
    evidence: tuple[Evidence, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class Assessment:
    """Every criterion's score for one effort as of a date (``None``: everything recorded)."""

    effort: Effort
    as_of: dt.date | None
    scores: tuple[CriterionScore, ...]

    @property
    def points(self) -> float:
        """Progress: one point per criterion met, half per criterion partly met."""
        return sum(s.score.rank for s in self.scores)


def _capped(score: Score, cap: str) -> Score:
    if score is Score.UNKNOWN or cap == Score.NOT_MET.value:
        return Score.NOT_MET
    return Score.PARTLY if score is Score.MET else score


def score_criterion(
    criterion: Criterion, actions: Sequence[Action], initiator: str, as_of: dt.date | None = None
) -> CriterionScore:
    """Score one criterion on the actions known by ``as_of`` (all of them when ``None``)."""
    known = [a for a in actions if as_of is None or a.date.known_by <= as_of]
    met = level_outcome(criterion.met, known, initiator)
    partly = level_outcome(criterion.partly, known, initiator)
    score = Score.MET if met.holds else Score.PARTLY if partly.holds else Score.UNKNOWN
    support: list[tuple[Rule, Action, str]] = [(r, a, "met") for r, a in met.support]
    if not met.holds:
        support += [(r, a, "partly") for r, a in partly.support]
    for rule in criterion.against:
        found = matching(rule, known, initiator)
        if found:
            score = _capped(score, rule.cap)
            support += [(rule, a, "against") for a in found]
    evidence: dict[tuple[str, bool], Evidence] = {}
    for counted, action, level in support:
        evidence.setdefault((action.id, level == "against"), Evidence(action, counted.need, level))
    ordered = sorted(evidence.values(), key=lambda e: (e.action.date, e.action.id))
    return CriterionScore(criterion, score, tuple(ordered), tuple(r.need for r in met.failed))


def assess(effort: Effort, criteria: Sequence[Criterion], as_of: dt.date | None = None) -> Assessment:
    """Score every criterion for an effort as of a date."""
    scores = tuple(score_criterion(c, effort.actions, effort.initiator, as_of) for c in criteria)
    return Assessment(effort, as_of, scores)


@dataclass(frozen=True)
class ProgressPoint:
    """The assessment on a date and the actions that became known that day."""

    date: dt.date
    actions: tuple[Action, ...]
    assessment: Assessment


def progress(effort: Effort, criteria: Sequence[Criterion]) -> list[ProgressPoint]:
    """The assessment at each date on which an action became known, oldest first."""
    days = sorted({a.date.known_by for a in effort.actions})
    return [
        ProgressPoint(
            day,
            tuple(a for a in effort.actions if a.date.known_by == day),
            assess(effort, criteria, day),
        )
        for day in days
    ]
