"""The cases service on both backends: the life of a case, every guard through the store, and the audit trail."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from regime.cases import screening, service
from regime.cases.machine import Action, State
from regime.cases.records import Approval, CaseInput, ClassificationInput, DeterminationInput, HitDecision, Reasoned
from regime.errors import InputError, NotFoundError
from regime.governance.access import Principal
from regime.governance.errors import AccessDeniedError, StateConflictError
from regime.governance.testing import People
from regime.licensing import register
from regime.store import Store
from regime.store.models import AuditEntry

from ..licensing.conftest import terms
from .conftest import EL_HIT, SDN_HIT, TableScreener, determination, opened, prepared

CLEAN = TableScreener()


def audit_of(store: Store, case_id: int) -> list[tuple[str, str, dict[str, str]]]:
    """(action, actor, payload) of the case's audit entries, in order."""
    with store.read() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.subject == f"compliance-case:{case_id}")).all()
        return [(r.action, r.actor, json.loads(r.payload)) for r in sorted(rows, key=lambda r: r.seq)]


def test_a_clean_case_goes_from_draft_to_closed_with_every_transition_audited(
    store: Store, exporter: Principal
) -> None:
    case = prepared(store, exporter)
    assert case.state is State.SCREENING
    case = screening.screen(store, exporter, case.id, CLEAN)
    assert (case.state, case.screening and case.screening["hits"]) == (State.REVIEW_REQUIRED, 0)
    case = service.approve(store, exporter, case.id, Approval(reason="no licence needed, parties clear"))
    assert case.state is State.APPROVED
    case = service.transition(store, exporter, case.id, Action.CLOSE, Reasoned(reason="shipped"))
    assert case.state is State.CLOSED and case.actions == []
    moves = [(e.from_state, e.to_state, e.actor, e.reason) for e in case.events]
    me = exporter.actor.name
    assert moves == [
        ("draft", "screening", me, "order 4711 received"),
        ("screening", "review_required", me, "screened against Test screening list v1: 0 hit(s)"),
        ("review_required", "approved", me, "no licence needed, parties clear"),
        ("approved", "closed", me, "shipped"),
    ]
    transitions = [(a, p["from"], p["to"], p["reason"]) for a, _, p in audit_of(store, case.id) if "from" in p]
    assert transitions == [
        ("case.submit", "draft", "screening", "order 4711 received"),
        ("case.screened_clear", "screening", "review_required", moves[1][3]),
        ("case.approve", "review_required", "approved", "no licence needed, parties clear"),
        ("case.close", "approved", "closed", "shipped"),
    ]
    assert {actor for _, actor, _ in audit_of(store, case.id)} == {me}
    assert [e.role for e in case.events] == ["exporter", "system", "exporter", "exporter"]


def test_nothing_is_approved_without_a_classification_and_a_screening_record(store: Store, exporter: Principal) -> None:
    case = opened(store, exporter)
    service.transition(store, exporter, case.id, Action.SUBMIT, Reasoned(reason="go"))
    with pytest.raises(StateConflictError, match="cannot approve a case that is screening"):
        service.approve(store, exporter, case.id, Approval(reason="in a hurry"))
    case = screening.screen(store, exporter, case.id, CLEAN)
    with pytest.raises(StateConflictError, match="no classification on record") as refused:
        service.approve(store, exporter, case.id, Approval(reason="in a hurry"))
    assert "no current screening record" not in str(refused.value)
    classes = ClassificationInput(list_id="us-ccl", version="2024-03-01", classes=("3A090.a",))
    service.classify(store, exporter, case.id, classes)
    case = service.transition(store, exporter, case.id, Action.RESCREEN, Reasoned(reason="check again"))
    assert case.screening is None and case.state is State.SCREENING
    with pytest.raises(StateConflictError):
        service.approve(store, exporter, case.id, Approval(reason="in a hurry"))
    assert service.get(store, exporter, case.id).state is State.SCREENING


def test_a_refused_transition_leaves_the_case_and_the_audit_log_as_they_were(store: Store, exporter: Principal) -> None:
    case = screening.screen(
        store, exporter, prepared(store, exporter).id, TableScreener({"Example Cloud Pte Ltd": [EL_HIT]})
    )
    before = (service.get(store, exporter, case.id), audit_of(store, case.id))
    with pytest.raises(StateConflictError, match="1 screening hit"):
        service.approve(store, exporter, case.id, Approval(reason="looks fine"))
    with pytest.raises(StateConflictError, match="say why"):
        service.transition(store, exporter, case.id, Action.ESCALATE, Reasoned(reason=""))
    assert (service.get(store, exporter, case.id), audit_of(store, case.id)) == before


