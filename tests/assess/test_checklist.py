"""Scoring criteria on hand-made action sets: each score level, contrary evidence, dates and actors."""

from __future__ import annotations

import datetime as dt

from regime.assess.checklist import assess, progress, score_criterion
from regime.assess.loader import Checklist
from regime.assess.model import Criterion, Score

from .builders import act, effort


def score(checklist: Checklist, criterion_id: str, *actions, as_of: dt.date | None = None) -> Score:
    result = score_criterion(checklist.criterion(criterion_id), list(actions), "US", as_of)
    return result.score


def test_no_actions_is_unknown_for_every_criterion(checklist: Checklist) -> None:
    result = assess(effort(), checklist.criteria)
    assert {s.score for s in result.scores} == {Score.UNKNOWN}
    assert result.points == 0
    assert all(s.missing for s in result.scores)


def test_shared_problem_levels(checklist: Checklist) -> None:
    joint = act("j", "2024-01-02", "joint-statement", "US", "JP", framing=["coercion", "ip-appropriation"])
    alone = act("a", "2024-01-02", "announcement", "US", framing=["predatory-trade"])
    dominance = act("d", "2024-02-01", "announcement", "US", framing=["technology-dominance"])
    assert score(checklist, "shared-problem", joint) is Score.MET
    assert score(checklist, "shared-problem", alone) is Score.PARTLY
    assert score(checklist, "shared-problem", joint, dominance) is Score.PARTLY  # capped
    assert score(checklist, "shared-problem", dominance) is Score.NOT_MET  # contrary evidence only


def test_senior_leadership_needs_the_initiators_leader_and_a_suited_lead(checklist: Checklist) -> None:
    president = act("p", "2024-03-01", "announcement", "US", role="head-of-government", lead_agency="foreign-ministry")
    partner_leader = act("q", "2024-03-01", "meeting", "JP", role="foreign-minister")
    defence = act("d", "2024-04-01", "meeting", "US", lead_agency="defence-ministry")
    assert score(checklist, "senior-leadership", president) is Score.MET
    assert score(checklist, "senior-leadership", partner_leader) is Score.PARTLY
    assert score(checklist, "senior-leadership", president, defence) is Score.PARTLY


def test_launch_white_paper_must_follow_the_announcement_within_ninety_days(checklist: Checklist) -> None:
    announce = act("a", "2024-01-10", "announcement", "US", role="head-of-government")
    plan = {"plan_states": ["membership", "meeting-frequency", "secretariat", "topics"], "open_to_amendment": True}
    prompt = act("w", "2024-02-01", "white-paper", "US", initiator_minimum=True, **plan)
    late = act("w", "2024-09-01", "white-paper", "US", initiator_minimum=True, **plan)
    assert score(checklist, "launch", announce, prompt) is Score.MET
    assert score(checklist, "launch", announce, late) is Score.PARTLY
    assert score(checklist, "launch", prompt) is Score.PARTLY  # a plan without the announcement


def test_chairs_must_be_held_by_partners_not_the_initiator(checklist: Checklist) -> None:
    joint = act("j", "2024-01-01", "declaration", "US", "JP", "NL")
    chairs = [act(f"c{p}", "2024-01-01", "chair-appointment", p) for p in ("JP", "NL")]
    own = [act(f"u{i}", "2024-01-01", "chair-appointment", "US") for i in range(2)]
    assert score(checklist, "not-unilateral", joint, *chairs) is Score.MET
    assert score(checklist, "not-unilateral", joint, *own) is Score.PARTLY
    assert score(checklist, "not-unilateral", *own) is Score.UNKNOWN


def test_private_actors_at_the_table_mean_not_met(checklist: Checklist) -> None:
    states_only = act("s", "2024-01-01", "negotiation", "US", private_participation=False)
    firm = act("f", "2024-02-01", "meeting", "US", "JP", role="private")
    assert score(checklist, "nation-states-only", states_only) is Score.MET
    assert score(checklist, "nation-states-only", states_only, firm) is Score.NOT_MET


def test_group_actors_count_through_state_count(checklist: Checklist) -> None:
    framing = act("g", "1996-07", "negotiation", framing=["post-cold-war-reform"], state_count=33)
    unnamed = act("h", "1996-07", "negotiation", framing=["post-cold-war-reform"])
    assert score(checklist, "shared-problem", framing) is Score.MET
    assert score(checklist, "shared-problem", unnamed) is Score.PARTLY


def test_as_of_counts_partial_dates_from_the_end_of_their_period(checklist: Checklist) -> None:
    target = act("t", "2024-06", "announcement", "US", target_date="2025-01-01")
    assert score(checklist, "urgency", target, as_of=dt.date(2024, 6, 15)) is Score.UNKNOWN
    assert score(checklist, "urgency", target, as_of=dt.date(2024, 6, 30)) is Score.MET


def test_at_least_counts_distinct_values(checklist: Checklist) -> None:
    two = act("t", "2024-01-01", "agreement", "US", "JP", concepts=["software", "research"])
    one = act("o", "2024-01-01", "agreement", "US", "JP", concepts=["software", "end-use"])
    assert score(checklist, "new-concepts", two) is Score.MET
    assert score(checklist, "new-concepts", one) is Score.PARTLY


def test_evidence_names_the_actions_and_missing_names_the_unmet_rules(checklist: Checklist) -> None:
    partner_leader = act("q", "2024-03-01", "meeting", "JP", role="foreign-minister")
    result = score_criterion(checklist.criterion("senior-leadership"), [partner_leader], "US")
    assert [e.action.id for e in result.evidence] == ["q"]
    assert any("foreign ministry" in m for m in result.missing)


def test_progress_scores_each_date_an_action_became_known(checklist: Checklist) -> None:
    first = act("a", "2024-01-10", "announcement", "US", role="head-of-government")
    second = act("b", "2024-03", "chair-appointment", "JP")
    points = progress(effort(first, second), checklist.criteria)
    assert [p.date for p in points] == [dt.date(2024, 1, 10), dt.date(2024, 3, 31)]
    assert [a.id for a in points[1].actions] == ["b"]
    assert points[0].assessment.points <= points[1].assessment.points


def test_a_criterion_without_a_partly_level_goes_from_unknown_to_met() -> None:
    criterion = Criterion.model_validate(
        {
            "id": "x",
            "title": "x",
            "essay": "x",
            "missing": "x",
            "met": {"all": [{"need": "a meeting", "kinds": ["meeting"]}]},
        }
    )
    meeting = act("m", "2024-01-01", "meeting", "US")
    assert score_criterion(criterion, [], "US").score is Score.UNKNOWN
    assert score_criterion(criterion, [meeting], "US").score is Score.MET
