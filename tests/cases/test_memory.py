"""Decision memory: a cleared false positive is cleared again for the same name and entry, until either changes."""

from __future__ import annotations

import pytest

from regime.cases import screening, service
from regime.cases.machine import Action, State
from regime.cases.records import Approval, HitDecision, Reasoned
from regime.cases.report import report
from regime.cases.screener import PartyHit
from regime.governance.access import Principal
from regime.governance.errors import StateConflictError
from regime.governance.testing import People
from regime.store import Store

from .conftest import EL_HIT, SDN_HIT, TableScreener, prepared

NAME = "Pacific Trading Pte Ltd"


def cleared_once(store: Store, who: Principal) -> int:
    """A first case whose SDN hit a reviewer cleared as a false positive; the case id."""
    case = screening.screen(store, who, prepared(store, who).id, TableScreener({NAME: [SDN_HIT]}))
    screening.clear(store, who, case.id, case.hits[0].id, HitDecision(reason="different company: Malaysia, not Iran"))
    return case.id


def test_the_same_name_against_the_same_entry_is_cleared_again_and_the_report_says_so(
    store: Store, exporter: Principal
) -> None:
    first = cleared_once(store, exporter)
    case = screening.screen(store, exporter, prepared(store, exporter).id, TableScreener({NAME: [SDN_HIT]}))
    assert case.state is State.REVIEW_REQUIRED  # no open hit on a prohibited list: no escalation
    hit = case.hits[0]
    assert (hit.status, hit.reason, hit.memory and hit.memory.case_id) == (
        "auto_cleared",
        "different company: Malaysia, not Iran",
        first,
    )
    assert case.screening and case.screening["auto_decided"] == 1
    case = service.approve(store, exporter, case.id, Approval(reason="hit cleared before"))
    assert case.state is State.APPROVED
    lines = report(store, exporter, case.id).lines
    line = next(line for line in lines if "SDN entry" in line)
    assert "cleared automatically (decision memory)" in line
    assert f"decision {hit.memory and hit.memory.id} by {exporter.actor.name}" in line and f"in case {first}" in line
    assert "'different company: Malaysia, not Iran'" in line


def test_a_name_written_the_same_way_after_normalisation_is_remembered(store: Store, exporter: Principal) -> None:
    cleared_once(store, exporter)
    case = screening.screen(store, exporter, prepared(store, exporter, parties=[{"name": "PACIFIC TRADING PTE. LTD.", "role": "consignee"}]).id,
                            TableScreener({"PACIFIC TRADING PTE. LTD.": [SDN_HIT]}))  # fmt: skip
    assert case.hits[0].status == "auto_cleared"


@pytest.mark.parametrize(
    ("party", "hit"),
    [
        ("Pacific Trading Sdn Bhd", SDN_HIT),  # another name
        (NAME, SDN_HIT.model_copy(update={"entry_hash": "h1-changed"})),  # the entry's content changed
        (NAME, SDN_HIT.model_copy(update={"entry_id": "SDN-2"})),  # another entry
        (NAME, SDN_HIT.model_copy(update={"list_code": "DPL"})),  # another list
    ],
)
def test_a_changed_name_or_entry_is_reviewed_afresh(
    store: Store, exporter: Principal, party: str, hit: PartyHit
) -> None:
    cleared_once(store, exporter)
    case = prepared(store, exporter, parties=[{"name": party, "role": "consignee"}])
    case = screening.screen(store, exporter, case.id, TableScreener({party: [hit]}))
    assert (case.state, case.hits[0].status, case.hits[0].memory) == (State.ESCALATED, "open", None)


def test_memory_is_the_owners_own(store: Store, people: People) -> None:
    me, them = people(None, None, "exporter"), people(None, None, "exporter")
    cleared_once(store, me)
    case = screening.screen(store, them, prepared(store, them).id, TableScreener({NAME: [SDN_HIT]}))
    assert case.hits[0].status == "open"


def test_a_confirmed_match_stays_confirmed_and_is_never_cleared_later(store: Store, exporter: Principal) -> None:
    case = screening.screen(
        store, exporter, prepared(store, exporter).id, TableScreener({"Example Cloud Pte Ltd": [EL_HIT]})
    )
    screening.confirm(store, exporter, case.id, case.hits[0].id, HitDecision(reason="it is them"))
    again = screening.screen(
        store, exporter, prepared(store, exporter).id, TableScreener({"Example Cloud Pte Ltd": [EL_HIT]})
    )
    assert again.hits[0].status == "auto_confirmed" and again.state is State.REVIEW_REQUIRED
    with pytest.raises(StateConflictError, match="no role can override it"):
        screening.clear(store, exporter, again.id, again.hits[0].id, HitDecision(reason="changed my mind"))


def test_a_reviewer_can_overturn_an_automatic_clearance(store: Store, exporter: Principal) -> None:
    cleared_once(store, exporter)
    case = screening.screen(store, exporter, prepared(store, exporter).id, TableScreener({NAME: [SDN_HIT]}))
    case = screening.confirm(store, exporter, case.id, case.hits[0].id, HitDecision(reason="new evidence: same owner"))
    assert case.state is State.BLOCKED
    third = screening.screen(store, exporter, prepared(store, exporter).id, TableScreener({NAME: [SDN_HIT]}))
    assert (third.state, third.hits[0].status) == (State.BLOCKED, "auto_confirmed")
    service.transition(store, exporter, third.id, Action.CLOSE, Reasoned(reason="will not ship"))