def test_a_confirmed_prohibited_party_blocks_and_no_role_can_override(store: Store, people: People) -> None:
    exporter = people(None, None, "exporter")
    case = screening.screen(
        store, exporter, prepared(store, exporter).id, TableScreener({"Pacific Trading Pte Ltd": [SDN_HIT]})
    )
    assert case.state is State.ESCALATED and case.hits[0].prohibited
    hit = case.hits[0].id
    case = screening.confirm(store, exporter, case.id, hit, HitDecision(reason="same company, same address"))
    assert case.state is State.BLOCKED
    assert case.events[-1].reason.startswith("confirmed match to a prohibited party: 'Pacific Trading Pte Ltd'")
    with pytest.raises(StateConflictError, match="cannot approve a case that is blocked"):
        service.approve(store, exporter, case.id, Approval(reason="override"))
    with pytest.raises(StateConflictError, match="no role can override it"):
        screening.clear(store, exporter, case.id, hit, HitDecision(reason="on second thoughts"))
    # Sent back to screening, the remembered confirmation blocks it again by itself.
    service.transition(store, exporter, case.id, Action.RESCREEN, Reasoned(reason="try again"))
    again = screening.screen(store, exporter, case.id, TableScreener({"Pacific Trading Pte Ltd": [SDN_HIT]}))
    assert again.state is State.BLOCKED and again.hits[-1].status == "auto_confirmed"
    assert again.events[-1].reason.startswith("decision memory: 'Pacific Trading Pte Ltd' is SDN entry")


def test_no_official_of_the_member_can_approve_a_blocked_case(loaded: Store) -> None:
    people = People(loaded)
    officer, colleague = (
        people("wassenaar", "US", "licensing_officer"),
        people("wassenaar", "US", "chair", "licensing_officer"),
    )
    screener = TableScreener({"Pacific Trading Pte Ltd": [SDN_HIT]})
    case = screening.screen(loaded, officer, prepared(loaded, officer).id, screener)
    case = screening.confirm(loaded, officer, case.id, case.hits[0].id, HitDecision(reason="it is them"))
    assert case.state is State.BLOCKED
    for who in (officer, colleague):
        with pytest.raises(StateConflictError, match="cannot approve a case that is blocked"):
            service.approve(loaded, who, case.id, Approval(reason="override"))
        with pytest.raises(StateConflictError, match="no role can override it"):
            screening.clear(loaded, who, case.id, case.hits[0].id, HitDecision(reason="override"))
    assert service.get(loaded, colleague, case.id).state is State.BLOCKED


def test_a_case_that_needs_a_licence_is_approved_only_under_one_that_covers_it(
    store: Store, exporter: Principal
) -> None:
    case = screening.screen(store, exporter, prepared(store, exporter, "licence_required").id, CLEAN)
    with pytest.raises(StateConflictError, match=r"attach one that covers it \(no licence on record covers it\)"):
        service.approve(store, exporter, case.id, Approval(reason="fine"))
    elsewhere = register.add(store, exporter, terms(number="L-MY", destinations=["MY"]))
    with pytest.raises(StateConflictError, match=r"does not cover case .*covers MY; not SG"):
        service.approve(store, exporter, case.id, Approval(reason="fine", licence_id=elsewhere.id))
    dutch = register.add(store, exporter, terms(number="L-NL", issuing_member="NL"))
    with pytest.raises(StateConflictError, match=r"no determination of case .* needs one from it"):
        service.approve(store, exporter, case.id, Approval(reason="fine", licence_id=dutch.id))
    assert service.get(store, exporter, case.id).licence_id is None
    good = register.add(store, exporter, terms(number="L-SG"))
    with pytest.raises(StateConflictError, match=rf"\(licence L-SG \(id {good.id}\) covers it\)"):
        service.approve(store, exporter, case.id, Approval(reason="fine"))
    case = service.approve(store, exporter, case.id, Approval(reason="under L-SG", licence_id=good.id))
    assert (case.state, case.licence_id) == (State.APPROVED, good.id)


@pytest.mark.parametrize(
    ("outcome", "words"),
    [
        ("prohibited", "the determination says the transaction is prohibited"),
        ("indeterminate", "the determination is indeterminate (us: missing end use)"),
    ],
)
def test_a_prohibited_or_indeterminate_determination_is_never_approved(
    store: Store, exporter: Principal, outcome: str, words: str
) -> None:
    case = prepared(store, exporter)
    dets = (determination("no_licence_required", "nl"), determination(outcome, missing=["end use"]))
    service.record_determinations(store, exporter, case.id, DeterminationInput(determinations=dets))
    case = screening.screen(store, exporter, case.id, CLEAN)
    with pytest.raises(StateConflictError, match=words.replace("(", r"\(").replace(")", r"\)")):
        service.approve(store, exporter, case.id, Approval(reason="fine"))


