"""The shipped efforts: they load, cite the reference files, and Wassenaar's founding scores best."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from regime.assess.checklist import assess, progress
from regime.assess.loader import Checklist
from regime.assess.memberships import load_memberships
from regime.assess.model import Effort, Score
from regime.paths import PROJECT_DIR

NAMED = {"ttc", "aukus", "quad", "chip-alliance", "wassenaar"}
REFERENCE = PROJECT_DIR.parent / "shared" / "reference"


def test_the_efforts_the_essay_names_are_shipped(efforts: dict[str, Effort]) -> None:
    assert set(efforts) >= NAMED


def test_every_action_cites_a_reference_file_with_a_tag(efforts: dict[str, Effort]) -> None:
    for effort in efforts.values():
        for action in effort.actions:
            reference = effort.references[action.source.ref]
            assert reference.path and reference.path.startswith("../shared/reference/"), (effort.id, action.id)
            assert re.fullmatch(r"[VSU](/[VSU])*", action.source.tag)


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[\"“”'’]", "", text).split())


def test_quoted_words_appear_in_the_essay(efforts: dict[str, Effort]) -> None:
    path = REFERENCE / "notes-on-creating-an-export-control-regime.txt"
    if not path.exists():
        pytest.skip("the essay is not beside this checkout")
    essay = _plain(path.read_text(encoding="utf-8"))
    quoted = [a for e in efforts.values() for a in e.actions if a.source.ref == "essay" and a.source.words]
    assert quoted
    for action in quoted:
        assert _plain(action.source.words or "") in essay, action.id


def test_efforts_without_evidence_say_so(efforts: dict[str, Effort], checklist: Checklist) -> None:
    quad = assess(efforts["quad"], checklist.criteria)
    assert {s.score for s in quad.scores} == {Score.UNKNOWN}
    assert efforts["quad"].gaps


def test_wassenaar_scores_better_on_the_criteria_it_is_known_to_meet(
    efforts: dict[str, Effort], checklist: Checklist
) -> None:
    reference = assess(efforts["wassenaar"], checklist.criteria)
    met = {s.criterion.id for s in reference.scores if s.score is Score.MET}
    assert {"shared-problem", "senior-leadership", "not-unilateral", "nation-states-only"} <= met
    for other in NAMED - {"wassenaar"}:
        result = assess(efforts[other], checklist.criteria)
        on_met = [s for s in result.scores if s.criterion.id in met]
        assert sum(s.score.rank for s in on_met) < len(met), other
        assert result.points < reference.points, other


def test_wassenaar_progress_follows_the_founding_dates(efforts: dict[str, Effort], checklist: Checklist) -> None:
    points = progress(efforts["wassenaar"], checklist.criteria)
    assert points[0].date == dt.date(1994, 3, 31)
    assert points[0].assessment.points == 0
    totals = [p.assessment.points for p in points]
    assert totals == sorted(totals)
    before = assess(efforts["wassenaar"], checklist.criteria, dt.date(1995, 6, 1))
    assert before.points == 0


def test_big_tent_makes_wassenaars_membership_not_met_until_japan_and_germany_are_recorded(
    efforts: dict[str, Effort], checklist: Checklist
) -> None:
    founding = assess(efforts["wassenaar"], checklist.criteria, dt.date(1996, 12, 31))
    later = assess(efforts["wassenaar"], checklist.criteria, dt.date(2018, 1, 1))
    by_id = {s.criterion.id: s.score for s in founding.scores}
    assert by_id["focused-membership"] is Score.NOT_MET
    assert {s.criterion.id: s.score for s in later.scores}["focused-membership"] is Score.PARTLY


def test_wassenaar_members_in_the_effort_match_the_named_membership(efforts: dict[str, Effort]) -> None:
    memberships, _ = load_memberships()
    joins = next(a for a in efforts["wassenaar"].actions if a.id == "india-joins")
    assert set(joins.attributes["members"]) == memberships["wassenaar"].members
    assert joins.attributes["member_count"] == 42


def test_chip_alliance_partners_are_its_membership(efforts: dict[str, Effort]) -> None:
    memberships, _ = load_memberships()
    chips = efforts["chip-alliance"]
    assert {chips.initiator, *chips.partners} == memberships["chip-alliance"].members
