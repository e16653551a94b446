"""The transition table, pure: which action leads where from which state, and every guard's refusal."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regime.cases.machine import Action, Facts, State, actions_from, allowed
from regime.governance.errors import StateConflictError

READY = Facts(reason="checked", parties=2, classified=True, screened=True)
EDGES = {
    (Action.SUBMIT, State.DRAFT): State.SCREENING,
    (Action.SCREENED_CLEAR, State.SCREENING): State.REVIEW_REQUIRED,
    (Action.SCREENED_HIT, State.SCREENING): State.ESCALATED,
    (Action.ESCALATE, State.REVIEW_REQUIRED): State.ESCALATED,
    (Action.APPROVE, State.REVIEW_REQUIRED): State.APPROVED,
    (Action.APPROVE, State.ESCALATED): State.APPROVED,
    (Action.BLOCK, State.SCREENING): State.BLOCKED,
    (Action.BLOCK, State.REVIEW_REQUIRED): State.BLOCKED,
    (Action.BLOCK, State.ESCALATED): State.BLOCKED,
    (Action.CLOSE, State.APPROVED): State.CLOSED,
    (Action.CLOSE, State.BLOCKED): State.CLOSED,
    **{
        (Action.RESCREEN, s): State.SCREENING
        for s in (State.SCREENING, State.REVIEW_REQUIRED, State.ESCALATED, State.APPROVED, State.BLOCKED)
    },
}


def facts_for(action: Action) -> Facts:
    """Facts under which ``action``'s guards all hold."""
    return dataclasses.replace(READY, prohibited_open=1) if action is Action.SCREENED_HIT else READY


@pytest.mark.parametrize("state", list(State))
@pytest.mark.parametrize("action", list(Action))
def test_every_action_from_every_state_goes_where_the_table_says_or_is_refused(action: Action, state: State) -> None:
    target = EDGES.get((action, state))
    if target is None:
        with pytest.raises(StateConflictError, match=f"a case that is {state.value}"):
            allowed(action, state, facts_for(action))
        assert action not in actions_from(state)
    else:
        assert allowed(action, state, facts_for(action)) is target
        assert action in actions_from(state)


def test_closed_is_final_and_blocked_never_leads_to_approved() -> None:
    assert actions_from(State.CLOSED) == []
    assert Action.APPROVE not in actions_from(State.BLOCKED)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"reason": "  "}, "say why"),
        ({"classified": False}, "no classification on record"),
        ({"screened": False}, "no current screening record"),
        ({"open_hits": 2}, "2 screening hit(s) are still undecided"),
        ({"prohibited_confirmed": ("'X' is SDN entry 'X'",)}, "prohibited party ('X' is SDN entry 'X'): no role can override it"),
        ({"outcome": "prohibited"}, "the determination says the transaction is prohibited"),
        ({"indeterminate": ("us: missing end use",)}, "indeterminate (us: missing end use)"),
        ({"needs_licence": True}, "requires a licence: attach one that covers it"),
    ],
)  # fmt: skip
def test_each_approval_guard_refuses_on_its_own(changes: dict[str, object], words: str) -> None:
    with pytest.raises(StateConflictError, match="cannot approve") as refused:
        allowed(Action.APPROVE, State.ESCALATED, dataclasses.replace(READY, **changes))  # type: ignore[arg-type]
    assert words in str(refused.value)


def test_a_licence_satisfies_the_licence_guard_and_every_failing_guard_is_named() -> None:
    assert allowed(Action.APPROVE, State.REVIEW_REQUIRED, dataclasses.replace(READY, needs_licence=True, licence=True))
    with pytest.raises(StateConflictError) as refused:
        allowed(Action.APPROVE, State.REVIEW_REQUIRED, Facts(reason=""))
    assert all(w in str(refused.value) for w in ("say why", "no classification", "no current screening"))


@pytest.mark.parametrize(
    ("action", "state", "changes", "words"),
    [
        (Action.SUBMIT, State.DRAFT, {"parties": 0}, "names no party to screen"),
        (Action.SUBMIT, State.DRAFT, {"reason": ""}, "say why"),
        (Action.SCREENED_CLEAR, State.SCREENING, {"prohibited_open": 1}, "an open hit is on a prohibited-party list"),
        (Action.SCREENED_HIT, State.SCREENING, {}, "no open hit on a prohibited-party list"),
        (Action.SCREENED_CLEAR, State.SCREENING, {"screened": False}, "no current screening record"),
        (Action.ESCALATE, State.REVIEW_REQUIRED, {"reason": ""}, "say why"),
        (Action.BLOCK, State.ESCALATED, {"reason": ""}, "say why"),
        (Action.CLOSE, State.APPROVED, {"reason": ""}, "say why"),
        (Action.RESCREEN, State.APPROVED, {"reason": ""}, "say why"),
    ],
)
def test_the_other_guards(action: Action, state: State, changes: dict[str, object], words: str) -> None:
    with pytest.raises(StateConflictError, match=words):
        allowed(action, state, dataclasses.replace(READY, **changes))  # type: ignore[arg-type]


@given(
    path=st.lists(st.sampled_from(list(Action)), max_size=30),
    facts=st.builds(Facts, reason=st.just("why"), parties=st.integers(0, 2), classified=st.booleans(),
                    screened=st.booleans(), open_hits=st.integers(0, 2), prohibited_open=st.integers(0, 1),
                    licence=st.booleans(), needs_licence=st.booleans()),
)  # fmt: skip
def test_with_a_confirmed_prohibited_match_no_path_reaches_approved(path: list[Action], facts: Facts) -> None:
    facts = dataclasses.replace(facts, prohibited_confirmed=("'X' is SDN entry 'X'",))
    state = State.DRAFT
    for action in path:
        try:
            state = allowed(action, state, facts)
        except StateConflictError:
            continue
        assert state is not State.APPROVED