def test_hits_are_cleared_or_confirmed_with_reasons_before_approval(store: Store, exporter: Principal) -> None:
    screener = TableScreener({"Example Cloud Pte Ltd": [EL_HIT], "Pacific Trading Pte Ltd": [SDN_HIT]})
    case = screening.screen(store, exporter, prepared(store, exporter).id, screener)
    assert case.state is State.ESCALATED
    el, sdn = sorted(case.hits, key=lambda h: h.list_code)
    screening.clear(store, exporter, case.id, sdn.id, HitDecision(reason="different company, other address"))
    with pytest.raises(StateConflictError, match="1 screening hit"):
        service.approve(store, exporter, case.id, Approval(reason="fine"))
    case = screening.confirm(store, exporter, case.id, el.id, HitDecision(reason="it is the listed entity"))
    assert case.state is State.ESCALATED  # an Entity List match needs a licence, not a block
    case = service.approve(store, exporter, case.id, Approval(reason="listed end user, licence not needed here"))
    assert case.state is State.APPROVED
    decided = {h.list_code: (h.status, h.decided_by, h.reason) for h in case.hits}
    assert decided == {
        "SDN": ("cleared", exporter.actor.name, "different company, other address"),
        "EL": ("confirmed", exporter.actor.name, "it is the listed entity"),
    }
    actions = [a for a, _, _ in audit_of(store, case.id)]
    assert actions.count("case.hit.cleared") == 1 and actions.count("case.hit.confirmed") == 1
    with pytest.raises(NotFoundError, match="no hit 999"):
        screening.clear(store, exporter, case.id, 999, HitDecision(reason="x"))


def test_escalate_and_block_from_review(store: Store, exporter: Principal) -> None:
    case = screening.screen(store, exporter, prepared(store, exporter).id, CLEAN)
    case = service.transition(store, exporter, case.id, Action.ESCALATE, Reasoned(reason="unusual order size"))
    assert case.state is State.ESCALATED
    case = service.transition(store, exporter, case.id, Action.BLOCK, Reasoned(reason="end use not credible"))
    assert case.state is State.BLOCKED and "approve" not in case.actions
    with pytest.raises(InputError, match="approve is not taken this way"):
        service.transition(store, exporter, case.id, Action.APPROVE, Reasoned(reason="x"))
    with pytest.raises(StateConflictError, match="its classification can no longer change"):
        service.classify(
            store, exporter, case.id, ClassificationInput(list_id="us-ccl", version="v", classes=("EAR99",))
        )


def test_screening_only_runs_on_a_case_in_screening_and_a_case_with_no_party_is_not_submitted(
    store: Store, exporter: Principal
) -> None:
    case = opened(store, exporter)
    with pytest.raises(StateConflictError, match="only a case in screening is screened"):
        screening.screen(store, exporter, case.id, CLEAN)
    empty = opened(store, exporter, parties=[])
    with pytest.raises(StateConflictError, match="names no party to screen"):
        service.transition(store, exporter, empty.id, Action.SUBMIT, Reasoned(reason="go"))


def test_cases_are_private_to_their_owner_and_kept_by_exporters_and_officers(store: Store, people: People) -> None:
    mine, other = people(None, None, "exporter"), people(None, None, "exporter")
    case = opened(store, mine)
    with pytest.raises(NotFoundError):
        service.get(store, other, case.id)
    with pytest.raises(NotFoundError):
        service.transition(store, other, case.id, Action.SUBMIT, Reasoned(reason="go"))
    assert [c.id for c in service.listing(store, mine)] == [case.id] and service.listing(store, other) == []
    assert service.listing(store, mine, State.APPROVED) == []


def test_a_list_expert_keeps_no_cases(loaded: Store) -> None:
    expert = People(loaded)("wassenaar", "US", "list_expert")
    with pytest.raises(AccessDeniedError, match="kept by exporters and licensing officers"):
        opened(loaded, expert)


def test_bad_input_names_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="ship_until 2024-01-01 is before ship_from 2024-02-01"):
        CaseInput.model_validate({"reference": "x", "transaction": {"date": "2024-01-01"},
                                  "ship_from": dt.date(2024, 2, 1), "ship_until": dt.date(2024, 1, 1)})  # fmt: skip
    with pytest.raises(ValueError, match="extra"):
        CaseInput.model_validate({"reference": "x", "transaction": {"date": "2024-01-01"}, "colour": "red"})
