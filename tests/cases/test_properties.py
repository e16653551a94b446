"""Properties of the case service: whatever reviewers try, in any order, the guards hold and the log is complete.

After every step: an approved case has a classification, a current screening record, no undecided
hit and no confirmed match to a prohibited party (a blocked case is approved only after a screening
in which the listed entry no longer matches); and every transition the case went through has its
event and its audit entry (who and why), no more, no less.
Run on both backends.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from regime.cases import screening, service
from regime.cases.machine import Action, State
from regime.cases.records import Approval, HitDecision, Reasoned
from regime.errors import RegimeError
from regime.governance.testing import People
from regime.store.models import AuditEntry
from regime.store.testing import Backend, FixedClock

from .conftest import EL_HIT, SDN_HIT, TableScreener, opened, prepared

SCREENERS = {
    "none": TableScreener(),
    "sdn": TableScreener({"Pacific Trading Pte Ltd": [SDN_HIT]}),
    "both": TableScreener({"Pacific Trading Pte Ltd": [SDN_HIT], "Example Cloud Pte Ltd": [EL_HIT]}),
}
MOVES = [Action.SUBMIT, Action.ESCALATE, Action.BLOCK, Action.CLOSE, Action.RESCREEN]
steps = st.lists(
    st.one_of(
        st.tuples(st.just("screen"), st.sampled_from(sorted(SCREENERS))),
        st.tuples(st.sampled_from(["clear", "confirm"]), st.integers(0, 1)),
        st.tuples(st.just("approve"), st.just("")),
        st.tuples(st.just("move"), st.sampled_from([a.value for a in MOVES])),
    ),
    max_size=14,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=steps, classified=st.booleans())
def test_any_sequence_keeps_the_guards_and_a_complete_log(
    backend: Backend, plan: list[tuple[str, object]], classified: bool
) -> None:
    store = backend.fresh(FixedClock())
    try:
        who = People(store)(None, None, "exporter")
        case = prepared(store, who) if classified else opened(store, who)
        for kind, arg in plan:
            try:
                if kind == "screen":
                    screening.screen(store, who, case.id, SCREENERS[str(arg)])
                elif kind in ("clear", "confirm"):
                    hits = [h for h in service.get(store, who, case.id).hits if h.status == "open"]
                    if hits:
                        decide = screening.clear if kind == "clear" else screening.confirm
                        decide(store, who, case.id, hits[int(str(arg)) % len(hits)].id, HitDecision(reason=kind))
                elif kind == "approve":
                    service.approve(store, who, case.id, Approval(reason="approve"))
                else:
                    service.transition(store, who, case.id, Action(str(arg)), Reasoned(reason=f"move {arg}"))
            except RegimeError:
                pass
            now = service.get(store, who, case.id)
            current = [h for h in now.hits if now.screening and h.round == now.screening["round"]]
            if now.state is State.APPROVED:
                assert now.classification is not None and now.screening is not None
                assert all(h.status != "open" for h in current)
                assert not any(h.prohibited and h.status in ("confirmed", "auto_confirmed") for h in current)
        with store.read() as session:
            rows = session.scalars(select(AuditEntry).where(AuditEntry.subject == f"compliance-case:{case.id}"))
            logged = [
                (r.action.removeprefix("case."), json.loads(r.payload)) for r in sorted(rows, key=lambda r: r.seq)
            ]
        moves = [(a, p["from"], p["to"], p["reason"]) for a, p in logged if "from" in p]
        events = service.get(store, who, case.id).events
        assert moves == [(e.action, e.from_state, e.to_state, e.reason) for e in events]
        assert all(e.actor == who.actor.name and e.reason for e in events)
    finally:
        store.dispose()
