"""The case state machine as data: states, the transition table, and the guards each transition checks.

    draft -> screening -> review_required / escalated -> approved / blocked -> closed
    any screened state -> screening  (a list it was checked against changed, or a reviewer asks)

Pure: ``allowed(action, state, facts)`` returns the target state or raises with every guard that
failed. Guards read ``Facts``, a snapshot the service takes of the case. Nothing is approved
without a classification and a current screening record; a confirmed match to a prohibited party
leaves no way to ``approved`` for anyone: the table has no such edge out of ``blocked``, and the
approval guard refuses while the confirmation stands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from regime.governance.errors import StateConflictError


class State(StrEnum):
    """Where a case stands."""

    DRAFT = "draft"
    SCREENING = "screening"
    REVIEW_REQUIRED = "review_required"
    ESCALATED = "escalated"
    APPROVED = "approved"
    BLOCKED = "blocked"
    CLOSED = "closed"


class Action(StrEnum):
    """What moves a case; ``screened_*`` and list-change ``rescreen`` are taken by the service itself."""

    SUBMIT = "submit"
    SCREENED_CLEAR = "screened_clear"
    SCREENED_HIT = "screened_hit"
    ESCALATE = "escalate"
    APPROVE = "approve"
    BLOCK = "block"
    CLOSE = "close"
    RESCREEN = "rescreen"


@dataclass(frozen=True)
class Facts:
    """What the guards read of a case."""

    reason: str
    parties: int = 0
    classified: bool = False
    screened: bool = False
    open_hits: int = 0
    prohibited_open: int = 0
    prohibited_confirmed: tuple[str, ...] = ()
    outcome: str | None = None
    indeterminate: tuple[str, ...] = ()
    needs_licence: bool = False
    licence: bool = False


Guard = Callable[[Facts], str | None]


def reason_given(f: Facts) -> str | None:
    """Every transition says why."""
    return None if f.reason.strip() else "say why (a reason is recorded with every transition)"


def has_parties(f: Facts) -> str | None:
    """Screening needs someone to screen."""
    return None if f.parties else "the transaction names no party to screen"


def has_classification(f: Facts) -> str | None:
    """Approval needs the items classified."""
    return None if f.classified else "the items have no classification on record"


def has_screening(f: Facts) -> str | None:
    """Approval needs a current screening record."""
    return None if f.screened else "the parties have no current screening record"


def hits_decided(f: Facts) -> str | None:
    """Every screening hit is cleared or confirmed before approval."""
    return None if not f.open_hits else f"{f.open_hits} screening hit(s) are still undecided"


def no_prohibited_party(f: Facts) -> str | None:
    """A confirmed match to a prohibited party blocks, whoever asks."""
    if not f.prohibited_confirmed:
        return None
    return f"confirmed match to a prohibited party ({'; '.join(f.prohibited_confirmed)}): no role can override it"


def not_prohibited(f: Facts) -> str | None:
    """A determination that the transaction is prohibited cannot be approved."""
    return "the determination says the transaction is prohibited" if f.outcome == "prohibited" else None


def determinate(f: Facts) -> str | None:
    """An indeterminate determination is never read as a clearance: settle what it is missing first."""
    if not f.indeterminate:
        return None
    return f"the determination is indeterminate ({'; '.join(f.indeterminate)}): settle what it is missing first"


def licence_if_needed(f: Facts) -> str | None:
    """A transaction that needs a licence is approved under one that covers it."""
    return (
        "the determination requires a licence: attach one that covers it" if f.needs_licence and not f.licence else None
    )


def only_prohibited_hits(f: Facts) -> str | None:
    """Screening escalates when a hit is on a list whose parties may not be dealt with."""
    return None if f.prohibited_open else "no open hit on a prohibited-party list"


def no_prohibited_hits(f: Facts) -> str | None:
    """Screening with no open hit on a prohibited-party list goes to ordinary review."""
    return None if not f.prohibited_open else "an open hit is on a prohibited-party list"


@dataclass(frozen=True)
class Transition:
    """One edge: the action, the states it leaves from, where it goes, and its guards."""

    action: Action
    sources: frozenset[State]
    target: State
    guards: tuple[Guard, ...] = (reason_given,)


SCREENED = frozenset({State.SCREENING, State.REVIEW_REQUIRED, State.ESCALATED, State.APPROVED, State.BLOCKED})
REVIEW = frozenset({State.REVIEW_REQUIRED, State.ESCALATED})
APPROVAL_GUARDS: tuple[Guard, ...] = (
    reason_given, has_classification, has_screening, hits_decided, no_prohibited_party, not_prohibited, determinate,
    licence_if_needed,
)  # fmt: skip

TABLE: tuple[Transition, ...] = (
    Transition(Action.SUBMIT, frozenset({State.DRAFT}), State.SCREENING, (reason_given, has_parties)),
    Transition(Action.SCREENED_CLEAR, frozenset({State.SCREENING}), State.REVIEW_REQUIRED, (has_screening, no_prohibited_hits)),
    Transition(Action.SCREENED_HIT, frozenset({State.SCREENING}), State.ESCALATED, (has_screening, only_prohibited_hits)),
    Transition(Action.ESCALATE, frozenset({State.REVIEW_REQUIRED}), State.ESCALATED),
    Transition(Action.APPROVE, REVIEW, State.APPROVED, APPROVAL_GUARDS),
    Transition(Action.BLOCK, REVIEW | {State.SCREENING}, State.BLOCKED),
    Transition(Action.CLOSE, frozenset({State.APPROVED, State.BLOCKED}), State.CLOSED),
    Transition(Action.RESCREEN, SCREENED, State.SCREENING),
)  # fmt: skip
BY_ACTION = {t.action: t for t in TABLE}


def allowed(action: Action, state: State, facts: Facts) -> State:
    """The state ``action`` leads to from ``state``; ``StateConflictError`` naming every guard that fails."""
    edge = BY_ACTION[action]
    if state not in edge.sources:
        leaving = ", ".join(sorted(s.value for s in edge.sources))
        raise StateConflictError(
            f"cannot {action.value.replace('_', ' ')} a case that is {state.value} (only from {leaving})"
        )
    problems = [problem for guard in edge.guards if (problem := guard(facts))]
    if problems:
        raise StateConflictError(f"cannot {action.value.replace('_', ' ')}: " + "; ".join(problems))
    return edge.target


def actions_from(state: State) -> list[Action]:
    """The actions the table allows from ``state`` (guards aside)."""
    return [t.action for t in TABLE if state in t.sources]
